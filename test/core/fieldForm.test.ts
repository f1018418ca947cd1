import { describe, expect, it } from 'vitest';
import { EMPTY_FIELD_FORM, fieldFormSchema, guessFieldType, previewPath, suggestField, toFieldDefinition } from '../../src/core/fieldForm';
import { defaultDataStructure, getFieldValue, isValuePath, readPath } from '../../src/core/fields';
import { ACME } from '../fixtures/events';

const { fields } = defaultDataStructure([{ name: 'region', displayName: 'Region', type: 'string' }]);
const check = (values: Partial<typeof EMPTY_FIELD_FORM>) => {
  const result = fieldFormSchema(fields).safeParse({ ...EMPTY_FIELD_FORM, ...values });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the Add field form', () => {
  it('accepts a good field, and builds its definition', () => {
    expect(check({ name: 'plan', displayName: 'Plan' })).toEqual([]);
    const field = toFieldDefinition({ ...EMPTY_FIELD_FORM, name: 'path', displayName: 'Path', valueFrom: 'payload.request.path' }, 30);
    expect(field).toMatchObject({ name: 'path', custom: true, visible: true, order: 30, valueFrom: 'payload.request.path' });
    expect(toFieldDefinition({ ...EMPTY_FIELD_FORM, name: 'plan', displayName: 'Plan', valueFrom: 'fields.plan' }, 1).valueFrom).toBeUndefined();
  });

  it.each([
    [{ name: '', displayName: 'X' }, /name: Enter a name/],
    [{ name: '9lives', displayName: 'X' }, /Start with a letter/],
    [{ name: 'a'.repeat(65), displayName: 'X' }, /at most 64/],
    [{ name: 'Region', displayName: 'X' }, /exists already/],
    [{ name: 'timestamp', displayName: 'X' }, /reserved/],
    [{ name: '__proto__', displayName: 'X' }, /Start with a letter|reserved/],
    [{ name: 'Constructor', displayName: 'X' }, /reserved/],
    [{ name: 'plan', displayName: '  ' }, /displayName: Enter the name people see/],
    [{ name: 'plan', displayName: 'Plan', valueFrom: 'payload.__proto__.x' }, /valueFrom: Enter a path/],
    [{ name: 'plan', displayName: 'Plan', type: 'enum' as const, options: ' , ' }, /options: List the values/],
  ])('refuses %j', (values, message) => {
    expect(check(values).join('\n')).toMatch(message);
  });

  it('guesses a type from a value and prefills a field from a key in the payload', () => {
    expect([guessFieldType('ada@example.com'), guessFieldType('10.0.0.1'), guessFieldType('2001:db8::1'), guessFieldType(3), guessFieldType({ a: 1 }), guessFieldType('2026-01-01T00:00:00Z'), guessFieldType('hello')]).toEqual([
      'email', 'ip', 'ip', 'number', 'json', 'datetime', 'string',
    ]);
    expect(suggestField('payload.request.userAgent', 'curl', fields)).toMatchObject({ name: 'userAgent_2', displayName: 'User Agent', valueFrom: 'payload.request.userAgent', type: 'string', visible: true });
    expect(suggestField('fields.region', 'eu', fields).name).toBe('region_2');
  });

  it('guesses in one pass over values built to make a pattern backtrack (each would take minutes otherwise)', () => {
    const n = 200_000;
    expect(guessFieldType(`a@${'.'.repeat(n)} `)).toBe('string');
    expect(guessFieldType(`a@${'a.'.repeat(n)}@`)).toBe('string');
    expect(guessFieldType(`${':'.repeat(n)}x`)).toBe('string');
    expect(guessFieldType(`${'1:'.repeat(n)}`)).toBe('ip');
    expect(['x@.b', 'x@b.', 'a b@c.d', '@b.c', 'a@b@c.d'].map(guessFieldType)).toEqual(['string', 'string', 'string', 'string', 'string']);
  });

  it('previews what a path finds, reading own keys only', () => {
    expect(previewPath(ACME, 'fields.region')).toMatchObject({ found: 3, of: ACME.length, samples: ['eu-west-1', 'us-east-1'] });
    expect(previewPath(ACME, 'fields.constructor').found).toBe(0);
    expect(readPath(ACME[0]!, 'fields.toString')).toBeUndefined();
    expect(isValuePath('payload.a.b-c.0')).toBe(true);
    expect(getFieldValue(ACME[0]!, 'where', 'fields.region')).toBe('eu-west-1');
  });
});
