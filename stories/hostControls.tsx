import { useAuditLogs } from '../src/hooks/instance';

/** A host control of its own inside `<AuditLogs.Root>`: reads and changes the viewer's query through useAuditLogs(). */
export function OnlyErrors() {
  const { query, setQuery } = useAuditLogs();
  const on = query.severities?.includes('Error') ?? false;
  return (
    <button type="button" aria-pressed={on} onClick={() => setQuery({ ...query, severities: on ? undefined : ['Error'] })}>
      Only errors
    </button>
  );
}
