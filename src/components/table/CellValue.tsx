import type { JsonValue } from '../../core/event.js';
import type { FieldDefinition } from '../../core/fields.js';
import { normalizeSeverity } from '../../core/severity.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { Highlight } from '../shared/Highlight.js';
import { SeverityBadge } from '../shared/SeverityBadge.js';

export interface CellValueProps {
  value: JsonValue | undefined;
  field: FieldDefinition;
  /** The event's normalized rank, for severity cells. */
  rank?: number;
}

/** A field value as one line of text (never HTML): dates in `<time>`, severities as badges, JSON previewed. */
export function CellValue({ value, field, rank }: CellValueProps) {
  const { formatter, messages } = useAuditLogsEnvironment();
  if (value === undefined || value === null || value === '') {
    return <span className="ral-cell__empty">{messages.notAvailable}</span>;
  }
  if (field.type === 'severity' && typeof value === 'string') {
    return <SeverityBadge label={value} rank={rank ?? normalizeSeverity(value).rank} />;
  }
  const text = formatter.cell(value, field.type);
  if (field.type === 'datetime' && typeof value === 'string') {
    return (
      <time className="ral-cell__text" dateTime={value}>
        {text}
      </time>
    );
  }
  return (
    <span className={field.type === 'json' ? 'ral-cell__text ral-cell__text--mono' : 'ral-cell__text'}>
      <Highlight text={text} />
    </span>
  );
}
