import type { AuditEvent, JsonValue } from '../../core/event.js';
import { getFieldValue, type FieldDefinition } from '../../core/fields.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { CellValue } from '../table/CellValue.js';
import { ChangesTable } from './ChangesTable.js';
import { CopyButton } from './CopyButton.js';
import { Highlight } from '../shared/Highlight.js';
import { JsonTree } from './JsonTree.js';
import { PivotButtons } from './PivotButtons.js';
import type { FieldFilter } from '../../core/query.js';
import { humanizeKey } from '../../core/fieldForm.js';

/** Fields whose values are ids a person copies into a ticket or a search. */
const COPYABLE = new Set(['id', 'correlationId', 'traceId', 'requestId', 'actor.id', 'resourceId', 'ip']);
const SHOWN_APART = new Set(['changes', 'payload']);

/** Built-in fields a person pivots on; custom fields qualify when the data structure makes them filterable. */
const PIVOTS = new Set(['actor.name', 'actor.email', 'actor.id', 'ip', 'resource', 'action', 'correlationId']);

export interface EventFieldsProps {
  event: AuditEvent;
  fields: readonly FieldDefinition[];
  onPivot: (filter: FieldFilter) => void;
  /** Offers "Add as column" on payload keys and on custom values the data structure lacks. */
  onAddColumn?: (path: string, value: JsonValue) => void;
}

/** Every field of an event, by display name: the data structure's, then any custom keys it lacks. */
export function EventFields({ event, fields, onPivot, onAddColumn }: EventFieldsProps) {
  const { messages } = useAuditLogsEnvironment();
  const known = new Set(fields.map((f) => f.name));
  // A custom key some field already shows (by its name, or reading it through `valueFrom`) is not shown again under its raw key.
  const shownKeys = new Set(fields.flatMap((f) => [f.name, f.valueFrom?.startsWith('fields.') ? f.valueFrom.slice(7) : f.name]));
  const extra: FieldDefinition[] = Object.keys(event.fields ?? {})
    .filter((name) => !shownKeys.has(name))
    .map((name, i) => ({
      name,
      displayName: humanizeKey(name),
      type: 'string',
      visible: false,
      showInDetails: true,
      filterable: false,
      sortable: false,
      custom: true,
      order: 1000 + i,
    }));
  const rows = [...fields, ...extra].filter((f) => f.showInDetails && !SHOWN_APART.has(f.name));
  return (
    <>
      <dl className="ral-fields">
        {rows.map((field) => {
          const value = getFieldValue(event, field.name, field.valueFrom);
          if (value === undefined || value === null || value === '') return null;
          return (
            <div key={field.name} className="ral-fields__item">
              <dt>{field.displayName}</dt>
              <dd>
                <FullValue value={value} field={field} rank={event.severityRank} />
                {COPYABLE.has(field.name) && typeof value === 'string' ? (
                  <CopyButton value={value} label={field.displayName} />
                ) : null}
                {field.filterable && (PIVOTS.has(field.name) || field.custom) && (typeof value === 'string' || typeof value === 'number') ? (
                  <PivotButtons field={field} value={value} onPivot={onPivot} />
                ) : null}
                {onAddColumn && !known.has(field.name) && /^[A-Za-z0-9_-]+$/.test(field.name) ? (
                  <button
                    type="button"
                    className="ral-link ral-json__add"
                    aria-label={messages.addAsColumnNamed(field.name)}
                    onClick={() => onAddColumn(`fields.${field.name}`, value)}
                  >
                    {messages.addAsColumn}
                  </button>
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>
      {event.changes?.length ? <ChangesTable changes={event.changes} /> : null}
      {event.payload !== undefined ? (
        <section className="ral-details__section" aria-label={messages.payload}>
          <h3>{messages.payload}</h3>
          <JsonTree value={event.payload} label={messages.payload} path="payload" onAddColumn={onAddColumn} />
        </section>
      ) : null}
    </>
  );
}

function FullValue({ value, field, rank }: { value: JsonValue; field: FieldDefinition; rank: number }) {
  if (typeof value === 'object' && value !== null && !(Array.isArray(value) && value.every((v) => typeof v !== 'object'))) {
    return <JsonTree value={value} label={field.displayName} />;
  }
  if (field.type === 'severity' || field.type === 'datetime') return <CellValue value={value} field={field} rank={rank} />;
  return (
    <span className="ral-fields__text">
      <Highlight text={Array.isArray(value) ? value.join(', ') : String(value)} />
    </span>
  );
}
