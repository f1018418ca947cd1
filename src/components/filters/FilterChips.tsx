import type { FieldDefinition } from '../../core/fields.js';
import type { AuditQuery } from '../../core/query.js';
import { clearFilters, describeFilter, withoutFilter } from '../../core/queryEdit.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { Chip } from './Chip.js';

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
          <Chip key={chip.key} text={chip.text} removeLabel={messages.removeFilter(chip.text)} onRemove={() => onChange(chip.remove())} />
        ))}
      </ul>
      <button type="button" className="ral-link" onClick={() => onChange(clearFilters(query))}>
        {messages.clearAll}
      </button>
    </div>
  );
}
