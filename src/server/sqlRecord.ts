/**
 * `record` for the PostgreSQL stores: events checked a batch of 1,000 at a time and written by COPY (a server
 * through `pg`) or by INSERT (PGlite, or `copy: false`), several statements in flight at once.
 */
import type { AuditEvent } from '../core/event.js';
import { severityLevelOfRank } from '../core/severity.js';
import { copyRows } from './pgCopy.js';
import type { SqlClient } from './sql.js';
import { prepareRecords, searchText, storable, unstorableJson, type AuditLogStore, type RecordInput, type RecordSkipped } from './store.js';

/** Events per INSERT statement. */
const INSERT_BATCH = 1000;

/**
 * One statement per batch, its rows as one JSON array bound as one parameter: PostgreSQL reads it once, and the
 * event goes into its column as the jsonb it already parsed (against a text array per column, each event's JSON
 * escaped into one: a third less time in this process for the same time in the server).
 */
const INSERT_SQL = `INSERT INTO audit_events (tenant_id, id, ts, severity, severity_rank, severity_level, search_text, event)
  SELECT t, i, ts, s, r, l, q, e FROM jsonb_to_recordset($1::jsonb) AS x(t text, i text, ts timestamptz, s text, r integer, l text, q text, e jsonb)
  ON CONFLICT (tenant_id, id) DO NOTHING`;

/** A batch of events as the JSON rows `INSERT_SQL` reads. */
function insertRows(batch: readonly AuditEvent[]): string {
  return JSON.stringify(
    batch.map((e) => ({ t: e.tenantId, i: e.id, ts: e.timestamp, s: e.severity, r: e.severityRank, l: severityLevelOfRank(e.severityRank), q: searchText(e), e })),
  );
}

export interface SqlRecordOptions {
  /** Statements in flight at once: a pool's connections work side by side; PGlite runs one at a time. */
  parallel?: number;
  /**
   * Writes these COPY rows (a PostgreSQL server through `pg`): straight into the events, or (`staged`, ids the
   * caller chose) through a temporary table whose INSERT skips ids already there. Without it, INSERT.
   */
  copy?: (rows: Buffer, staged: boolean) => Promise<void>;
}

/** The store's `record` on this database. */
export function sqlRecord(db: SqlClient, options: SqlRecordOptions): AuditLogStore['record'] {
  const parallel = Math.max(1, options.parallel ?? 1);
  return async (given, opts = {}) => {
    const list = (Array.isArray(given) ? given : [given]) as readonly RecordInput[];
    const at = new Date().toISOString();
    const recorded: AuditEvent[] = [];
    const skipped: RecordSkipped[] = [];
    // Batches are checked and go out one at a time, up to `parallel` at once: the database writes the first
    // while this process checks and encodes the next (checking the whole call first left it idle meanwhile).
    // The first failure is thrown once those in flight have settled.
    const inFlight = new Set<Promise<void>>();
    let failure: { error: unknown } | undefined;
    for (let from = 0; from < list.length && !failure; from += INSERT_BATCH) {
      const prepared = prepareRecords(list.slice(from, from + INSERT_BATCH), opts.tenantId, at, from);
      skipped.push(...prepared.skipped);
      let batch = prepared.recorded;
      if (!batch.length) continue;
      let write: () => Promise<unknown>;
      if (options.copy) {
        const copy = options.copy;
        const encoded = copyRows(batch);
        batch = encoded.batch;
        // Ids the caller chose may be there already: those go through a table that skips them.
        const staged = prepared.chosenIds.size > 0;
        write = () => copy(encoded.rows, staged);
      } else {
        let rows = insertRows(batch);
        // PostgreSQL text holds no U+0000 and no lone surrogate: such an event is kept with U+FFFD in its place,
        // not refused with its batch. (A well-formed pair is written as it is; only a lone half is escaped.)
        if (unstorableJson(rows)) {
          batch = batch.map(storable);
          rows = insertRows(batch);
        }
        write = () => db.query(INSERT_SQL, [rows]);
      }
      recorded.push(...batch);
      const sent: Promise<void> = write()
        .then(
          () => undefined,
          (error: unknown) => void (failure ??= { error }),
        )
        .finally(() => inFlight.delete(sent));
      inFlight.add(sent);
      if (inFlight.size >= parallel) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (failure) throw failure.error;
    return { recorded, skipped };
  };
}
