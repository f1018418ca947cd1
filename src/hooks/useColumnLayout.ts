import { useState } from 'react';
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

/**
 * The user's column layout: controlled (`columnLayout` + `onColumnLayoutChange`) or kept in this browser
 * per tenant (read synchronously on the first render, so a stored layout never makes the table jump).
 */
export function useColumnLayout(options: ColumnLayoutOptions): [ResolvedColumns, (next: ResolvedColumns) => void] {
  const { tenantId, fields, value, onChange, storageKey } = options;
  const key = columnLayoutStorageKey(tenantId, storageKey);
  const [own, setOwn] = useState<{ key: string; layout: ColumnLayout | undefined }>(() => ({
    key,
    layout: parseColumnLayout(storage()?.getItem(key)) ?? options.defaultValue,
  }));
  // Another tenant or storage key: that one's layout, read now (no effect copying it in).
  const stored = own.key === key ? own.layout : parseColumnLayout(storage()?.getItem(key)) ?? options.defaultValue;
  const layout = value ?? stored;
  const set = (next: ResolvedColumns) => {
    const saved = toColumnLayout(fields, next);
    if (value === undefined) {
      setOwn({ key, layout: saved });
      try {
        storage()?.setItem(key, JSON.stringify(saved));
      } catch {
        // Full or forbidden storage: the layout still applies until the page is left.
      }
    }
    onChange?.(saved);
  };
  return [resolveColumns(fields, layout), set];
}
