import { useEffect, useId, useRef, useState } from 'react';
import type { AuditEvent } from '../core/event.js';
import type { FieldDefinition } from '../core/fields.js';
import type { FieldFilter } from '../core/query.js';
import { useAuditLogsEnvironment } from '../hooks/context.js';
import type { EventWindow } from '../hooks/useEventWindow.js';
import { EventFields } from './EventFields.js';
import { RelatedEvents } from './RelatedEvents.js';

export interface EventDetailsProps {
  /** The row whose event is shown. */
  index: number;
  rows: EventWindow;
  fields: readonly FieldDefinition[];
  /** Show another row's event (previous / next). */
  onNavigate: (index: number) => void;
  onClose: () => void;
  /** Filter the log by (or exclude) a value of this event, closing the dialog. */
  onPivot: (filter: FieldFilter) => void;
  /** Extra class on the dialog. */
  className?: string;
}

/**
 * The modal `dialog` "Event details": every field, changes, payload and related events. Escape or
 * `Close` closes it; the caller returns focus to the row.
 */
export function EventDetails({ index, rows, fields, onNavigate, onClose, onPivot, className }: EventDetailsProps) {
  const { messages, formatter } = useAuditLogsEnvironment();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // A related event opened from this dialog, shown instead of the row's event until navigation.
  const [related, setRelated] = useState<{ index: number; event: AuditEvent } | null>(null);
  const state = rows.row(index);
  const event = related?.index === index ? related.event : state.status === 'ready' ? state.event : undefined;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className={className ? `ral-details ${className}` : 'ral-details'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="ral-details__header">
        <h2 id={titleId} className="ral-details__title">
          {messages.eventDetails}
        </h2>
        <div className="ral-details__nav">
          <button type="button" className="ral-button" disabled={index <= 0} onClick={() => onNavigate(index - 1)}>
            {messages.previousEvent}
          </button>
          <button
            type="button"
            className="ral-button"
            disabled={index >= rows.rowCount - 1}
            onClick={() => onNavigate(index + 1)}
          >
            {messages.nextEvent}
          </button>
          <button type="button" className="ral-button" onClick={onClose} autoFocus>
            {messages.close}
          </button>
        </div>
      </header>
      <div className="ral-details__body">
        {event ? (
          <>
            <p className="ral-details__summary">
              <strong>{event.action}</strong>{' '}
              <time dateTime={event.timestamp}>{formatter.dateTime(event.timestamp)}</time>
            </p>
            <EventFields event={event} fields={fields} onPivot={onPivot} />
            <RelatedEvents key={event.id} event={event} onOpen={(e) => setRelated({ index, event: e })} />
          </>
        ) : state.status === 'loading' ? (
          <p role="status">{messages.loading}</p>
        ) : (
          <p role="status">{messages.rowFailed}</p>
        )}
      </div>
    </dialog>
  );
}
