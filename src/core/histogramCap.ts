import type { AuditHistogram, HistogramBucket } from './page.js';
import type { SeverityLevel } from './severity.js';

/**
 * The most buckets a histogram has anywhere (the engine, a server's answer, the mock server): a chart is a
 * few hundred pixels wide, and one event dated year 1 must not cost 100,000 bars and table rows.
 */
export const MAX_HISTOGRAM_BUCKETS = 500;

/** A bucket count asked for, made sane: a whole number from 1 to `MAX_HISTOGRAM_BUCKETS`. */
export function clampBuckets(maxBuckets: number | undefined, fallback = 60): number {
  const n = maxBuckets === undefined || !Number.isFinite(maxBuckets) ? fallback : Math.floor(maxBuckets);
  return Math.min(MAX_HISTOGRAM_BUCKETS, Math.max(1, n));
}

/**
 * A histogram with at most `max` buckets: neighbours merged (counts and severity counts added), so a server
 * that sends too many loses no events, only detail.
 */
export function capHistogram(histogram: AuditHistogram, max = MAX_HISTOGRAM_BUCKETS): AuditHistogram {
  const { buckets } = histogram;
  if (buckets.length <= max) return histogram;
  const per = Math.ceil(buckets.length / max);
  const merged: HistogramBucket[] = [];
  for (let i = 0; i < buckets.length; i += per) {
    const group = buckets.slice(i, i + per);
    let count = 0;
    let bySeverity: Partial<Record<SeverityLevel, number>> | undefined = {};
    for (const b of group) {
      count += b.count;
      if (!b.bySeverity) bySeverity = undefined;
      else if (bySeverity) for (const [level, k] of Object.entries(b.bySeverity) as [SeverityLevel, number][]) bySeverity[level] = (bySeverity[level] ?? 0) + k;
    }
    merged.push({ start: group[0]!.start, end: group[group.length - 1]!.end, count, ...(bySeverity && { bySeverity }) });
  }
  return { bucketMs: histogram.bucketMs * per, buckets: merged };
}

/** The chart offers zooming (drag across the bars): it needs events, and more than one bar to drag across. */
export function zoomable(buckets: AuditHistogram['buckets']): boolean {
  return buckets.length > 1 && buckets.some((b) => b.count > 0);
}
