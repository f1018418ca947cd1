import type { FilterOperator, TimePreset } from './query.js';
import type { ViewsMessages } from './viewMessages.js';

/** Every string the component shows. Replace any through the `messages` prop; roles stay the same. */
export interface AuditLogsMessages extends ViewsMessages {
  region: string;
  table: string;
  loading: string;
  loadingRow: string;
  empty: string;
  /** Under "No events match": with a time range set, with only other filters, with nothing narrowing the log. */
  emptyHint: string;
  emptyHintFilters: string;
  emptyHintNone: string;
  clearFilters: string;
  retry: string;
  rowFailed: string;
  /** Events of a page that were malformed and left out. */
  skipped: (count: number) => string;
  resultCount: (count: number | undefined, exact: boolean) => string;
  /** While the source counts: "100+ events, counting…". */
  resultCounting: (atLeast: number) => string;
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
  /** A part of the viewer failed while it was shown (the error's message follows). */
  partFailed: string;
  /** What this backend cannot filter by, so the toolbar does not offer it. */
  notOffered: (parts: readonly ('search' | 'severity' | 'time')[]) => string;
  /** The server's paging would repeat (`repeated`) or never end (`empty`): loading stopped there. */
  pagingStopped: (why: 'repeated' | 'empty') => string;
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
  /** The button that holds both export formats in a narrow toolbar. */
  exportMenu: string;
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
  /** Time range words. */
  timePreset: (preset: TimePreset) => string;
  allTime: string;
  rangeSince: (from: string) => string;
  rangeUntil: (to: string) => string;
  rangeBetween: (from: string, to: string) => string;
  rangeInverted: string;
  /** How an operator reads in the Add filter form and on a chip ("contains"). */
  operator: (op: FilterOperator) => string;
  /** A filter's chip: `Email contains “ada”`; values come already formatted and quoted. */
  filterChip: (field: string, operator: string, value: string) => string;
  filterChipBetween: (field: string, from: string, to: string) => string;
  /** A text value on a chip. */
  quoted: (text: string) => string;
  /** Why the Add filter form cannot use its input. */
  filterProblem: FilterProblemMessages;
  /** The "is any of" input: several values, one at a time. */
  filterValues: string;
  filterValuesHint: string;
  removeValue: (value: string) => string;
  /** The locale or time zone asked for is unknown. */
  unknownLocale: (locale: string) => string;
  unknownTimeZone: (zone: string) => string;
  /** The histogram's table for screen readers: its count column. */
  histogramCount: string;
  /** A CSV export ended before the count the server gave. */
  exportShort: (rows: string, total: string) => string;
  /** Fields kept in this browser, where it has no storage. */
  noBrowserStorage: string;
}

/** The Add filter form's explanations, one per problem. */
export interface FilterProblemMessages {
  chooseField: string;
  chooseOperator: (field: string) => string;
  enterDateTime: string;
  endAfterStart: string;
  enterValues: string;
  enterValue: string;
  enterNumber: string;
  wholeEmail: string;
  enterIp: string;
}

export { DEFAULT_MESSAGES, createDefaultMessages, resolveMessages } from './defaultMessages.js';
