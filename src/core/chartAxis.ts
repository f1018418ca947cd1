import { DAY, HOUR, MINUTE } from './time.js';

/** A round upper bound for a count axis: 1, 2 or 5 times a power of ten, at least `max` (and at least 1). */
export function niceCeiling(max: number): number {
  if (!(max > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** Tick spacings a time axis may use, smallest first. */
const TICK_STEPS: readonly number[] = [
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
  90 * DAY,
  365 * DAY,
];

export interface TimeTicks {
  /** Tick times, epoch ms, inside `from..to`. */
  ticks: number[];
  step: number;
  /** Whether labels need the date (steps of a day or more, or a span crossing days) or the time of day. */
  showDate: boolean;
  showTime: boolean;
}

/**
 * Ticks for a time axis over `from..to` that fit `maxTicks` labels: a round step (5 minutes, 6 hours, a day,
 * a week…) at multiples of the step, so they follow the range and the zoom level.
 */
export function timeTicks(from: number, to: number, maxTicks: number): TimeTicks {
  const span = Math.max(1, to - from);
  const step = TICK_STEPS.find((s) => span / s <= Math.max(1, maxTicks)) ?? TICK_STEPS[TICK_STEPS.length - 1]!;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to && ticks.length <= maxTicks; t += step) ticks.push(t);
  return { ticks, step, showDate: step >= DAY || span > DAY, showTime: step < DAY };
}
