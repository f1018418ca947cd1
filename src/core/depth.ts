/**
 * Nesting limits for untrusted JSON. A payload nested thousands of levels deep (anyone who can write an
 * audit event can send one) overflows the stack of every recursive walk: `JSON.stringify`, schema
 * checks, renderers. Everything here is iterative; values deeper than `MAX_DEPTH` are replaced by a
 * marked, truncated preview, so the rest of the event stays readable.
 */
import type { JsonValue } from './eventSchema.js';
import { setOwn } from './own.js';

/** How deep a value may nest before the part below is kept only as a preview. */
export const MAX_DEPTH = 64;
/** How many characters of a cut-off value the preview keeps. */
const PREVIEW_CHARS = 120;
/** The start of every preview that stands in for a value nested too deeply. */
export const TRUNCATED_MARK = '[nested too deeply; preview] ';

/** The result of checking a value: fine as is, valid JSON but too deep, or not JSON. */
export type DepthCheck = 'ok' | 'too-deep' | 'invalid';

/** An object literal's kind (or one made with a null prototype): not an array, a `Date` or a class instance. */
export const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * Whether `value` is JSON (finite numbers, strings, booleans, null, arrays, plain objects) nested at most
 * `max` levels deep. The walk recurses, but never more than `max` frames: a cycle or a 100,000-level
 * value costs `max` steps, not a stack overflow. Allocates nothing.
 */
export function checkJson(value: unknown, max = MAX_DEPTH): DepthCheck {
  const result = checkNode(value, 0, max);
  return result === OK ? 'ok' : result === TOO_DEEP ? 'too-deep' : 'invalid';
}

const OK = 0;
const TOO_DEEP = 1;
const INVALID = 2;

function checkNode(value: unknown, depth: number, max: number): number {
  if (value === null || typeof value !== 'object') return scalarOk(value) ? OK : INVALID;
  if (depth >= max) return TOO_DEEP;
  let result = OK;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const r = checkNode(value[i], depth + 1, max);
      if (r === INVALID) return INVALID;
      if (r === TOO_DEEP) result = TOO_DEEP;
    }
    return result;
  }
  if (!isPlainObject(value)) return INVALID;
  for (const key in value) {
    const r = checkNode((value as Record<string, unknown>)[key], depth + 1, max);
    if (r === INVALID) return INVALID;
    if (r === TOO_DEEP) result = TOO_DEEP;
  }
  return result;
}

function scalarOk(value: unknown): boolean {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/**
 * A copy of `value` in which every object or array `max` levels down is replaced by a string: the mark,
 * then the start of its JSON. Returns `value` itself when nothing is that deep. Iterative.
 */
export function capDepth<T>(value: T, max = MAX_DEPTH): T {
  if (value === null || typeof value !== 'object' || checkJson(value, max) === 'ok') return value;
  const root: unknown = Array.isArray(value) ? [] : {};
  const stack: { from: object; to: Record<string, unknown> | unknown[]; depth: number }[] = [
    { from: value as object, to: root as Record<string, unknown>, depth: 0 },
  ];
  while (stack.length) {
    const { from, to, depth } = stack.pop()!;
    for (const key of Object.keys(from)) {
      const child: unknown = (from as Record<string, unknown>)[key];
      let out: unknown = child;
      // Only JSON containers are walked; anything else (a Date) is left for the schema to judge.
      if (child !== null && typeof child === 'object' && (Array.isArray(child) || isPlainObject(child))) {
        if (depth + 1 >= max) out = TRUNCATED_MARK + previewJson(child, PREVIEW_CHARS);
        else {
          out = Array.isArray(child) ? [] : {};
          stack.push({ from: child, to: out as Record<string, unknown>, depth: depth + 1 });
        }
      }
      setOwn(to as Record<string, unknown>, key, out);
    }
  }
  return root as T;
}

/**
 * The first `maxChars` characters of a value's JSON, without recursion and without building more than
 * that: safe for values nested any depth, and for cycles (they are cut off like deep values).
 */
export function previewJson(value: unknown, maxChars = PREVIEW_CHARS): string {
  let out = '';
  // Work items: a value to write, or a literal piece of text (closing brackets, commas, keys).
  const stack: ({ text: string } | { value: unknown })[] = [{ value }];
  while (stack.length && out.length < maxChars) {
    const item = stack.pop()!;
    if ('text' in item) {
      out += item.text;
      continue;
    }
    const v = item.value;
    if (v === null || typeof v !== 'object') {
      out += scalarOk(v) ? JSON.stringify(v) : 'null';
      continue;
    }
    const array = Array.isArray(v);
    const keys = array ? null : Object.keys(v);
    const length = array ? (v as unknown[]).length : keys!.length;
    out += array ? '[' : '{';
    stack.push({ text: array ? ']' : '}' });
    // Push children in reverse so they come off the stack in order; only as many as could still fit.
    const room = Math.min(length, maxChars);
    for (let i = room - 1; i >= 0; i--) {
      const child = array ? (v as unknown[])[i] : (v as Record<string, unknown>)[keys![i]!];
      stack.push({ value: child });
      const prefix = (i > 0 ? ',' : '') + (array ? '' : `${JSON.stringify(keys![i])}:`);
      if (prefix) stack.push({ text: prefix });
    }
  }
  return out.length > maxChars ? `${out.slice(0, maxChars)}…` : stack.length ? `${out}…` : out;
}

/** `JSON.stringify` for a value that may nest any depth: the capped copy's JSON. */
export function safeStringify(value: JsonValue | undefined): string {
  return JSON.stringify(capDepth(value)) ?? '';
}
