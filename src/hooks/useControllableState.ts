import { useCallback, useState } from 'react';

/**
 * A value that is controlled (`value` + `onChange`) or uncontrolled (`defaultValue`), with one setter.
 * `undefined` as `value` means uncontrolled; pass `null` to control an empty value.
 */
export function useControllableState<T>(
  value: T | undefined,
  defaultValue: T,
  onChange: ((next: T) => void) | undefined,
): [T, (next: T) => void] {
  const [own, setOwn] = useState<T>(defaultValue);
  const controlled = value !== undefined;
  const set = useCallback(
    (next: T) => {
      if (!controlled) setOwn(next);
      onChange?.(next);
    },
    [controlled, onChange],
  );
  return [controlled ? value : own, set];
}
