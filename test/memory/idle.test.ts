import { afterEach, describe, expect, it, vi } from 'vitest';
import { prepareWhenIdle } from '../../src/memory/idle';

describe('background work in idle time', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('stops each slice within a frame’s budget even when the idle period offers 50 ms', async () => {
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    // The browser's longest idle period, when no frame is due.
    vi.stubGlobal('requestIdleCallback', (callback: (deadline: { timeRemaining(): number }) => void) =>
      setTimeout(() => callback({ timeRemaining: () => 50 }), 0),
    );
    const slices: number[] = [];
    let done = 0;
    await new Promise<void>((resolve) =>
      prepareWhenIdle((more) => {
        const start = clock;
        // One millisecond a unit of work, until the slice is told to stop.
        do {
          clock += 1;
          done++;
        } while (done < 40 && more());
        slices.push(clock - start);
        if (done >= 40) resolve();
        return done >= 40;
      }),
    );
    expect(slices.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...slices)).toBeLessThanOrEqual(8);
  });
});
