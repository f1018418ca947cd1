import { useEffect, useId, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import type { AuditEvent, JsonValue } from '../../core/event.js';
import type { FieldDefinition } from '../../core/fields.js';
import type { FieldFilter } from '../../core/query.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { useModalDialog } from '../../hooks/useModalDialog.js';
import { useDeleteEvent } from '../../hooks/useDeleteEvent.js';
import { useSingleFlight } from '../../hooks/useSingleFlight.js';
import { DeleteEventDialog } from './DeleteEventDialog.js';
import { EventFields } from './EventFields.js';
import { RelatedEvents } from './RelatedEvents.js';

export interface EventDetailsProps {
  /** The event shown; undefined while it loads. */
  event: AuditEvent | undefined;
  /** It could not be loaded. */
  failed: boolean;
  fields: readonly FieldDefinition[];
  /** The rows before and after it, when loaded. */
  previous: number | undefined;
  next: number | undefined;
  /** Show another row's event (previous / next). */
  onNavigate: (index: number) => void;
  /** Show a related event. */
  onOpenRelated: (event: AuditEvent) => void;
  onClose: () => void;
  /** Filter the log by (or exclude) a value of this event, closing the dialog. */
  onPivot: (filter: FieldFilter) => void;
  /** Opens the Add field dialog for a value of this event. Absent: no "Add as column". */
  onAddColumn?: (path: string, value: JsonValue) => void;
  /** The event was deleted (after the server confirmed). Absent: no delete. */
  onDeleted?: (event: AuditEvent) => void;
  /** Extra class on the dialog. */
  className?: string;
  /**
   * Shown in place (in a host's panel, through `AuditLogs.Details`): a labelled section, not a modal dialog;
   * focus stays where it is (on the row), Escape still closes it.
   */
  inline?: boolean;
}

/**
 * The modal `dialog` "Event details": every field, changes, payload and related events. Escape or
 * `Close` closes it; the caller returns focus to the row.
 */
export function EventDetails(props: EventDetailsProps) {
  const { event, failed, fields, previous, next, onNavigate, onClose, onPivot, className, inline = false } = props;
  const { messages } = useAuditLogsEnvironment();
  const dialogRef = useModalDialog();
  const deleteRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [confirming, setConfirming] = useState(false);
  const deletion = useDeleteEvent();
  const once = useSingleFlight();
  const { onDeleted } = props;
  const refocusDelete = useRef(false);
  const cancelDelete = () => {
    setConfirming(false);
    deletion.reset();
    refocusDelete.current = true;
  };
  // Back on "Delete event" once the confirmation has closed (closing a modal moves focus itself).
  useEffect(() => {
    if (!confirming && refocusDelete.current) {
      refocusDelete.current = false;
      deleteRef.current?.focus();
    }
  }, [confirming]);


  const classes = ['ral-details', inline ? 'ral-details--inline' : '', className ?? ''].filter(Boolean).join(' ');
  const Frame = inline ? 'section' : 'dialog';
  return (
    <Frame
      ref={inline ? undefined : dialogRef}
      className={classes}
      aria-labelledby={titleId}
      {...(inline
        ? {
            onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
              if (e.key === 'Escape' && !confirming) {
                e.stopPropagation();
                onClose();
              }
            },
          }
        : {
            onCancel: (e: SyntheticEvent<HTMLDialogElement>) => {
              e.preventDefault();
              // Escape inside the confirmation is the confirmation's to handle.
              if (!confirming) onClose();
            },
          })}
    >
      <header className="ral-details__header">
        <h2 id={titleId} className="ral-details__title">
          {messages.eventDetails}
        </h2>
        <div className="ral-details__nav">
          {(
            [
              [previous, messages.previousEvent],
              [next, messages.nextEvent],
            ] as const
          ).map(([index, label]) => (
            <button
              key={label}
              type="button"
              className="ral-button"
              disabled={index === undefined}
              onClick={() => index !== undefined && onNavigate(index)}
            >
              {label}
            </button>
          ))}
          {onDeleted && event ? (
            <button ref={deleteRef} type="button" className="ral-button ral-button--danger" onClick={() => setConfirming(true)}>
              {messages.deleteEvent}
            </button>
          ) : null}
          <button type="button" className="ral-button" onClick={onClose} autoFocus={!inline}>
            {messages.close}
          </button>
        </div>
      </header>
      <div className="ral-details__body">
        {event ? (
          <>
            {/* The action as the headline; its time is in the fields below (once). */}
            <p className="ral-details__summary">
              <strong>{event.action}</strong>
            </p>
            <EventFields event={event} fields={fields} onPivot={onPivot} onAddColumn={props.onAddColumn} />
            <RelatedEvents key={event.id} event={event} onOpen={props.onOpenRelated} />
          </>
        ) : !failed ? (
          <p role="status">{messages.loading}</p>
        ) : (
          <p role="status">{messages.rowFailed}</p>
        )}
      </div>
      {confirming && event && onDeleted ? (
        <DeleteEventDialog
          event={event}
          pending={deletion.isPending}
          error={deletion.error}
          onCancel={cancelDelete}
          onConfirm={() => once((done) => deletion.mutate(event.id, { onSuccess: () => onDeleted(event), onSettled: done }))}
        />
      ) : null}
    </Frame>
  );
}
