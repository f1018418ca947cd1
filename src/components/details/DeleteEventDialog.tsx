import { isAuditApiError } from '../../api/errors.js';
import type { AuditEvent } from '../../core/event.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { ConfirmDialog } from '../dialogs/ConfirmDialog.js';

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
  const actor = event.actor?.name ?? event.actor?.email ?? event.actor?.id;
  const failure = !error
    ? undefined
    : isAuditApiError(error) && error.kind === 'forbidden'
      ? `${messages.deleteForbidden} ${error.message}`
      : error instanceof Error
        ? `${messages.deleteFailed} ${error.message}`
        : messages.deleteFailed;
  return (
    <ConfirmDialog
      title={messages.deleteEventTitle}
      confirmLabel={messages.deleteEvent}
      pending={pending}
      failure={failure}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p className="ral-confirm__event">
        <strong>{event.action}</strong>
        {actor ? ` · ${actor}` : ''} · <time dateTime={event.timestamp}>{formatter.dateTime(event.timestamp)}</time>
      </p>
      <p>{messages.deleteEventWarning}</p>
    </ConfirmDialog>
  );
}
