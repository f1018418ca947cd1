import { useState } from 'react';
import type { AuditEvent } from '../../core/event.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { useRelatedEvents } from '../../hooks/useRelatedEvents.js';
import { SeverityBadge } from '../shared/SeverityBadge.js';

/** One click shows the events sharing this event's correlation or trace id. */
export function RelatedEvents({ event, onOpen }: { event: AuditEvent; onOpen: (event: AuditEvent) => void }) {
  const { messages, formatter } = useAuditLogsEnvironment();
  const [wanted, setWanted] = useState(false);
  const related = useRelatedEvents(event, wanted);
  if (!event.correlationId && !event.traceId) return null;
  return (
    <section className="ral-details__section" aria-label={messages.relatedEvents}>
      <h3>{messages.relatedEvents}</h3>
      {!wanted ? (
        <button type="button" className="ral-button" onClick={() => setWanted(true)}>
          {messages.showRelated}
        </button>
      ) : related.isPending ? (
        <p role="status">{messages.loading}</p>
      ) : related.isError ? (
        <p role="alert">
          {messages.errorTitle('unknown')}{' '}
          <button type="button" className="ral-button" onClick={() => void related.refetch()}>
            {messages.retry}
          </button>
        </p>
      ) : related.data.length === 0 ? (
        <p>{messages.noRelated}</p>
      ) : (
        <ul className="ral-related">
          {related.data.map((e) => (
            <li key={e.id}>
              <button type="button" className="ral-related__item" onClick={() => onOpen(e)}>
                <time dateTime={e.timestamp}>{formatter.dateTime(e.timestamp)}</time>
                <SeverityBadge label={e.severity} rank={e.severityRank} />
                <span>{e.action}</span>
                <span className="ral-related__actor">{e.actor?.name ?? e.actor?.email ?? ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
