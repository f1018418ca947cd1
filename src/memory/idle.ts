/** How long one slice of background work may take, within an idle period or where there is none. */
const SLICE_MS = 8;

interface IdleDeadline {
  timeRemaining(): number;
}

/**
 * Runs `work` in slices while the page is idle (between tasks where there is no idle callback), each
 * slice stopping when `more()` says the idle period is over or `SLICE_MS` have passed, until `work` returns
 * true. Keeps frames short while a large log prepares its search text.
 */
export function prepareWhenIdle(work: (more: () => boolean) => boolean): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: (deadline: IdleDeadline) => void) => void })
    .requestIdleCallback;
  const slice = (deadline?: IdleDeadline) => {
    // An idle period can last 50 ms when no frame is due; a slice stops within a frame's budget all the same,
    // so a scroll or a keypress that comes meanwhile waits for no more than a few milliseconds of it.
    const budget = sliceBudget();
    const more = deadline ? () => deadline.timeRemaining() > 1 && budget() : budget;
    if (!work(more)) schedule();
  };
  const schedule = () => (idle ? idle(slice) : setTimeout(slice, 0));
  schedule();
}

/** A clock for one slice of work: true until `SLICE_MS` have passed. */
export function sliceBudget(): () => boolean {
  const end = performance.now() + SLICE_MS;
  return () => performance.now() < end;
}

/**
 * Resolves in a later task, so the browser can paint and run other tasks in between (the page's rows, React's
 * work): a message on a fresh channel, which takes its turn with other tasks and is not clamped to 4 ms like
 * a nested timeout. (`scheduler.yield()` would put the continuation ahead of them, starving the paint.)
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Longest wait for a frame: a hidden tab runs none. */
const FRAME_WAIT_MS = 100;

/**
 * Resolves once the browser has painted a frame (a task after the next animation frame), or after 100 ms when
 * no frame comes (a hidden tab); a later task where there are no frames (Node). Work that can wait for the rows
 * on screen (counts, the histogram) waits for this.
 */
export function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return nextTask();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FRAME_WAIT_MS);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
