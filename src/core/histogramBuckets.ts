import { clampBuckets } from './histogramCap.js';
import { DAY, HOUR, MINUTE } from './time.js';

/** Bucket widths a histogram may use, smallest first: each a round number a person reads at a glance. */
export const BUCKET_SIZES: readonly number[] = [
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  7 * DAY,
  30 * DAY,
];

/**
 * The smallest bucket width that covers `from..to` in at most `maxBuckets` buckets (itself at most
 * `MAX_HISTOGRAM_BUCKETS`). Past the widest round width (30 days: a range from year 1), a multiple of it.
 */
export function chooseBucketSize(from: number, to: number, maxBuckets = 60): number {
  const max = clampBuckets(maxBuckets);
  const span = Math.max(0, to - from);
  for (const size of BUCKET_SIZES) {
    if (Math.ceil(span / size) + 1 <= max) return size;
  }
  const widest = BUCKET_SIZES[BUCKET_SIZES.length - 1]!;
  return widest * Math.max(1, Math.ceil(span / widest / Math.max(1, max - 1)));
}

