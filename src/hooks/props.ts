import type { QueryClient } from '@tanstack/react-query';
import type { ErrorInfo } from 'react';
import type { AuditLogsAdapter } from '../api/adapter.js';
import type { ColumnLayout } from '../core/columnLayout.js';
import type { AuditEvent } from '../core/event.js';
import type { FieldDefinitionInput } from '../core/fields.js';
import type { AuditLogsMessages } from '../core/messages.js';
import type { AuditQuery } from '../core/query.js';
import type { AuditLogsPermissions } from './context.js';
import type { DataStructureStore } from './fieldStore.js';
import type { AuditLogsClassNames } from './instance.js';
import type { ExportTarget } from './useAuditLogsExport.js';
import type { ViewStore } from './viewStore.js';
import type { SavedView } from '../core/views.js';

/** The props of `<AuditLogs />` and `<AuditLogs.Root>`; the viewer's state (`useAuditLogsState`) is made from them. */
export interface AuditLogsProps {
  /** The backend: `createMockAdapter()`, `createHttpAdapter()`, or your own `AuditLogsAdapter`. */
  adapter: AuditLogsAdapter;
  /** The tenant whose log is shown; part of every request and cache key. */
  tenantId: string;
  /** What the viewer may do. @default { manageFields: false, export: true, delete: false } */
  permissions?: AuditLogsPermissions;
  /** The query, controlled. Pair with `onQueryChange`. */
  query?: AuditQuery;
  /** The query to start with, uncontrolled. @default {} */
  defaultQuery?: AuditQuery;
  /** Called with every new query (sort, filters, search, time range). */
  onQueryChange?: (query: AuditQuery) => void;
  /** BCP 47 locale for dates and numbers. @default 'en-US' */
  locale?: string;
  /** IANA time zone dates are shown in. @default 'UTC' */
  timeZone?: string;
  /** Replacements for any of the default English strings. */
  messages?: Partial<AuditLogsMessages>;
  /** Colour theme; `system` follows the OS setting. @default 'system' */
  theme?: 'light' | 'dark' | 'system';
  /** A TanStack QueryClient to use. @default the host's provider's, else a private one */
  queryClient?: QueryClient;
  /**
   * The region's accessible name. Give each viewer its own when a page has several.
   * @default messages.region ('Audit logs')
   */
  label?: string;
  /** Extra class on the root. */
  className?: string;
  /** Extra classes on parts. */
  classNames?: AuditLogsClassNames;
  /** Height of the component (CSS length or px). @default fills its parent */
  height?: number | string;
  /** Row height in px. @default 36 */
  rowHeight?: number;
  /** Called when a user opens an event's details. */
  onEventOpen?: (event: AuditEvent) => void;
  /** The id of the event whose details are open, controlled (`null`: none). Pair with `onSelectedEventIdChange`. */
  selectedEventId?: string | null;
  /** The event whose details are open at first, uncontrolled. @default null */
  defaultSelectedEventId?: string | null;
  /** Called when the open event changes (a row opened, Previous/Next, closed: `null`). */
  onSelectedEventIdChange?: (id: string | null) => void;
  /** The user's column layout, controlled (keep it where you like). Pair with `onColumnLayoutChange`. */
  columnLayout?: ColumnLayout;
  /** The column layout to start with when this browser has none stored, uncontrolled. */
  defaultColumnLayout?: ColumnLayout;
  /** Called with every layout change (visibility, order, widths, pins). */
  onColumnLayoutChange?: (layout: ColumnLayout) => void;
  /**
   * Tells this viewer's stored column layout apart from other viewers' of the same tenant.
   * @default 'default'
   */
  storageKey?: string;
  /**
   * Where exports go: a normal download, or (where the browser has `showSaveFilePicker`) a file the user
   * picks, written as rows arrive and discarded if the export does not finish. @default 'download'
   */
  exportTarget?: ExportTarget;
  /**
   * The vendor's static column configuration, on top of what the server says: fields named here override
   * its display names, visibility, order, widths and flags; fields only named here are added.
   */
  dataStructure?: { fields: FieldDefinitionInput[] };
  /**
   * Where tenant admins' custom fields are saved when the adapter cannot save them (say, Frontegg, whose
   * metadata is the vendor's): your backend's `load(tenantId)` / `save(tenantId, structure)`.
   * @default this browser (with a note "Saved in this browser only")
   */
  dataStructureStore?: DataStructureStore;
  /** Problems with the query the host read (say, from a link), shown as a notice. */
  queryIssues?: readonly string[];
  /** How often to ask for events newer than the newest shown, in ms; 0 turns it off. @default 30000 */
  newEventsInterval?: number;
  /**
   * Told when a part of the viewer throws while rendering. The part shows an alert with Retry in its place;
   * the rest of the viewer and of your page stay. @default none (the error is still contained)
   */
  onError?: (error: unknown, info: ErrorInfo) => void;
  /**
   * The user viewing the log: personal views and defaults are theirs. The HTTP adapter sends it as `X-User-Id`
   * (a server should rather take the user from the token). @default one anonymous user
   */
  userId?: string;
  /** The open saved view, controlled (`null`: the built-in view). Pair with `onViewIdChange`. */
  viewId?: string | null;
  /** The saved view to open at first, uncontrolled; wins over the user's and the tenant's defaults. */
  defaultViewId?: string | null;
  /** Called when another view opens (`null`: the built-in view). */
  onViewIdChange?: (id: string | null) => void;
  /** Called after a view is created, changed or deleted (to audit who changed a shared view). */
  onViewsChange?: (change: ViewsChange) => void;
  /**
   * Where saved views live when the adapter keeps none: your backend's `load` / `save`.
   * @default this browser (personal views only, labelled "Saved in this browser only")
   */
  viewStore?: ViewStore;
  /**
   * Open a link made by "Copy link" (`?view=…` with the query) when the page opens. `false` where the host
   * reads the URL itself. @default true
   */
  readViewLink?: boolean;
}

/** A change to the saved views, told to `onViewsChange`. */
export interface ViewsChange {
  type: 'created' | 'updated' | 'deleted';
  view: SavedView;
  /** Who made it (the `userId` prop). */
  userId: string | undefined;
}
