import { useEffect, useId, useRef } from 'react';
import { isAuditApiError } from '../api/errors.js';
import type { AuditEvent } from '../core/event.js';
import { useAuditLogsEnvironment } from '../hooks/context.js';

export interface DeleteEventDialogProps {
  event: AuditEvent;
  /** The request is under way: both buttons wait. */
  pending: boolean;
  /** Why the last attempt failed, if it did. */
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The `alertdialog` "Delete event?": names the event, says what deleting an audit event means, starts
 * on Cancel; Escape cancels. A failure is shown here, and nothing is removed.
 */
export function DeleteEventDialog({ event, pending, error, onConfirm, onCancel }: DeleteEventDialogProps) {
  const { messages, formatter } = useAuditLogsEnvironment();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const actor = event.actor?.name ?? event.actor?.email ?? event.actor?.id;
  const reason = !error
    ? undefined
    : isAuditApiError(error) && error.kind === 'forbidden'
      ? `${messages.deleteForbidden} ${error.message}`
      : error instanceof Error
        ? `${messages.deleteFailed} ${error.message}`
        : messages.deleteFailed;
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
        {messages.deleteEventTitle}
      </h2>
      <div id={textId} className="ral-confirm__text">
        <p className="ral-confirm__event">
          <strong>{event.action}</strong>
          {actor ? ` · ${actor}` : ''} · <time dateTime={event.timestamp}>{formatter.dateTime(event.timestamp)}</time>
        </p>
        <p>{messages.deleteEventWarning}</p>
      </div>
      {reason ? (
        <p role="alert" className="ral-confirm__error">
          {reason}
        </p>
      ) : null}
      <div className="ral-confirm__actions">
        <button type="button" className="ral-button" onClick={onCancel} disabled={pending} autoFocus>
          {messages.cancel}
        </button>
        <button type="button" className="ral-button ral-button--danger" onClick={onConfirm} disabled={pending} aria-busy={pending || undefined}>
          {messages.deleteEvent}
        </button>
      </div>
    </dialog>
  );
}
