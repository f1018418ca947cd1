import type { AuditSort } from '../core/query.js';
import type { EventTest } from './predicate.js';
import type { EventStore } from './store.js';

/** Events scanned between two looks at the clock. */
const STRIDE = 256;

/**
 * One query's walk through the store in sort order, resumable: the matches found so far and where it
 * stopped. A page needs only the first matches, so it can be answered before the walk ends; the walk then
 * goes on in slices (for the count and the stats) from where it stopped, never from the start.
 */
export class QueryScan {
  private found: Int32Array;
  private count = 0;
  private next = 0;
  /** The store's exclusions when `found` was last cleaned of events left out since. */
  private exclusions: number;

  constructor(
    private readonly store: EventStore,
    readonly sort: AuditSort,
    /** Store indices in ascending sort order. */
    private readonly order: Int32Array,
    private readonly tests: readonly EventTest[],
  ) {
    this.found = new Int32Array(Math.min(order.length, 1024));
    this.exclusions = store.exclusions;
  }

  get done(): boolean {
    return this.next >= this.order.length;
  }

  /** How many events the walk has looked at. */
  get scanned(): number {
    return this.next;
  }

  /**
   * Walks on until at least `need` matches are found and `more()` says stop (asked every 256 events), or
   * to the end. Returns whether the walk is complete.
   */
  advance(need: number, more: () => boolean = () => true): boolean {
    const { order, tests, store } = this;
    const n = order.length;
    const descending = this.sort.direction === 'desc';
    // Nothing to test (every event matches): the walk is a copy, done at once, so the total always comes first.
    const cheap = tests.length === 0;
    let j = this.next;
    for (; j < n; j++) {
      if (!cheap && j % STRIDE === 0 && j > this.next && this.count >= need && !more()) break;
      const i = order[descending ? n - 1 - j : j]!;
      let ok = !store.isExcluded(i);
      for (let t = 0; t < tests.length && ok; t++) ok = tests[t]!(i);
      if (!ok) continue;
      if (this.count === this.found.length) {
        const grown = new Int32Array(Math.min(n, this.found.length * 2));
        grown.set(this.found);
        this.found = grown;
      }
      this.found[this.count++] = i;
    }
    this.next = j;
    return this.done;
  }

  /** The matches found so far, in sort order, without events the store has left out since they were found. */
  matches(): Int32Array {
    if (this.store.exclusions !== this.exclusions) {
      let kept = 0;
      for (let k = 0; k < this.count; k++) {
        const i = this.found[k]!;
        if (!this.store.isExcluded(i)) this.found[kept++] = i;
      }
      this.count = kept;
      this.exclusions = this.store.exclusions;
    }
    return this.found.subarray(0, this.count);
  }
}
