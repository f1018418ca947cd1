import type { AuditStats, SeverityCount } from '../core/page.js';
import { HistogramTally, levelIndexOfRank } from './histogram.js';
import type { EventStore } from './store.js';

/** How many events one slice counts between looks at the clock. */
const CHUNK = 4096;

/**
 * A query's counts by severity and its histogram, counted in slices: `step(more)` goes on while `more()` allows
 * and returns whether the counts are complete; `result()` then gives them. Two passes over the matches: the
 * severities and the first and last time (the histogram's range when the query's is open), then the buckets.
 */
export class StatsCount {
  private j = 0;
  private pass: 'severity' | 'histogram' | 'done' = 'severity';
  private readonly byLabel: SeverityCount[] = [];
  private min = Infinity;
  private max = -Infinity;
  private tally: HistogramTally | undefined;
  /** Severity level (index in `SEVERITY_LEVELS`) by rank, for small ranks. */
  private readonly levels = new Int8Array(128).fill(-1);

  constructor(
    private readonly store: EventStore,
    private readonly indices: Int32Array,
    private readonly range: { from: number | undefined; to: number | undefined },
    private readonly now: number,
    private readonly maxBuckets: number | undefined,
  ) {}

  step(more: () => boolean): boolean {
    const { store, indices } = this;
    const times = store.timeColumn();
    for (let first = true; this.pass !== 'done'; first = false) {
      if (!first && !more()) return false;
      const end = Math.min(indices.length, this.j + CHUNK);
      if (this.pass === 'severity') this.severities(end, times);
      else this.buckets(end, times);
      this.j = end;
      if (end === indices.length) this.nextPass();
    }
    return true;
  }

  result(): AuditStats {
    if (!this.step(() => true) || !this.tally) throw new Error('unreachable');
    return {
      total: this.indices.length,
      bySeverity: this.byLabel.filter(Boolean).sort((a, b) => b.rank - a.rank || (a.label < b.label ? -1 : 1)),
      histogram: this.tally.histogram(),
    };
  }

  private severities(end: number, times: Float64Array): void {
    const { store, indices, byLabel } = this;
    let { min, max } = this;
    for (let j = this.j; j < end; j++) {
      const i = indices[j]!;
      const label = store.labelIndexAt(i);
      const entry = byLabel[label];
      if (entry) entry.count += 1;
      else byLabel[label] = { label: store.severity(i), rank: store.rank(i), count: 1 };
      const t = times[i]!;
      if (t < min) min = t;
      if (t > max) max = t;
    }
    this.min = min;
    this.max = max;
  }

  private buckets(end: number, times: Float64Array): void {
    const { store, indices, levels } = this;
    const tally = this.tally!;
    for (let j = this.j; j < end; j++) {
      const i = indices[j]!;
      const rank = store.rank(i);
      let level = rank >= 0 && rank < 128 ? levels[rank]! : levelIndexOfRank(rank);
      if (level < 0) level = levels[rank] = levelIndexOfRank(rank);
      tally.add(times[i]!, level);
    }
  }

  private nextPass(): void {
    this.j = 0;
    if (this.pass === 'histogram') {
      this.pass = 'done';
      return;
    }
    const { min, max, now } = this;
    const from = this.range.from ?? (Number.isFinite(min) ? min : now - 86_400_000);
    const to = this.range.to ?? Math.max(now, Number.isFinite(max) ? max + 1 : now);
    this.tally = new HistogramTally(from, to, this.maxBuckets, true);
    this.pass = 'histogram';
  }
}
