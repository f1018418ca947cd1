/**
 * Where a key moves the active row of a list of `count` rows, `page` rows to a screen;
 * `undefined` for keys that do not move it.
 */
export function nextRowIndex(key: string, current: number, count: number, page: number): number | undefined {
  if (count <= 0) return undefined;
  const clamp = (i: number): number => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
      return clamp(current + 1);
    case 'ArrowUp':
      return clamp(current - 1);
    case 'PageDown':
      return clamp(current + Math.max(1, page - 1));
    case 'PageUp':
      return clamp(current - Math.max(1, page - 1));
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
