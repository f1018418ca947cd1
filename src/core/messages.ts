/** Every string the component shows. Replace any through the `messages` prop; roles stay the same. */
export interface AuditLogsMessages {
  region: string;
  table: string;
  loading: string;
  loadingRow: string;
  empty: string;
  emptyHint: string;
  clearFilters: string;
  retry: string;
  rowFailed: string;
  /** Events of a page that were malformed and left out. */
  skipped: (count: number) => string;
  resultCount: (count: number | undefined, exact: boolean) => string;
  /** A date column's header: its name and the time zone its times are shown in. */
  zonedColumn: (column: string, zone: string) => string;
  /** Name of a column's sort button. */
  sortBy: (column: string) => string;
  eventDetails: string;
  close: string;
  previousEvent: string;
  nextEvent: string;
  copy: (what: string) => string;
  copied: string;
  changes: string;
  changeField: string;
  changeBefore: string;
  changeAfter: string;
  payload: string;
  showMore: (count: number) => string;
  relatedEvents: string;
  showRelated: string;
  noRelated: string;
  search: string;
  searchPlaceholder: string;
  severity: string;
  timeRange: string;
  customRange: string;
  rangeFrom: string;
  rangeTo: string;
  apply: string;
  addFilter: string;
  filterField: string;
  filterOperator: string;
  filterValue: string;
  filterValueTo: string;
  applyFilter: string;
  activeFilters: string;
  searchChip: (text: string) => string;
  severityChip: (labels: string[]) => string;
  removeFilter: (description: string) => string;
  clearAll: string;
  newEvents: (count: number) => string;
  filterByValue: string;
  excludeValue: string;
  histogram: string;
  histogramBucket: (range: string, count: number) => string;
  histogramHint: string;
  linkNotice: (issues: string[]) => string;
  /** A heading for an error, by `AuditApiError.kind` (or `unknown`). */
  errorTitle: (kind: string) => string;
  /** The data structure (which fields the log has) could not be loaded. */
  structureFailed: string;
  /** The Columns menu and column edges. */
  columns: string;
  resizeColumn: (column: string) => string;
  moveLeft: (column: string) => string;
  moveRight: (column: string) => string;
  pinStart: (column: string) => string;
  pinEnd: (column: string) => string;
  unpin: (column: string) => string;
  resetColumns: string;
  columnMoved: (column: string, position: number, count: number) => string;
  /** The Add field dialog. */
  addField: string;
  fieldName: string;
  fieldDisplayName: string;
  fieldType: string;
  fieldTypeLabel: (type: string) => string;
  fieldOptions: string;
  fieldValueFrom: string;
  fieldPreview: (found: string, of: string, samples: readonly string[]) => string;
  fieldShowAsColumn: string;
  fieldShowInDetails: string;
  fieldFilterable: string;
  fieldSortable: string;
  saveField: string;
  fieldSaveFailed: string;
  savedInBrowserOnly: string;
  addAsColumn: string;
  editField: string;
  editFieldNamed: (field: string) => string;
  removeFieldNamed: (field: string) => string;
  removeFieldTitle: string;
  removeFieldText: (field: string) => string;
  removeField: string;
  addAsColumnNamed: (key: string) => string;
  /** Export. */
  exportCsv: string;
  exportJsonLines: string;
  exporting: string;
  exportProgress: string;
  exportStatus: (rows: string, total: string | undefined) => string;
  exportRate: (perSecond: string, secondsLeft: number | undefined) => string;
  cancelExport: string;
  exportFailed: (rows: string, reason: string) => string;
  exportDone: (rows: string, fileName: string) => string;
  exportOverExcel: string;
  /** Deleting an event: the button, the confirmation's title and warning, its cancel, failures. */
  deleteEvent: string;
  deleteEventTitle: string;
  deleteEventWarning: string;
  cancel: string;
  deleteFailed: string;
  deleteForbidden: string;
  /** The server's headline counts: the list's name, events today, severe events this week. */
  activity: string;
  totalToday: (count: string) => string;
  severeThisWeek: (count: string) => string;
  notAvailable: string;
}

const COUNT = new Intl.NumberFormat('en-US');

const ERROR_TITLES: Record<string, string> = {
  network: 'The audit log server could not be reached.',
  auth: 'Your session has expired. Sign in again to see the audit log.',
  forbidden: 'You do not have permission to see this audit log.',
  'not-found': 'This audit log was not found.',
  'rate-limited': 'Too many requests right now. Try again in a moment.',
  server: 'The audit log server had a problem.',
  'invalid-response': 'The audit log server sent a response that could not be read.',
  'bad-request': 'The audit log could not be queried this way.',
  unsupported: 'This audit log server does not support that.',
};

