import { describe, expect, it } from 'vitest';
import { defaultDataStructure } from '../../src/core/fields';
import { filterFormSchema, formToFilter, type FilterFormValues } from '../../src/core/filterForm';
import { fromZonedInputValue, toZonedInputValue } from '../../src/core/timeZone';

const fields = defaultDataStructure([
  { name: 'amount', displayName: 'Amount', type: 'number', filterable: true },
  { name: 'secret', displayName: 'Secret', type: 'string', filterable: false },
]).fields;
const schema = filterFormSchema(fields, 'Europe/Berlin');
const form = (over: Partial<FilterFormValues>): FilterFormValues => ({ field: 'action', op: 'contains', value: '', value2: '', ...over });
const errors = (values: FilterFormValues) => {
  const result = schema.safeParse(values);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('filter form schema', () => {
  it.each<[Partial<FilterFormValues>, string, string]>([
    [{ field: 'secret', value: 'x' }, 'field', 'Choose a field'],
    [{ field: 'timestamp', op: 'contains', value: 'x' }, 'op', 'Choose how to compare Time'],
    [{ value: '   ' }, 'value', 'Enter a value'],
    [{ field: 'amount', op: 'gt', value: 'lots' }, 'value', 'Enter a number'],
    [{ field: 'actor.email', op: 'eq', value: 'ada' }, 'value', 'whole email address'],
    [{ field: 'ip', op: 'eq', value: 'not an ip' }, 'value', 'IPv4 or IPv6'],
    [{ field: 'action', op: 'in', value: ' , ,' }, 'value', 'at least one value'],
    [{ field: 'timestamp', op: 'after', value: 'yesterday' }, 'value', 'Enter a date and time'],
    [{ field: 'timestamp', op: 'between', value: '2026-01-02T10:00', value2: '2026-01-01T10:00' }, 'value2', 'end must be after'],
  ])('explains %j at %s', (values, path, message) => {
    expect(errors(form(values))[path]).toContain(message);
  });

  it.each<[Partial<FilterFormValues>]>([
    [{ value: 'login' }],
    [{ field: 'actor.email', op: 'contains', value: 'ada' }],
    [{ field: 'actor.email', op: 'eq', value: 'ada@acme.example' }],
    [{ field: 'ip', op: 'eq', value: '2001:db8::1' }],
    [{ field: 'amount', op: 'lt', value: '3.5' }],
    [{ field: 'timestamp', op: 'between', value: '2026-01-01T10:00', value2: '2026-01-02T10:00' }],
  ])('accepts %j', (values) => {
    expect(errors(form(values))).toEqual({});
  });
});

describe('formToFilter', () => {
  const field = (name: string) => fields.find((f) => f.name === name)!;
  it('turns the wall clock of the time zone into UTC', () => {
    expect(formToFilter(form({ field: 'timestamp', op: 'after', value: '2026-07-01T12:00' }), field('timestamp'), 'Europe/Berlin')).toEqual({
      field: 'timestamp',
      op: 'after',
      value: '2026-07-01T10:00:00.000Z',
    });
  });
  it('splits lists, parses numbers, trims text', () => {
    expect(formToFilter(form({ op: 'in', value: 'a, b ,,c' }), field('action'), 'UTC').value).toEqual(['a', 'b', 'c']);
    expect(formToFilter(form({ field: 'amount', op: 'gt', value: ' 42 ' }), field('amount'), 'UTC').value).toBe(42);
    expect(formToFilter(form({ value: '  login ' }), field('action'), 'UTC').value).toBe('login');
  });
});

describe('time zone inputs', () => {
  it('round-trips wall clock values, across DST and zones', () => {
    for (const zone of ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
      for (const ms of [Date.UTC(2026, 0, 15, 8, 30), Date.UTC(2026, 6, 15, 20, 45), Date.UTC(2026, 2, 29, 1, 0)]) {
        expect(fromZonedInputValue(toZonedInputValue(ms, zone), zone)).toBe(ms);
      }
    }
    expect(toZonedInputValue(Date.UTC(2026, 0, 1, 0, 0), 'America/New_York')).toBe('2025-12-31T19:00');
  });
  it('rejects what is not a datetime-local value', () => {
    expect(fromZonedInputValue('2026-02-30T10:00', 'UTC')).toBeUndefined();
    expect(fromZonedInputValue('tomorrow', 'UTC')).toBeUndefined();
  });
});
