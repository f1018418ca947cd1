import type { FieldDefinition } from '../../core/fields.js';
import type { FieldFilter } from '../../core/query.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { useFilterOperators } from '../../hooks/useFilterOperators.js';

export interface PivotButtonsProps {
  field: FieldDefinition;
  value: string | number;
  onPivot: (filter: FieldFilter) => void;
}

const ICONS = {
  eq: 'M2.5 3.5h11l-4.25 5v4l-2.5 1v-5z',
  neq: 'M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11zM4.2 4.2l7.6 7.6',
} as const;

/** "Filter by this value" and "Exclude this value" for one field of an event. */
export function PivotButtons({ field, value, onPivot }: PivotButtonsProps) {
  const { messages } = useAuditLogsEnvironment();
  const operators = useFilterOperators()(field.type);
  // Only what the server can do: "Exclude" needs "does not equal".
  const actions = (
    [
      { op: 'eq', label: messages.filterByValue },
      { op: 'neq', label: messages.excludeValue },
    ] as const
  ).filter((a) => operators.includes(a.op));
  return (
    <>
      {actions.map(({ op, label }) => (
        <button
          key={op}
          type="button"
          className="ral-icon-button"
          aria-label={`${label}: ${field.displayName}`}
          title={label}
          onClick={() => onPivot({ field: field.name, op, value })}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d={ICONS[op]} />
          </svg>
        </button>
      ))}
    </>
  );
}
