import { describe, expect, it } from 'vitest';
import { offsetToShowRow, scaledHeight, scrollRatio } from '../../src/hooks/useScaledVirtualizer';

describe('compressed scroll range', () => {
  it('is the real height until the browser limit, then capped', () => {
    expect(scaledHeight(1000, 36)).toBe(36_000);
    expect(scaledHeight(1_000_000, 36)).toBe(8_000_000);
    expect(scrollRatio(1000, 36, 600)).toBe(1);
  });

  it('maps the last scrolled pixel to the last row of a million', () => {
    const ratio = scrollRatio(1_000_000, 36, 600);
    const maxScroll = scaledHeight(1_000_000, 36) - 600;
    expect(maxScroll * ratio).toBeCloseTo(36_000_000 - 600, 3);
  });

  it('scrolls the least to show a row', () => {
    expect(offsetToShowRow(10, 36, 0, 360)).toBe(36); // just below: align the bottom
    expect(offsetToShowRow(2, 36, 360, 360)).toBe(72); // above: align the top
    expect(offsetToShowRow(3, 36, 0, 360)).toBeUndefined(); // in view
  });
});
