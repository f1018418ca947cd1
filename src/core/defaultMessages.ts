import type { AuditLogsMessages } from './messages.js';
import type { FilterOperator, TimePreset } from './query.js';
import { own } from './own.js';
import { VIEW_MESSAGES } from './viewMessages.js';

const TIME_PRESETS: Record<TimePreset, string> = {
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
};

const OPERATORS: Record<FilterOperator, string> = {
  eq: 'equals',
  neq: 'does not equal',
  contains: 'contains',
  startsWith: 'starts with',
  in: 'is any of',
  before: 'before',
  after: 'after',
  between: 'between',
  gt: 'greater than',
  lt: 'less than',
};


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

/**
 * The English strings, with counts written the way `locale` writes numbers ("1,234" in en-US, "1.234" in
 * de-DE, "1 234" in fr-FR). An unknown locale writes them as en-US.
 */
export function createDefaultMessages(locale = 'en-US'): AuditLogsMessages {
  let COUNT: Intl.NumberFormat;
  try {
    COUNT = new Intl.NumberFormat(locale);
  } catch {
    COUNT = new Intl.NumberFormat('en-US');
  }
  const num = (value: number) => COUNT.format(value);
  return {
    region: 'Audit logs',
    table: 'Audit logs',
    loading: 'Loading events…',
    loadingRow: 'Loading…',
    empty: 'No events match',
    emptyHint: 'Try a wider time range, or clear the filters.',
    emptyHintFilters: 'Try other filters, or clear them.',
    emptyHintNone: 'No events have been recorded yet.',
    clearFilters: 'Clear filters',
    retry: 'Retry',
    rowFailed: 'This row could not be loaded.',
    skipped: (n) => `${n === 1 ? 'One event' : `${num(n)} events`} could not be read and ${n === 1 ? 'is' : 'are'} not shown.`,
    resultCount: (n, exact) =>
      n === undefined ? '' : `${exact ? '' : 'At least '}${num(n)} ${n === 1 ? 'event' : 'events'}`,
    resultCounting: (n) => `${num(n)}+ events, counting…`,
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
    showMore: (n) => `Show ${num(n)} more`,
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
    newEvents: (n) => `${num(n)} new ${n === 1 ? 'event' : 'events'}`,
    filterByValue: 'Filter by this value',
    excludeValue: 'Exclude this value',
    histogram: 'Events over time',
    histogramBucket: (range, n) => `${range}: ${num(n)} ${n === 1 ? 'event' : 'events'}`,
    histogramHint: 'Drag across the chart to zoom into a time range.',
    linkNotice: (issues) => `Some filters could not be used and were left out: ${issues.join('; ')}`,
    errorTitle: (kind) => own(ERROR_TITLES, kind) ?? 'Something went wrong loading the audit log.',
    structureFailed: 'The fields of this audit log could not be loaded.',
    partFailed: 'This part of the audit log could not be shown.',
    notOffered: (parts) =>
      `Not available from this server: ${parts.map((p) => ({ search: 'search', severity: 'severity filter', time: 'time range' })[p]).join(', ')}.`,
    pagingStopped: (why) =>
      why === 'repeated'
        ? 'The server sent a page it had sent before, so loading stopped here.'
        : 'The server kept sending empty pages, so loading stopped here.',
    columns: 'Columns',
    resizeColumn: (column) => `Resize ${column}`,
    moveLeft: (column) => `Move ${column} left`,
    moveRight: (column) => `Move ${column} right`,
    pinStart: (column) => `Pin ${column} to the left`,
    pinEnd: (column) => `Pin ${column} to the right`,
    unpin: (column) => `Unpin ${column}`,
    resetColumns: 'Reset columns',
    columnMoved: (column, position, count) => `${column} moved to position ${num(position)} of ${num(count)}.`,
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
    exportMenu: 'Export',
    exportJsonLines: 'Export JSON Lines',
    exporting: 'Exporting',
    exportProgress: 'Export progress',
    exportStatus: (rows, total) => (total === undefined ? `${rows} rows` : `${rows} of ${total} rows`),
    exportRate: (perSecond, left) => `${perSecond} rows/s${left === undefined ? '' : `, about ${left} s left`}`,
    cancelExport: 'Cancel export',
    exportFailed: (rows, reason) => `The export stopped after ${rows} rows and nothing was saved. ${reason}`,
    exportDone: (rows, fileName) => `Exported ${rows} rows to ${fileName}.`,
    exportOverExcel: `Excel opens at most ${num(1_048_576)} rows; open the rest in another tool.`,
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
    timePreset: (preset) => TIME_PRESETS[preset],
    allTime: 'All time',
    rangeSince: (from) => `Since ${from}`,
    rangeUntil: (to) => `Until ${to}`,
    rangeBetween: (from, to) => `${from} – ${to}`,
    rangeInverted: 'The end must be after the start.',
    operator: (op) => OPERATORS[op],
    filterChip: (field, operator, value) => `${field} ${operator} ${value}`,
    filterChipBetween: (field, from, to) => `${field} between ${from} and ${to}`,
    quoted: (text) => `“${text}”`,
    filterProblem: {
      chooseField: 'Choose a field to filter by.',
      chooseOperator: (field) => `Choose how to compare ${field}.`,
      enterDateTime: 'Enter a date and time.',
      endAfterStart: 'The end must be after the start.',
      enterValues: 'Enter at least one value.',
      enterValue: 'Enter a value.',
      enterNumber: 'Enter a number, such as 42 or 3.5.',
      wholeEmail: 'Enter a whole email address, such as ada@example.com, or use "contains".',
      enterIp: 'Enter an IPv4 or IPv6 address, or part of one.',
    },
    filterValues: 'Values',
    filterValuesHint: 'Press Enter or type a comma after each value.',
    removeValue: (value) => `Remove ${value}`,
    unknownLocale: (locale) => `Unknown locale "${locale}"; showing en-US.`,
    unknownTimeZone: (zone) => `Unknown time zone "${zone}"; showing times in UTC.`,
    histogramCount: 'Events',
    exportShort: (rows, total) => `The server stopped after ${rows} of the ${total} matching events.`,
    noBrowserStorage: 'This browser keeps no storage for this page.',
    ...VIEW_MESSAGES,
  };
}

export const DEFAULT_MESSAGES: AuditLogsMessages = createDefaultMessages();

/** The defaults for a locale with a host's replacements on top. */
export function resolveMessages(overrides?: Partial<AuditLogsMessages>, locale?: string): AuditLogsMessages {
  const defaults = locale && locale !== 'en-US' ? createDefaultMessages(locale) : DEFAULT_MESSAGES;
  return overrides ? { ...defaults, ...overrides } : defaults;
}
