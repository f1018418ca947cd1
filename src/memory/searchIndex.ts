/** Events per chunk of search text. */
const CHUNK = 8192;
/** Between events in a chunk: a needle never spans two events. */
const EVENT_SEPARATOR = '\u0000';

/**
 * Free-text search over many events without a string per event: the lower-cased search text of each
 * run of `CHUNK` events is one string, with the offset where each event starts. A search is one native
 * `indexOf` pass per chunk (once per search, when a walk first reaches it), jumping to the next event after
 * each hit; events in chunks not built yet are tested by their own text. Built in idle slices (`prepare`);
 * appends extend it, anything else starts it again.
 */
export class SearchIndex {
  private chunks: string[] = [];
  private offsets: Int32Array[] = [];
  private pending: string[] = [];

  constructor(private readonly textOf: (index: number) => string) {}

  /** How many events are indexed. */
  get built(): number {
    return this.chunks.length * CHUNK + this.pending.length;
  }

  /** Forgets everything (indices moved). */
  reset(): void {
    this.chunks = [];
    this.offsets = [];
    this.pending = [];
  }

  /**
   * Indexes events up to `size`, stopping early when `more()` says so (checked every 256 events).
   * Returns whether all `size` events are indexed.
   */
  prepare(size: number, more: () => boolean = () => true): boolean {
    for (let i = this.built; i < size; i++) {
      this.pending.push(this.textOf(i).toLowerCase());
      if (this.pending.length === CHUNK) this.seal();
      if ((i & 255) === 255 && !more()) return this.built >= size;
    }
    return true;
  }

  /**
   * A test for one event at a time, for a walk that may stop early: an event in a chunk built already is
   * answered from that chunk (searched once, on first need); any other by its own text. Builds nothing.
   */
  tester(needle: string): (index: number) => boolean {
    const clean = needle.split(EVENT_SEPARATOR).join('');
    if (!clean) return () => true;
    const chunkHits = new Map<number, Uint8Array>();
    return (index) => {
      const c = Math.floor(index / CHUNK);
      const text = this.chunks[c];
      if (text === undefined) return this.textOf(index).toLowerCase().includes(clean);
      let hits = chunkHits.get(c);
      if (!hits) {
        hits = new Uint8Array(CHUNK);
        this.scan(text, this.offsets[c]!, 0, clean, hits);
        chunkHits.set(c, hits);
      }
      return hits[index - c * CHUNK] === 1;
    };
  }

  private scan(text: string, offsets: Int32Array, first: number, needle: string, hits: Uint8Array): void {
    let at = text.indexOf(needle);
    while (at >= 0) {
      // The event whose text holds `at`: the last start at or before it.
      let lo = 0;
      let hi = offsets.length - 2;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (offsets[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      const index = first + lo;
      if (index < hits.length) hits[index] = 1;
      at = text.indexOf(needle, offsets[lo + 1]!);
    }
  }

  private seal(): void {
    const { text, offsets } = join(this.pending);
    this.chunks.push(text);
    this.offsets.push(offsets);
    this.pending = [];
  }
}

function join(texts: readonly string[]): { text: string; offsets: Int32Array } {
  const offsets = new Int32Array(texts.length + 1);
  let at = 0;
  for (let i = 0; i < texts.length; i++) {
    offsets[i] = at;
    at += texts[i]!.length + 1;
  }
  offsets[texts.length] = at;
  return { text: texts.join(EVENT_SEPARATOR) + EVENT_SEPARATOR, offsets };
}
