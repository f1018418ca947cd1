import { memo, useState } from 'react';
import type { AuditQuery } from '../../core/query.js';
import type { SeverityCount } from '../../core/page.js';
import { normalizeSeverity } from '../../core/severity.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { Popover } from '../dialogs/Popover.js';
import { SeverityBadge } from '../shared/SeverityBadge.js';

export interface SeverityFilterProps {
  query: AuditQuery;
  onChange: (severities: string[]) => void;
  /** Labels the data structure names (its severity field's options). */
  known: readonly string[];
  /** Counts for the query without its severity filter, when the adapter has stats. */
  counts: readonly SeverityCount[] | undefined;
}

/**
 * The `button` "Severity": a checkbox per severity, in rank order: the data structure's vocabulary, and
 * counts where the adapter can count. Drawn again only when its props change (pass a stable `onChange`).
 */
export const SeverityFilter = memo(function SeverityFilter({ query, onChange, known, counts }: SeverityFilterProps) {
  const { messages, formatter, adapter } = useAuditLogsEnvironment();
  const one = adapter.capabilities.severitySelection === 'one';
  const [open, setOpen] = useState(false);
  const selected = new Set((query.severities ?? []).map((s) => s.toLowerCase()));
  const countOf = new Map((counts ?? []).map((c) => [c.label.toLowerCase(), c.count]));
  const labels = new Map<string, { label: string; rank: number }>();
  for (const label of [...known, ...(counts ?? []).map((c) => c.label), ...(query.severities ?? [])]) {
    if (!labels.has(label.toLowerCase())) labels.set(label.toLowerCase(), { label, rank: normalizeSeverity(label).rank });
  }
  const ordered = [...labels.values()].sort((a, b) => b.rank - a.rank || (a.label < b.label ? -1 : 1));
  const toggle = (label: string) => {
    const next = selected.has(label.toLowerCase())
      ? (query.severities ?? []).filter((s) => s.toLowerCase() !== label.toLowerCase())
      : one
        ? [label] // a server that filters by one severity: choosing another replaces it
        : [...(query.severities ?? []), label];
    onChange(next);
  };
  return (
    <Popover
      label={messages.severity}
      open={open}
      onOpenChange={setOpen}
      badge={selected.size ? String(selected.size) : undefined}
    >
      <ul className="ral-options">
        {ordered.map(({ label, rank }) => {
          const count = countOf.get(label.toLowerCase());
          return (
            <li key={label} className="ral-options__item">
              <label className="ral-options__label">
                <input type="checkbox" checked={selected.has(label.toLowerCase())} onChange={() => toggle(label)} />
                <SeverityBadge label={label} rank={rank} />
              </label>
              {counts ? <span className="ral-options__count">{formatter.number(count ?? 0)}</span> : null}
            </li>
          );
        })}
      </ul>
    </Popover>
  );
});
