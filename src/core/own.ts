/**
 * Lookups keyed by names that came from data (a field name, a payload key, a header): a name such as
 * `valueOf`, `constructor` or `__proto__` is just a name. A plain object's `obj[name]` would answer the
 * inherited member of `Object.prototype` instead, and `obj[name] = v` with `__proto__` would set the
 * prototype rather than a key. Pure.
 */

const hasOwnProperty = Object.prototype.hasOwnProperty;

/** Whether `record` has `key` as its own property (never an inherited one). */
export function hasOwn(record: object | null | undefined, key: string): boolean {
  return record != null && hasOwnProperty.call(record, key);
}

/** The value of `key` when `record` has it as its own property; `undefined` otherwise. */
export function own<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record != null && hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Sets `key` as an own, enumerable property, whatever the name (`__proto__` included). */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}
