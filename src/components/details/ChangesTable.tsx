import type { EntityChange, JsonValue } from '../../core/event.js';
import { jsonPreview } from '../../core/format.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';

function show(value: JsonValue | undefined, empty: string): string {
  return value === undefined || value === null ? empty : jsonPreview(value, 300);
}

/** Entity changes as a before/after table; changed values are marked. */
export function ChangesTable({ changes }: { changes: readonly EntityChange[] }) {
  const { messages } = useAuditLogsEnvironment();
  return (
    <table className="ral-changes">
      <caption>{messages.changes}</caption>
      <thead>
        <tr>
          <th scope="col">{messages.changeField}</th>
          <th scope="col">{messages.changeBefore}</th>
          <th scope="col">{messages.changeAfter}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change, i) => {
          const changed = JSON.stringify(change.before ?? null) !== JSON.stringify(change.after ?? null);
          return (
            <tr key={`${change.field}-${i}`} data-changed={changed || undefined}>
              <th scope="row">{change.field}</th>
              <td className="ral-changes__before">{show(change.before, messages.notAvailable)}</td>
              <td className="ral-changes__after">{show(change.after, messages.notAvailable)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
