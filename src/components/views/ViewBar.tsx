import { useState } from 'react';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { useAuditLogsInstance } from '../../hooks/instance.js';
import { viewFailure } from './viewErrors.js';

/**
 * The open view's name; once anything changed, "Modified" with Save and Revert. (What opening a view could not
 * do, and what was done with views, is said in the status line.)
 */
export function ViewBar() {
  const { messages } = useAuditLogsEnvironment();
  const { views } = useAuditLogsInstance();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { current, modified } = views;
  if (!current && !failure) return null;
  const save = async () => {
    if (!current) return;
    if (!views.canChange(current)) {
      views.setDialog({ kind: 'saveAs' });
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      const saved = await views.update(current, { state: { ...current.state, ...views.stateNow() } });
      views.announce(messages.viewSaved(saved.name));
    } catch (error) {
      setFailure(viewFailure(error, current.name, messages, messages.viewSaveFailed));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="ral-viewbar">
      {current ? (
        <span className="ral-viewbar__name">
          {messages.openView(current.name)}
          {modified ? <span className="ral-viewbar__modified"> · {messages.viewModified}</span> : null}
        </span>
      ) : null}
      {current && modified ? (
        <>
          <button type="button" className="ral-button" onClick={() => void save()} disabled={saving} aria-busy={saving || undefined}>
            {messages.saveChanges}
          </button>
          <button
            type="button"
            className="ral-button"
            disabled={saving}
            onClick={() => {
              setFailure(null);
              views.revert();
            }}
          >
            {messages.revertChanges}
          </button>
        </>
      ) : null}
      {failure ? (
        <p role="alert" className="ral-viewbar__error">
          {failure}{' '}
          <button type="button" className="ral-button" onClick={() => views.setDialog({ kind: 'saveAs' })}>
            {messages.saveAsNewView}
          </button>
        </p>
      ) : null}
    </div>
  );
}
