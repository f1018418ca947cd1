import { useId, useState } from 'react';
import { viewNameProblem, VIEW_NAME_MAX, type SavedView, type SavedViewChanges } from '../../core/views.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { useAuditLogsInstance } from '../../hooks/instance.js';
import { useModalDialog } from '../../hooks/useModalDialog.js';
import { ConfirmDialog } from '../dialogs/ConfirmDialog.js';
import { viewFailure } from './viewErrors.js';

/**
 * The modal `dialog` "Manage views": each view a `group` named after it, with its defaults, Rename and Delete
 * (an `alertdialog` that names it, Cancel first) where the user may change it. Each change is announced.
 */
export function ManageViewsDialog({ onClose }: { onClose: () => void }) {
  const { messages } = useAuditLogsEnvironment();
  const { views } = useAuditLogsInstance();
  const ref = useModalDialog();
  const id = useId();
  const [said, setSaid] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<{ view: SavedView; pending: boolean; failure?: string } | null>(null);
  const say = (text: string) => {
    setSaid(text);
    views.announce(text);
  };
  const change = async (view: SavedView, changes: SavedViewChanges, done: (saved: SavedView) => string) => {
    setFailure(null);
    try {
      say(done(await views.update(view, changes)));
      return true;
    } catch (error) {
      setFailure(viewFailure(error, view.name, messages, messages.viewSaveFailed));
      return false;
    }
  };
  const remove = async (view: SavedView) => {
    setDeleting({ view, pending: true });
    try {
      await views.remove(view);
      setDeleting(null);
      say(messages.viewDeleted(view.name));
    } catch (error) {
      setDeleting({ view, pending: false, failure: `${messages.viewDeleteFailed} ${error instanceof Error ? error.message : ''}`.trim() });
    }
  };

  return (
    <dialog
      ref={ref}
      className="ral-field-dialog ral-manage-views"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        if (!deleting) onClose();
      }}
    >
      <h2 id={`${id}-title`} className="ral-confirm__title">
        {messages.manageViews}
      </h2>
      {views.home === 'browser' ? <p className="ral-note">{messages.viewsInBrowserOnly}</p> : null}
      <ul className="ral-manage-views__list">
        {views.list.map((view) => (
          <li key={view.id}>
            <ManagedView view={view} onChange={change} onDelete={() => setDeleting({ view, pending: false })} />
          </li>
        ))}
      </ul>
      {failure ? (
        <p role="alert" className="ral-confirm__error">
          {failure}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="ral-manage-views__status">
        {said}
      </p>
      <div className="ral-confirm__actions">
        <button type="button" className="ral-button" onClick={onClose} autoFocus>
          {messages.close}
        </button>
      </div>
      {deleting ? (
        <ConfirmDialog
          title={messages.deleteViewTitle}
          confirmLabel={messages.deleteView}
          pending={deleting.pending}
          failure={deleting.failure}
          onConfirm={() => void remove(deleting.view)}
          onCancel={() => setDeleting(null)}
        >
          <p>{messages.deleteViewText(deleting.view.name)}</p>
        </ConfirmDialog>
      ) : null}
    </dialog>
  );
}

type Change = (view: SavedView, changes: SavedViewChanges, done: (saved: SavedView) => string) => Promise<boolean>;

/** One view's row: a `group` named after it. */
function ManagedView({ view, onChange, onDelete }: { view: SavedView; onChange: Change; onDelete: () => void }) {
  const { messages } = useAuditLogsEnvironment();
  const { views } = useAuditLogsInstance();
  const id = useId();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const mayChange = views.canChange(view);
  const rename = async () => {
    const name = renaming ?? '';
    const issue = viewNameProblem(name, view.scope, views.list, view.id);
    if (issue) {
      setProblem(issue === 'required' ? messages.viewNameRequired : issue === 'tooLong' ? messages.viewNameTooLong(VIEW_NAME_MAX) : messages.viewNameTaken);
      return;
    }
    if (await onChange(view, { name: name.trim() }, (saved) => messages.viewRenamed(saved.name))) setRenaming(null);
  };
  return (
    <div role="group" aria-labelledby={`${id}-name`} className="ral-manage-views__view">
      <span id={`${id}-name`} className="ral-manage-views__name">
        {view.name}
      </span>{' '}
      <span className="ral-note">{view.scope === 'tenant' ? messages.tenantViews : messages.myViews}</span>
      {renaming !== null ? (
        <form
          className="ral-manage-views__rename"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void rename();
          }}
        >
          <label>
            {messages.viewName}
            <input
              value={renaming}
              onChange={(e) => setRenaming(e.target.value)}
              aria-invalid={Boolean(problem) || undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              autoFocus
            />
          </label>
          {problem ? (
            <p id={`${id}-problem`} className="ral-field-error">
              {problem}
            </p>
          ) : null}
          <button type="submit" className="ral-button ral-button--primary">
            {messages.saveChanges}
          </button>
          <button type="button" className="ral-button" onClick={() => setRenaming(null)}>
            {messages.cancel}
          </button>
        </form>
      ) : null}
      <label>
        <input
          type="checkbox"
          checked={Boolean(view.defaultForMe)}
          onChange={(e) =>
            void onChange(view, { defaultForMe: e.target.checked }, (saved) =>
              saved.defaultForMe ? messages.viewDefaultSet(saved.name) : messages.viewDefaultCleared(saved.name),
            )
          }
        />{' '}
        {messages.defaultForMe}
      </label>
      {view.scope === 'tenant' ? (
        <label>
          <input
            type="checkbox"
            checked={Boolean(view.defaultForTenant)}
            disabled={!mayChange}
            onChange={(e) =>
              void onChange(view, { defaultForTenant: e.target.checked }, (saved) =>
                saved.defaultForTenant ? messages.viewDefaultSet(saved.name) : messages.viewDefaultCleared(saved.name),
              )
            }
          />{' '}
          {messages.defaultForEveryone}
        </label>
      ) : null}
      {mayChange && renaming === null ? (
        <>
          <button type="button" className="ral-button" aria-label={messages.renameView(view.name)} onClick={() => setRenaming(view.name)}>
            {messages.rename}
          </button>
          <button type="button" className="ral-button ral-button--danger" aria-label={messages.deleteViewNamed(view.name)} onClick={onDelete}>
            {messages.deleteView}
          </button>
        </>
      ) : null}
    </div>
  );
}
