/**
 * Small checkers for data that crosses a boundary: a server's answers, a query from a link or a prop, a data
 * structure from storage. They read like the schema they replace and report issues as the schema library does
 * (`path: message`), at a fraction of its weight, so a page that only reads a log loads no schema library
 * (the forms, which load on first use, keep zod). `test/core/checkParity.test.ts` holds the former zod
 * definitions and checks, over generated inputs, that these accept, produce and explain the same.
 */
import { isPlainObject } from './depth.js';
import { describeValue, sizeMessage } from './schemaIssues.js';

export type Path = (string | number)[];
/** `fatal`: the value is of the wrong kind, so no further check of it runs (an either-or tries the next form). */
export interface Issue {
  path: Path;
  message: string;
  fatal?: boolean;
}
/** Returns the value read (defaults filled, unknown keys left out); what it returns after an issue is not used. */
export type Checker<T> = (value: unknown, path: Path, issues: Issue[]) => T;
export type CheckResult<T> = { ok: true; value: T } | { ok: false; issues: string[] };

/** Issues (ours, or a zod error's) as `path: message` lines a developer can act on. */
export function formatIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : '(root)'}: ${issue.message}`);
}

/** Runs a checker: the value read, or every issue as `path: message` lines. */
export function check<T>(checker: Checker<T>, value: unknown): CheckResult<T> {
  const issues: Issue[] = [];
  const out = checker(value, [], issues);
  return issues.length ? { ok: false, issues: formatIssues({ issues }) } : { ok: true, value: out };
}

/** A checker as a function of the value alone. */
export const reader =
  <T>(checker: Checker<T>) =>
  (value: unknown): CheckResult<T> =>
    check(checker, value);
/** Any JSON body, read as it is (the caller reads its parts). */
export const anyBody = (value: unknown): CheckResult<unknown> => ({ ok: true, value });

const typeIssue = (issues: Issue[], path: Path, expected: string, value: unknown) =>
  issues.push({ path, fatal: true, message: value === undefined ? 'required' : `expected ${expected}, received ${describeValue(value)}` });

/** A check on a value of the right kind: a message when it fails. */
type Rule<T> = (value: T) => string | undefined;

function kind<T>(expected: string, is: (value: unknown) => boolean, rules: Rule<T>[]): Checker<T> {
  return (value, path, issues) => {
    if (!is(value)) {
      typeIssue(issues, path, expected, value);
      return value as T;
    }
    for (const rule of rules) {
      const message = rule(value as T);
      if (message) issues.push({ path, message });
    }
    return value as T;
  };
}

export const minLength = (n: number, message?: string): Rule<{ length: number }> => (v) =>
  v.length < n ? (message ?? sizeMessage('too_small', n, typeof v === 'string' ? 'string' : 'array')) : undefined;
export const maxLength = (n: number): Rule<{ length: number }> => (v) =>
  v.length > n ? sizeMessage('too_big', n, typeof v === 'string' ? 'string' : 'array') : undefined;
export const minimum = (n: number): Rule<number> => (v) => (v < n ? sizeMessage('too_small', n, 'number') : undefined);
export const maximum = (n: number): Rule<number> => (v) => (v > n ? sizeMessage('too_big', n, 'number') : undefined);
export const positive: Rule<number> = (v) => (v > 0 ? undefined : sizeMessage('too_small', 0, 'number'));
export const refine = <T>(ok: (value: T) => boolean, message: string): Rule<T> => (v) => (ok(v) ? undefined : message);

export const string = (...rules: Rule<string>[]): Checker<string> => kind('string', (v) => typeof v === 'string', rules);
/** A string trimmed before its rules run (and read trimmed). */
export const trimmed = (...rules: Rule<string>[]): Checker<string> => {
  const inner = string(...rules);
  return (value, path, issues) => inner(typeof value === 'string' ? value.trim() : value, path, issues);
};
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
export const number = (...rules: Rule<number>[]): Checker<number> => kind('number', isNumber, rules);
/** A whole number in the safe range (a fraction is of the wrong kind; a number too large, out of bounds). */
export const int = (...rules: Rule<number>[]): Checker<number> => {
  const whole = kind('int', (v) => Number.isInteger(v), [safe, ...rules]);
  return (value, path, issues) => (isNumber(value) ? whole(value, path, issues) : number()(value, path, issues));
};
const safe: Rule<number> = (v) =>
  v > Number.MAX_SAFE_INTEGER ? sizeMessage('too_big', Number.MAX_SAFE_INTEGER, 'number') : v < Number.MIN_SAFE_INTEGER ? sizeMessage('too_small', Number.MIN_SAFE_INTEGER, 'number') : undefined;
export const boolean: Checker<boolean> = kind('boolean', (v) => typeof v === 'boolean', []);
export const unknown: Checker<unknown> = (value) => value;

export function literal<const T extends string>(values: readonly T[]): Checker<T> {
  return (value, path, issues) => {
    if (!(values as readonly unknown[]).includes(value)) {
      issues.push({ path, fatal: true, message: `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}` });
    }
    return value as T;
  };
}

export function array<T>(item: Checker<T>, ...rules: Rule<unknown[]>[]): Checker<T[]> {
  return (value, path, issues) => {
    if (!Array.isArray(value)) {
      typeIssue(issues, path, 'array', value);
      return [];
    }
    const out = value.map((v, i) => item(v, [...path, i], issues));
    for (const rule of rules) {
      const message = rule(value);
      if (message) issues.push({ path, message });
    }
    return out;
  };
}

/** A JSON object's kind: an object, not null, not an array. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type Shape = Record<string, Checker<unknown>>;
type Read<S extends Shape> = { [K in keyof S]: ReturnType<S[K]> };

/** An object with these keys (others left out, or an issue when `strict`), then object-wide rules. */
export function object<S extends Shape>(shape: S, options: { strict?: boolean; rules?: Rule<Read<S>>[] } = {}): Checker<Read<S>> {
  return (value, path, issues) => {
    if (!isObject(value)) {
      typeIssue(issues, path, 'object', value);
      return value as Read<S>;
    }
    const start = issues.length;
    const out: Record<string, unknown> = {};
    for (const key in shape) {
      const read = shape[key]!(value[key], [...path, key], issues);
      if (read !== undefined) out[key] = read;
    }
    if (options.strict) {
      const unknownKeys = Object.keys(value).filter((key) => !Object.hasOwn(shape, key));
      if (unknownKeys.length) {
        issues.push({
          path,
          message: `unknown ${unknownKeys.length === 1 ? 'key' : 'keys'} ${unknownKeys.map((k) => `"${k}"`).join(', ')}`,
        });
      }
    }
    if (!issues.slice(start).some((i) => i.fatal)) {
      for (const rule of options.rules ?? []) {
        const message = rule(out as Read<S>);
        if (message) issues.push({ path, message });
      }
    }
    return out as Read<S>;
  };
}

/** Keys and values of one kind each (a map of custom fields). */
export function record<T>(item: Checker<T>): Checker<Record<string, T>> {
  return (value, path, issues) => {
    if (!isObject(value) || !isPlainObject(value)) {
      typeIssue(issues, path, 'record', value);
      return {};
    }
    const out: Record<string, T> = {};
    // Defined, not assigned: a key named "__proto__" stays a key (assigning it would set the copy's prototype).
    for (const key of Object.keys(value)) Object.defineProperty(out, key, { value: item(value[key], [...path, key], issues), enumerable: true, writable: true, configurable: true });
    return out;
  };
}

export const optional = <T>(inner: Checker<T>): Checker<T | undefined> => (value, path, issues) =>
  value === undefined ? undefined : inner(value, path, issues);
export const nullable = <T>(inner: Checker<T>): Checker<T | null> => (value, path, issues) => (value === null ? null : inner(value, path, issues));
export const withDefault = <T>(inner: Checker<T>, fallback: T): Checker<T> => (value, path, issues) =>
  value === undefined ? fallback : inner(value, path, issues);
/** The value read, or `fallback` when it cannot be read (never an issue). */
export const orElse = <T, F>(inner: Checker<T>, fallback: F): Checker<T | F> => (value, path) => {
  const own: Issue[] = [];
  const out = inner(value, path, own);
  return own.length ? fallback : out;
};

/**
 * The first form the value fits. When none fits but one failed only its rules (a date-time that does not
 * parse), that form's issues are the explanation; otherwise "matches none of the allowed forms".
 */
export function oneOf<T>(...forms: Checker<T>[]): Checker<T> {
  return (value, path, issues) => {
    const tried: { out: T; issues: Issue[] }[] = [];
    for (const form of forms) {
      const own: Issue[] = [];
      const out = form(value, path, own);
      if (!own.length) return out;
      tried.push({ out, issues: own });
    }
    const close = tried.filter((t) => !t.issues.some((i) => i.fatal));
    if (close.length === 1) {
      issues.push(...close[0]!.issues);
      return close[0]!.out;
    }
    issues.push({ path, fatal: true, message: 'matches none of the allowed forms' });
    return value as T;
  };
}
