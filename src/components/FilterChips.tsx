import type { FieldDefinition } from '../core/fields.js';
import type { AuditQuery } from '../core/query.js';
import { clearFilters, describeFilter, withoutFilter } from '../core/queryEdit.js';
import { useAuditLogsEnvironment } from '../hooks/context.js';

export interface FilterChipsProps {
  query: AuditQuery;
  fields: readonly FieldDefinition[];
  onChange: (query: AuditQuery) => void;
}

/** Every active filter as a removable chip, and `Clear all`. */
export function FilterChips({ query, fields, onChange }: FilterChipsProps) {
  const { messages, formatter } = useAuditLogsEnvironment();
  const chips: { key: string; text: string; remove: () => AuditQuery }[] = [];
  if (query.search) chips.push({ key: 'search', text: messages.searchChip(query.search), remove: () => ({ ...query, search: undefined }) });
  if (query.severities?.length) {
    chips.push({ key: 'severity', text: messages.severityChip(query.severities), remove: () => ({ ...query, severities: undefined }) });
  }
  // The time range is not a chip: it is written beside its own button, once.
  (query.filters ?? []).forEach((filter, index) =>
    chips.push({ key: `f${index}`, text: describeFilter(filter, fields, formatter, messages), remove: () => withoutFilter(query, index) }),
  );
  if (!chips.length) return null;
  return (
    <div className="ral-chips">
      <ul className="ral-chips__list" aria-label={messages.activeFilters}>
        {chips.map((chip) => (
          <li key={chip.key} className="ral-chip">
            <span className="ral-chip__text">{chip.text}</span>
            <button
              type="button"
              className="ral-chip__remove"
              aria-label={messages.removeFilter(chip.text)}
              onClick={() => onChange(chip.remove())}
            >
              <svg viewBox="0 0 10 10" aria-hidden="true" focusable="false">
                <path d="M2 2l6 6M8 2l-6 6" />
              </svg>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="ral-link" onClick={() => onChange(clearFilters(query))}>
        {messages.clearAll}
      </button>
    </div>
  );
}