export const DEFAULT_MESSAGES: AuditLogsMessages = {
  region: 'Audit logs',
  table: 'Audit logs',
  loading: 'Loading events…',
  loadingRow: 'Loading…',
  empty: 'No events match',
  emptyHint: 'Try a wider time range, or clear the filters.',
  clearFilters: 'Clear filters',
  retry: 'Retry',
  rowFailed: 'This row could not be loaded.',
  skipped: (n) => `${n === 1 ? 'One event' : `${n} events`} could not be read and ${n === 1 ? 'is' : 'are'} not shown.`,
  resultCount: (n, exact) =>
    n === undefined ? '' : `${exact ? '' : 'At least '}${COUNT.format(n)} ${n === 1 ? 'event' : 'events'}`,
  zonedColumn: (column, zone) => `${column} (${zone})`,
  sortBy: (column) => `Sort by ${column}`,
  eventDetails: 'Event details',
  close: 'Close',
  previousEvent: 'Previous event',
  nextEvent: 'Next event',
  copy: (what) => `Copy ${what}`,
  copied: 'Copied',
  changes: 'Changes',
  changeField: 'Field',
  changeBefore: 'Before',
  changeAfter: 'After',
  payload: 'Payload',
  showMore: (n) => `Show ${n} more`,
  relatedEvents: 'Related events',
  showRelated: 'Show related events',
  noRelated: 'No other events share these ids.',
  search: 'Search',
  searchPlaceholder: 'Search events',
  severity: 'Severity',
  timeRange: 'Time range',
  customRange: 'Custom range',
  rangeFrom: 'From',
  rangeTo: 'To',
  apply: 'Apply',
  addFilter: 'Add filter',
  filterField: 'Field',
  filterOperator: 'Operator',
  filterValue: 'Value',
  filterValueTo: 'And',
  applyFilter: 'Apply filter',
  activeFilters: 'Active filters',
  searchChip: (text) => `Search “${text}”`,
  severityChip: (labels) => `Severity: ${labels.join(', ')}`,
  removeFilter: (description) => `Remove filter: ${description}`,
  clearAll: 'Clear all',
  newEvents: (n) => `${COUNT.format(n)} new ${n === 1 ? 'event' : 'events'}`,
  filterByValue: 'Filter by this value',
  excludeValue: 'Exclude this value',
  histogram: 'Events over time',
  histogramBucket: (range, n) => `${range}: ${COUNT.format(n)} ${n === 1 ? 'event' : 'events'}`,
  histogramHint: 'Drag across the chart to zoom into a time range.',
  linkNotice: (issues) => `Some filters could not be used and were left out: ${issues.join('; ')}`,
  errorTitle: (kind) => ERROR_TITLES[kind] ?? 'Something went wrong loading the audit log.',
  structureFailed: 'The fields of this audit log could not be loaded.',
  columns: 'Columns',
  resizeColumn: (column) => `Resize ${column}`,
  moveLeft: (column) => `Move ${column} left`,
  moveRight: (column) => `Move ${column} right`,
  pinStart: (column) => `Pin ${column} to the left`,
  pinEnd: (column) => `Pin ${column} to the right`,
  unpin: (column) => `Unpin ${column}`,
  resetColumns: 'Reset columns',
  columnMoved: (column, position, count) => `${column} moved to position ${position} of ${count}.`,
  addField: 'Add field',
  fieldName: 'Name',
  fieldDisplayName: 'Display name',
  fieldType: 'Type',
  fieldTypeLabel: (type) =>
    ({ string: 'Text', email: 'Email', ip: 'IP address', datetime: 'Date and time', number: 'Number', enum: 'One of a list', json: 'JSON' })[type] ?? type,
  fieldOptions: 'Values (one per line)',
  fieldValueFrom: 'Value from',
  fieldPreview: (found, of, samples) =>
    `Found in ${found} of ${of} loaded events${samples.length ? `, such as: ${samples.join(', ')}` : ''}.`,
  fieldShowAsColumn: 'Show as column',
  fieldShowInDetails: 'Show in details',
  fieldFilterable: 'Filterable',
  fieldSortable: 'Sortable',
  saveField: 'Save field',
  fieldSaveFailed: 'The field was not saved.',
  savedInBrowserOnly: 'Saved in this browser only.',
  addAsColumn: 'Add as column',
  editField: 'Edit field',
  editFieldNamed: (field) => `Edit ${field}`,
  removeFieldNamed: (field) => `Remove ${field}`,
  removeFieldTitle: 'Remove field?',
  removeFieldText: (field) =>
    `“${field}” leaves the columns and the event details for everyone in this account. The values stay in the events; adding the field again shows them again.`,
  removeField: 'Remove field',
  addAsColumnNamed: (key) => `Add ${key} as a column`,
  exportCsv: 'Export CSV',
  exportJsonLines: 'Export JSON Lines',
  exporting: 'Exporting',
  exportProgress: 'Export progress',
  exportStatus: (rows, total) => (total === undefined ? `${rows} rows` : `${rows} of ${total} rows`),
  exportRate: (perSecond, left) => `${perSecond} rows/s${left === undefined ? '' : `, about ${left} s left`}`,
  cancelExport: 'Cancel export',
  exportFailed: (rows, reason) => `The export stopped after ${rows} rows and nothing was saved. ${reason}`,
  exportDone: (rows, fileName) => `Exported ${rows} rows to ${fileName}.`,
  exportOverExcel: 'Excel opens at most 1,048,576 rows; open the rest in another tool.',
  deleteEvent: 'Delete event',
  deleteEventTitle: 'Delete event?',
  deleteEventWarning:
    'Audit logs are the tamper-resistant record of what happened in this account. Deleting an event is permanent and cannot be undone; use it only as a last resort, and check first that your compliance rules allow it.',
  cancel: 'Cancel',
  deleteFailed: 'The event was not deleted.',
  deleteForbidden: 'The event was not deleted: the server refused (missing the delete permission).',
  activity: 'Activity',
  totalToday: (count) => `${count} today`,
  severeThisWeek: (count) => `${count} severe this week`,
  notAvailable: '—',
};

/** The defaults with a host's replacements on top. */
export function resolveMessages(overrides?: Partial<AuditLogsMessages>): AuditLogsMessages {
  return overrides ? { ...DEFAULT_MESSAGES, ...overrides } : DEFAULT_MESSAGES;
}
