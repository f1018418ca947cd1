import * as z from 'zod/mini';
import type { FieldDefinition } from './fields.js';
import { FILTER_OPERATORS, OPERATORS_BY_TYPE, type FieldFilter, type FilterOperator } from './query.js';
import { parseTimestamp } from './time.js';
import { fromZonedInputValue } from './timeZone.js';

/** What the "Add filter" form holds: strings, as inputs give them. */
export interface FilterFormValues {
  field: string;
  op: FilterOperator;
  /** The value; a comma-separated list for `in`; the start for `between`. */
  value: string;
  /** The end, for `between`. */
  value2: string;
}

/** How each operator reads in the form and on a chip. */
export const OPERATOR_LABELS: Readonly<Record<FilterOperator, string>> = {
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

const IPV4 = /^(\d{1,3})(\.\d{1,3}){0,3}$/;
const IP_CHARS = /^[0-9a-fA-F:.]+$/;

/**
 * The form's schema for a data structure and time zone: it explains, per input, why a value cannot be
 * used (so nothing invalid is ever sent) and turns valid input into a `FieldFilter`.
 */
export function filterFormSchema(
  fields: readonly FieldDefinition[],
  timeZone: string,
  operatorsFor: (field: FieldDefinition) => readonly FilterOperator[] = (field) => OPERATORS_BY_TYPE[field.type],
) {
  const byName = new Map(fields.map((f) => [f.name, f]));
  return z.object({ field: z.string(), op: z.enum(FILTER_OPERATORS), value: z.string(), value2: z.string() }).check(
    z.superRefine((form, ctx) => {
      const field = byName.get(form.field);
      if (!field || !field.filterable) {
        ctx.addIssue({ code: 'custom', path: ['field'], message: 'Choose a field to filter by.' });
        return;
      }
      const { op } = form;
      if (!operatorsFor(field).includes(op)) {
        ctx.addIssue({ code: 'custom', path: ['op'], message: `Choose how to compare ${field.displayName}.` });
        return;
      }
      const problem = (path: 'value' | 'value2', message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      const value = form.value.trim();
      if (field.type === 'datetime') {
        const from = fromZonedInputValue(form.value, timeZone);
        if (from === undefined) problem('value', 'Enter a date and time.');
        if (op === 'between') {
          const to = fromZonedInputValue(form.value2, timeZone);
          if (to === undefined) problem('value2', 'Enter a date and time.');
          else if (from !== undefined && to <= from) problem('value2', 'The end must be after the start.');
        }
        return;
      }
      if (op === 'in') {
        if (!splitList(value).length) problem('value', 'Enter at least one value (separate several with commas).');
        return;
      }
      if (value === '') {
        problem('value', 'Enter a value.');
        return;
      }
      if (field.type === 'number' && !Number.isFinite(Number(value))) problem('value', 'Enter a number, such as 42 or 3.5.');
      if (field.type === 'email' && op === 'eq' && !/^[^\s@]+@[^\s@]+$/.test(value)) {
        problem('value', 'Enter a whole email address, such as ada@example.com, or use "contains".');
      }
      if (field.type === 'ip' && !(IPV4.test(value) || IP_CHARS.test(value))) {
        problem('value', 'Enter an IPv4 or IPv6 address, or part of one.');
      }
    }),
  );
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A valid form as the filter it means (datetimes converted from the zone's wall clock to UTC). */
export function formToFilter(form: FilterFormValues, field: FieldDefinition, timeZone: string): FieldFilter {
  const { op } = form;
  if (field.type === 'datetime') {
    const from = new Date(fromZonedInputValue(form.value, timeZone)!).toISOString();
    if (op === 'between') return { field: field.name, op, value: [from, new Date(fromZonedInputValue(form.value2, timeZone)!).toISOString()] };
    return { field: field.name, op, value: from };
  }
  if (op === 'in') return { field: field.name, op, value: splitList(form.value) };
  if (field.type === 'number') return { field: field.name, op, value: Number(form.value.trim()) };
  return { field: field.name, op, value: form.value.trim() };
}

/** Whether a value looks like a timestamp (for chips of datetime filters). */
export function isTimestampText(value: unknown): value is string {
  return typeof value === 'string' && parseTimestamp(value) !== undefined;
}
