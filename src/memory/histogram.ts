import type { AuditHistogram } from '../core/page.js';
import { SEVERITY_LEVELS, severityLevelOfRank, type SeverityLevel } from '../core/severity.js';
import { clampBuckets } from '../core/histogramCap.js';
import { toIsoUtc } from '../core/time.js';
import { chooseBucketSize } from '../core/histogramBuckets.js';

/**
 * Counts times (epoch ms) into buckets aligned to the bucket width (UTC), covering `from..to`.
 * Times outside the range are ignored. `times` may be any iterable, so callers need not copy.
 * With `levelAt` (the severity level of the n-th time), each bucket also counts by level.
 */
export function buildHistogram(
  times: Iterable<number>,
  from: number,
  to: number,
  maxBuckets = 60,
  levelAt?: (n: number) => SeverityLevel,
): AuditHistogram {
  const tally = new HistogramTally(from, to, maxBuckets, levelAt !== undefined);
  let n = -1;
  for (const t of times) {
    n++;
    tally.add(t, levelAt ? LEVEL_INDEX.get(levelAt(n))! : 0);
  }
  return tally.histogram();
}

const LEVEL_INDEX = new Map(SEVERITY_LEVELS.map((l, i) => [l, i]));

/** The index in `SEVERITY_LEVELS` of a severity rank's level (`severityLevelOfRank`, as a number). */
export function levelIndexOfRank(rank: number): number {
  return LEVEL_INDEX.get(severityLevelOfRank(rank))!;
}

/**
 * A histogram counted one time at a time (buckets aligned to the bucket width, UTC, covering `from..to`;
 * times outside are ignored), so a caller can count a million in slices between frames.
 */
export class HistogramTally {
  private readonly bucketMs: number;
  private readonly first: number;
  private readonly counts: number[];
  private readonly byLevel: Int32Array | undefined;

  constructor(
    private readonly from: number,
    private readonly to: number,
    maxBuckets = 60,
    levels = false,
  ) {
    this.bucketMs = chooseBucketSize(from, to, maxBuckets);
    this.first = Math.floor(from / this.bucketMs) * this.bucketMs;
    // Aligning `from` down can add one bucket; the count never passes what was asked for.
    const count = Math.min(clampBuckets(maxBuckets), Math.max(1, Math.ceil((to - this.first) / this.bucketMs)));
    this.counts = new Array<number>(count).fill(0);
    this.byLevel = levels ? new Int32Array(count * SEVERITY_LEVELS.length) : undefined;
  }

  /** Counts time `t` (epoch ms), of the level at `level` in `SEVERITY_LEVELS`. */
  add(t: number, level: number): void {
    if (t < this.from || t >= this.to) return;
    const i = Math.floor((t - this.first) / this.bucketMs);
    if (i < 0 || i >= this.counts.length) return;
    this.counts[i]! += 1;
    if (this.byLevel) this.byLevel[i * SEVERITY_LEVELS.length + level]! += 1;
  }

  histogram(): AuditHistogram {
    const { bucketMs, first, byLevel } = this;
    const levels = SEVERITY_LEVELS.length;
    return {
      bucketMs,
      buckets: this.counts.map((c, i) => {
        const bucket = { start: toIsoUtc(first + i * bucketMs), end: toIsoUtc(first + (i + 1) * bucketMs), count: c };
        if (!byLevel) return bucket;
        const bySeverity: Partial<Record<SeverityLevel, number>> = {};
        SEVERITY_LEVELS.forEach((level, l) => {
          const k = byLevel[i * levels + l]!;
          if (k) bySeverity[level] = k;
        });
        return { ...bucket, bySeverity };
      }),
    };
  }
}
