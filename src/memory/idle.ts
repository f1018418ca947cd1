/** How long one slice of background work may take where there is no idle deadline. */
const SLICE_MS = 8;

interface IdleDeadline {
  timeRemaining(): number;
}

/**
 * Runs `work` in slices while the page is idle (between tasks where there is no idle callback), each
 * slice stopping when `more()` says the idle period is over, until `work` returns true. Keeps frames
 * short while a large log prepares its search text.
 */
export function prepareWhenIdle(work: (more: () => boolean) => boolean): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: (deadline: IdleDeadline) => void) => void })
    .requestIdleCallback;
  const slice = (deadline?: IdleDeadline) => {
    const end = performance.now() + SLICE_MS;
    const more = deadline ? () => deadline.timeRemaining() > 1 : () => performance.now() < end;
    if (!work(more)) schedule();
  };
  const schedule = () => (idle ? idle(slice) : setTimeout(slice, 0));
  schedule();
}
