import * as z from 'zod/mini';
import type { FieldDefinition } from './fields.js';
import { FILTER_OPERATORS, OPERATORS_BY_TYPE, type FieldFilter, type FilterOperator } from './query.js';
import { DEFAULT_MESSAGES, type FilterProblemMessages } from './messages.js';
import { fromZonedInputValue } from './timeZone.js';

/** What the "Add filter" form holds: strings, as inputs give them. */
export interface FilterFormValues {
  field: string;
  op: FilterOperator;
  /** The value; the start for `between`; for `in`, what is typed and not yet added to `values`. */
  value: string;
  /** The values of `in`, one per entry. */
  values?: string[];
  /** The end, for `between`. */
  value2: string;
}

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
  say: FilterProblemMessages = DEFAULT_MESSAGES.filterProblem,
) {
  const byName = new Map(fields.map((f) => [f.name, f]));
  return z.object({ field: z.string(), op: z.enum(FILTER_OPERATORS), value: z.string(), values: z.optional(z.array(z.string())), value2: z.string() }).check(
    z.superRefine((form, ctx) => {
      const field = byName.get(form.field);
      if (!field || !field.filterable) {
        ctx.addIssue({ code: 'custom', path: ['field'], message: say.chooseField });
        return;
      }
      const { op } = form;
      if (!operatorsFor(field).includes(op)) {
        ctx.addIssue({ code: 'custom', path: ['op'], message: say.chooseOperator(field.displayName) });
        return;
      }
      const problem = (path: 'value' | 'value2', message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      const value = form.value.trim();
      if (field.type === 'datetime') {
        const from = fromZonedInputValue(form.value, timeZone);
        if (from === undefined) problem('value', say.enterDateTime);
        if (op === 'between') {
          const to = fromZonedInputValue(form.value2, timeZone);
          if (to === undefined) problem('value2', say.enterDateTime);
          else if (from !== undefined && to <= from) problem('value2', say.endAfterStart);
        }
        return;
      }
      if (op === 'in') {
        if (!listValues(form).length) problem('value', say.enterValues);
        return;
      }
      if (value === '') {
        problem('value', say.enterValue);
        return;
      }
      if (field.type === 'number' && !Number.isFinite(Number(value))) problem('value', say.enterNumber);
      if (field.type === 'email' && op === 'eq' && !/^[^\s@]+@[^\s@]+$/.test(value)) {
        problem('value', say.wholeEmail);
      }
      if (field.type === 'ip' && !(IPV4.test(value) || IP_CHARS.test(value))) {
        problem('value', say.enterIp);
      }
    }),
  );
}

/** The values of an `in` filter: those added, and what is still typed (commas separate). */
export function listValues(form: Pick<FilterFormValues, 'value' | 'values'>): string[] {
  const typed = form.value.split(',').map((s) => s.trim());
  return [...new Set([...(form.values ?? []), ...typed].filter(Boolean))];
}

/** A valid form as the filter it means (datetimes converted from the zone's wall clock to UTC). */
export function formToFilter(form: FilterFormValues, field: FieldDefinition, timeZone: string): FieldFilter {
  const { op } = form;
  if (field.type === 'datetime') {
    const from = new Date(fromZonedInputValue(form.value, timeZone)!).toISOString();
    if (op === 'between') return { field: field.name, op, value: [from, new Date(fromZonedInputValue(form.value2, timeZone)!).toISOString()] };
    return { field: field.name, op, value: from };
  }
  if (op === 'in') return { field: field.name, op, value: listValues(form) };
  if (field.type === 'number') return { field: field.name, op, value: Number(form.value.trim()) };
  return { field: field.name, op, value: form.value.trim() };
}
