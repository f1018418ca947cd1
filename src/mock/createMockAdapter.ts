import type { AuditEventInput } from '../core/event.js';
import type { FieldDefinitionInput } from '../core/fields.js';
import { createStoreAdapter, type MemoryAdapter } from '../memory/createMemoryAdapter.js';
import { ingestEvents } from '../memory/ingest.js';
import { EventStore } from '../memory/store.js';
import { memoryViewBooks, type ViewBookStore } from '../memory/viewMethods.js';
import { parseViewBook } from '../core/viewBook.js';
import { FaultInjector, type FailNextOptions } from './faults.js';
import { generateAuditEvents } from './generator.js';
import { createRandom, hashString } from './random.js';
import type { SeverityVocabulary } from './vocabulary.js';

export interface MockAdapterOptions {
  /** Serve these events instead of generated ones; each needs a `tenantId`. Malformed ones are skipped. */
  events?: readonly AuditEventInput[];
  /** Generated events per tenant (any tenant id gets its own log, made on first use). @default 1000 */
  count?: number;
  /** Same seed, same data. @default 1 */
  seed?: number;
  /** Simulated latency per call, fixed or a [min, max] range in ms. @default 0 */
  latencyMs?: number | readonly [number, number];
  /** Share of calls (0–1) that fail with a server error. @default 0 */
  failureRate?: number;
  /** Custom fields every tenant's data structure starts with. */
  fields?: readonly FieldDefinitionInput[];
  /** The clock: what "now" is for generated timestamps and time presets. @default Date.now */
  now?: number | (() => number);
  /** Which paging to offer; `'cursor'` also hides totals, like a cursor-only backend. @default 'both' */
  paging?: 'offset' | 'cursor' | 'both';
  /** Severity labels of generated events. @default Frontegg's or fullstackhero's, by tenant */
  vocabulary?: SeverityVocabulary;
  /** As `createMemoryAdapter`'s: a page first, the count after. The mock server turns it off. @default true */
  countLater?: boolean;
  /**
   * Keep saved views in this browser's storage (so a demo keeps them over a reload), under this key; `false`
   * keeps them in memory. @default `react-audit-logs:mock-views` where the browser has storage
   */
  viewStorageKey?: string | false;
}

/** The mock backend: a memory adapter over seeded events, plus switches for faults. */
export interface MockAdapter extends MemoryAdapter {
  /** Makes the next call (of a method, or any) fail with an `AuditApiError` of the given kind. */
  failNext(options?: FailNextOptions): void;
  setLatency(ms: number | readonly [number, number]): void;
  setFailureRate(rate: number): void;
  /** Clears queued failures. */
  resetFaults(): void;
}

/** Generated tenant logs kept at once (the least recently used is dropped, and made again if asked for). */
export const MAX_GENERATED_TENANTS = 32;

/**
 * An in-memory backend for demos, stories and tests: seeded realistic events per tenant (or the events
 * given), everything the memory adapter does, simulated latency and fault injection.
 */
export function createMockAdapter(options: MockAdapterOptions = {}): MockAdapter {
  const seed = options.seed ?? 1;
  const count = options.count ?? 1000;
  const startedAt = Date.now();
  const fixedNow = typeof options.now === 'number' ? options.now : undefined;
  const clock = typeof options.now === 'function' ? options.now : undefined;
  const faults = new FaultInjector(createRandom(seed ^ 0x5eed), options.latencyMs ?? 0, options.failureRate ?? 0);
  const given = options.events ? ingestEvents(options.events) : undefined;
  const idRandom = createRandom(hashString('ids') ^ seed);

  const load = (tenantId: string): EventStore => {
    if (given) return given.stores.get(tenantId) ?? new EventStore(tenantId);
    const events = generateAuditEvents({
      tenantId,
      count,
      seed,
      now: fixedNow ?? clock?.() ?? startedAt,
      vocabulary: options.vocabulary,
    });
    return ingestEvents(events).stores.get(tenantId) ?? new EventStore(tenantId);
  };

  const adapter = createStoreAdapter({
    fields: options.fields,
    now: options.now,
    paging: options.paging,
    countLater: options.countLater,
    skipped: given?.skipped,
    ...(given && { stores: () => given.stores.values() }),
    // Any tenant id gets a generated log on first use: a server asked for endless new ids keeps a bounded few.
    ...(!given && { maxTenants: MAX_GENERATED_TENANTS }),
    load,
    enter: (method, signal) => faults.enter(method, signal),
    newId: () => `evt_${idRandom.hex(16)}`,
    views: browserViewBooks(options.viewStorageKey ?? 'react-audit-logs:mock-views'),
  });
  return Object.assign(adapter, {
    failNext: (o?: FailNextOptions) => faults.failNext(o),
    setLatency: (ms: number | readonly [number, number]) => {
      faults.latencyMs = ms;
    },
    setFailureRate: (rate: number) => {
      faults.failureRate = rate;
    },
    resetFaults: () => faults.reset(),
  });
}

/** Views in this browser's storage under a key per tenant; in memory where there is none (a server, a locked frame). */
function browserViewBooks(key: string | false): ViewBookStore {
  let storage: Storage | undefined;
  try {
    storage = key !== false && typeof window !== 'undefined' ? window.localStorage : undefined;
  } catch {
    storage = undefined;
  }
  const memory = memoryViewBooks();
  if (!storage || key === false) return memory;
  const at = (tenantId: string) => `${key}:${tenantId}`;
  return {
    load(tenantId) {
      try {
        return parseViewBook(JSON.parse(storage.getItem(at(tenantId)) ?? 'null')) ?? memory.load(tenantId);
      } catch {
        return memory.load(tenantId);
      }
    },
    save(tenantId, data) {
      memory.save(tenantId, data);
      try {
        storage.setItem(at(tenantId), JSON.stringify(data));
      } catch {
        // Full or forbidden storage: the views last until the page is left.
      }
    },
  };
}
