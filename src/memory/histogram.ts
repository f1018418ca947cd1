import type { AuditHistogram } from '../core/page.js';
import { SEVERITY_LEVELS, type SeverityLevel } from '../core/severity.js';
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
  const bucketMs = chooseBucketSize(from, to, maxBuckets);
  const first = Math.floor(from / bucketMs) * bucketMs;
  // Aligning `from` down can add one bucket; the count never passes what was asked for.
  const count = Math.min(clampBuckets(maxBuckets), Math.max(1, Math.ceil((to - first) / bucketMs)));
  const counts = new Array<number>(count).fill(0);
  const levels = SEVERITY_LEVELS.length;
  const byLevel = levelAt ? new Int32Array(count * levels) : undefined;
  const levelIndex = new Map(SEVERITY_LEVELS.map((l, i) => [l, i]));
  let n = -1;
  for (const t of times) {
    n++;
    if (t < from || t >= to) continue;
    const i = Math.floor((t - first) / bucketMs);
    if (i < 0 || i >= count) continue;
    counts[i]! += 1;
    if (byLevel) byLevel[i * levels + levelIndex.get(levelAt!(n))!]! += 1;
  }
  return {
    bucketMs,
    buckets: counts.map((c, i) => {
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
