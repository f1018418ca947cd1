import type { AuditLogsMessages } from '../core/messages.js';
import { parseDataStructure, type DataStructure, type FieldDefinition, type FieldDefinitionInput } from '../core/fields.js';

/**
 * Where a tenant's custom fields live when the adapter cannot save them: the host's own backend
 * (`dataStructureStore` prop), or this browser. Saves are per tenant, never for all tenants.
 */
export interface DataStructureStore {
  /** The tenant's custom fields (a data structure with just those, or nothing yet). */
  load(tenantId: string): Promise<DataStructure | { fields: FieldDefinitionInput[] } | null | undefined>;
  save(tenantId: string, structure: DataStructure): Promise<void>;
}

/** Custom fields read from a store: only valid custom ones, whatever it held. */
export function storedCustomFields(value: unknown): FieldDefinition[] {
  if (!value || typeof value !== 'object' || !Array.isArray((value as { fields?: unknown }).fields)) return [];
  try {
    return parseDataStructure({ fields: (value as { fields: unknown[] }).fields }).fields.filter((f) => f.custom);
  } catch {
    return [];
  }
}

/** This browser's storage, where it exists and works (not on a server, not in a locked-down frame). */
export function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** A store in this browser's localStorage, per tenant (and per viewer key). */
export function browserFieldStore(storageKey = 'default'): DataStructureStore {
  const key = (tenantId: string) => `react-audit-logs:fields:v1:${storageKey}:${tenantId}`;
  return {
    async load(tenantId) {
      try {
        return JSON.parse(storage()?.getItem(key(tenantId)) ?? 'null') as DataStructure | null;
      } catch {
        return null;
      }
    },
    async save(tenantId, structure) {
      const store = storage();
      if (!store) throw new NoBrowserStorageError();
      store.setItem(key(tenantId), JSON.stringify(structure));
    },
  };
}

/** The browser keeps no storage for this page (private mode, blocked storage). */
export class NoBrowserStorageError extends Error {
  override readonly name = 'NoBrowserStorageError';
  constructor() {
    super('This browser keeps no storage for this page.');
  }
}

/** Why a save failed, in the viewer's words. */
export function saveFailure(error: unknown, messages: Pick<AuditLogsMessages, 'fieldSaveFailed' | 'noBrowserStorage'>): string {
  const reason = error instanceof NoBrowserStorageError ? messages.noBrowserStorage : error instanceof Error ? error.message : '';
  return `${messages.fieldSaveFailed} ${reason}`.trim();
}

/** The adapter's structure with the stored custom fields added (the adapter's own win on a name clash). */
export function withStoredFields(structure: DataStructure, custom: readonly FieldDefinition[]): DataStructure {
  const names = new Set(structure.fields.map((f) => f.name));
  const order = structure.fields.reduce((max, f) => Math.max(max, f.order), 0);
  const added = custom.filter((f) => !names.has(f.name)).map((f, i) => ({ ...f, order: Math.max(f.order, order + 1 + i) }));
  return { fields: [...structure.fields, ...added] };
}
