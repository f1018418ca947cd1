import type * as z from 'zod/mini';

/**
 * English messages for schema issues, passed to each parse (`{ error: schemaMessage }`). `zod/mini` ships
 * no messages of its own unless a locale is configured globally, and a library must not change a
 * host's global zod configuration; this covers every issue our schemas can raise.
 */
export function schemaMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : `expected ${issue.expected}, received ${describeValue(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'too_small':
      return sizeMessage(issue.code, issue.minimum, issue.origin);
    case 'too_big':
      return sizeMessage(issue.code, issue.maximum, issue.origin);
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'matches none of the allowed forms';
    case 'invalid_format':
      return `must be a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message ?? 'is not valid';
  }
}

/** "must have at least 3 characters", "must be at most 2000": a size or length out of bounds. */
export function sizeMessage(code: 'too_small' | 'too_big', bound: number | bigint, origin: string): string {
  const bounded = code === 'too_small' ? 'at least' : 'at most';
  return origin === 'string' || origin === 'array'
    ? `must have ${bounded} ${String(bound)} ${origin === 'string' ? 'characters' : 'items'}`
    : `must be ${bounded} ${String(bound)}`;
}

/** How a value of the wrong kind is named in a message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isInteger(value)) return 'a fraction';
  return typeof value;
}

/** Parse options that give every issue an English message. */
export const SCHEMA_MESSAGES = { error: schemaMessage } as const;
