import { useMemo, useState, useSyncExternalStore } from 'react';
import {
  columnLayoutStorageKey,
  parseColumnLayout,
  resolveColumns,
  toColumnLayout,
  type ColumnLayout,
  type ResolvedColumns,
} from '../core/columnLayout.js';
import type { FieldDefinition } from '../core/fields.js';

export interface ColumnLayoutOptions {
  tenantId: string;
  fields: readonly FieldDefinition[];
  /** Controlled layout (the host keeps it). */
  value?: ColumnLayout;
  /** Uncontrolled start, when nothing is stored. */
  defaultValue?: ColumnLayout;
  onChange?: (layout: ColumnLayout) => void;
  /** Tells several viewers' stored layouts apart. */
  storageKey?: string;
}

/** The browser's storage, where it exists and works (not during SSR, not in a locked-down frame). */
function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** Storage changes from other tabs (this tab's own writes re-render through state). */
function subscribeToStorage(onChange: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
}

/**
 * The user's column layout: controlled (`columnLayout` + `onColumnLayoutChange`) or kept in this browser
 * per tenant. Read as an external store: synchronously on a client's first render (a stored layout never
 * makes the table jump), as nothing while hydrating server HTML (which had no storage, so the first client
 * render matches it), and again when another tab changes it.
 */
export function useColumnLayout(options: ColumnLayoutOptions): [ResolvedColumns, (next: ResolvedColumns) => void] {
  const { tenantId, fields, value, onChange, storageKey } = options;
  const key = columnLayoutStorageKey(tenantId, storageKey);
  const raw = useSyncExternalStore(
    subscribeToStorage,
    () => storage()?.getItem(key) ?? null,
    () => null,
  );
  const read = useMemo(() => parseColumnLayout(raw), [raw]);
  // What this viewer set itself: read back from storage once written (so another tab's change applies too),
  // kept here where storage is full or forbidden.
  const [own, setOwn] = useState<{ key: string; layout: ColumnLayout; persisted: boolean } | undefined>();
  const stored = (own?.key === key && !own.persisted ? own.layout : read) ?? options.defaultValue;
  const layout = value ?? stored;
  const set = (next: ResolvedColumns) => {
    const saved = toColumnLayout(fields, next);
    if (value === undefined) {
      let persisted = false;
      try {
        const store = storage();
        store?.setItem(key, JSON.stringify(saved));
        persisted = Boolean(store);
      } catch {
        // Full or forbidden storage: the layout still applies until the page is left.
      }
      setOwn({ key, layout: saved, persisted });
    }
    onChange?.(saved);
  };
  // The same columns while fields and layout are the same: the table rebuilds its columns only on a change.
  const resolved = useMemo(() => resolveColumns(fields, layout), [fields, layout]);
  return [resolved, set];
}
