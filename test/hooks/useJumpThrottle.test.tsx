import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JUMP_INTERVAL_MS, useJumpThrottle } from '../../src/hooks/useJumpThrottle';

describe('useJumpThrottle (the pages a fast scroll asks for)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = () => {
    const set = vi.fn<(start: number, end: number) => void>();
    const { result, unmount, rerender } = renderHook(({ key }) => useJumpThrottle(set, key), { initialProps: { key: 'q1' } });
    return { set, report: result.current, unmount, rerender };
  };

  it('passes on scrolling that reaches the next page at once, however fast', () => {
    const { set, report } = setup();
    report(0, 99);
    report(0, 199);
    report(100, 299);
    report(200, 299);
    expect(set.mock.calls).toEqual([
      [0, 99],
      [0, 199],
      [100, 299],
      [200, 299],
    ]);
  });

  it('skips the pages a flight only crosses, then passes on where it stops', () => {
    const { set, report } = setup();
    report(0, 99);
    // Sixty jumps of 17,000 rows within a few milliseconds: none touches the pages passed on before.
    for (let i = 1; i <= 60; i++) {
      vi.advanceTimersByTime(1);
      const start = i * 17_000;
      report(start, start + 99);
    }
    expect(set.mock.calls).toEqual([[0, 99]]);
    vi.advanceTimersByTime(JUMP_INTERVAL_MS);
    expect(set.mock.calls).toEqual([
      [0, 99],
      [1_020_000, 1_020_099],
    ]);
  });

  it('passes on a jump after a pause at once, and one range per interval during a long flight', () => {
    const { set, report } = setup();
    report(0, 99);
    vi.advanceTimersByTime(JUMP_INTERVAL_MS);
    report(500_000, 500_099);
    expect(set).toHaveBeenCalledTimes(2);
    // A flight of 1 s, a jump every 16 ms: about one range per interval, not 62.
    for (let t = 0; t < 1000; t += 16) {
      vi.advanceTimersByTime(16);
      report(600_000 + t * 100, 600_099 + t * 100);
    }
    vi.advanceTimersByTime(JUMP_INTERVAL_MS);
    expect(set.mock.calls.length).toBeGreaterThanOrEqual(10);
    expect(set.mock.calls.length).toBeLessThanOrEqual(13);
    expect(set.mock.calls.at(-1)).toEqual([600_000 + 992 * 100, 600_099 + 992 * 100]);
  });

  it('drops a range of the query shown before, and passes a new query\'s first range on at once', () => {
    const { set, report, rerender } = setup();
    report(0, 99);
    report(50_000, 50_099);
    // The user searches while that jump waits: the log now shows another query, from its top.
    rerender({ key: 'q2' });
    vi.advanceTimersByTime(JUMP_INTERVAL_MS * 2);
    expect(set.mock.calls).toEqual([[0, 99]]);
    report(30_000, 30_099);
    expect(set.mock.calls).toEqual([
      [0, 99],
      [30_000, 30_099],
    ]);
  });

  it('passes nothing on after unmounting', () => {
    const { set, report, unmount } = setup();
    report(0, 99);
    report(50_000, 50_099);
    unmount();
    vi.advanceTimersByTime(JUMP_INTERVAL_MS * 2);
    expect(set.mock.calls).toEqual([[0, 99]]);
  });
});
