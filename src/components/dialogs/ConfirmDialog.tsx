import { useId, type ReactNode } from 'react';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { useModalDialog } from '../../hooks/useModalDialog.js';

export interface ConfirmDialogProps {
  title: string;
  /** What will happen, and why it matters. */
  children: ReactNode;
  /** The confirming button's words (what it does). */
  confirmLabel: string;
  /** The request is under way: both buttons wait. */
  pending: boolean;
  /** Why the last attempt failed, in words; nothing when it did not. */
  failure?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal `alertdialog` for an action that cannot be undone: starts on Cancel, Escape cancels, a failure
 * is said here and the dialog stays.
 */
export function ConfirmDialog({ title, children, confirmLabel, pending, failure, onConfirm, onCancel }: ConfirmDialogProps) {
  const { messages } = useAuditLogsEnvironment();
  const ref = useModalDialog();
  const titleId = useId();
  const textId = useId();


  return (
    <dialog
      ref={ref}
      role="alertdialog"
      className="ral-confirm"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(e) => {
        e.preventDefault();
        if (!pending) onCancel();
      }}
    >
      <h2 id={titleId} className="ral-confirm__title">
        {title}
      </h2>
      <div id={textId} className="ral-confirm__text">
        {children}
      </div>
      {failure ? (
        <p role="alert" className="ral-confirm__error">
          {failure}
        </p>
      ) : null}
      <div className="ral-confirm__actions">
        <button type="button" className="ral-button" onClick={onCancel} disabled={pending} autoFocus>
          {messages.cancel}
        </button>
        <button type="button" className="ral-button ral-button--danger" onClick={onConfirm} disabled={pending} aria-busy={pending || undefined}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
