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

/**
 * Where an arrow or Home/End moves focus among `count` header cells, in reading order (in right-to-left
 * pages ArrowLeft moves forward); `undefined` for other keys.
 */
export function nextHeadIndex(key: string, current: number, count: number, rtl: boolean): number | undefined {
  if (count <= 0) return undefined;
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const back = rtl ? 'ArrowRight' : 'ArrowLeft';
  if (key === forward) return Math.min(count - 1, current + 1);
  if (key === back) return Math.max(0, current - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}
