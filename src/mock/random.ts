/** A small seeded PRNG (sfc32): the same seed gives the same sequence on every machine. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: items with weight 3 come three times as often as weight 1 (see `weightedPicker`). */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  chance(p: number): boolean;
  hex(length: number): string;
}

/** FNV-1a hash of a string, to derive seeds from names (a tenant id, say). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRandom(seed: number): Random {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) next32();
  const random: Random = {
    next: () => next32() / 4294967296,
    int: (min, max) => min + Math.floor(random.next() * (max - min + 1)),
    pick: (items) => items[Math.floor(random.next() * items.length)]!,
    weighted: (items) => weightedPicker(items)(random),
    chance: (p) => random.next() < p,
    hex: (length) => {
      let out = next32().toString(16).padStart(8, '0');
      while (out.length < length) out += next32().toString(16).padStart(8, '0');
      return out.length === length ? out : out.slice(0, length);
    },
  };
  return random;
}

/** A picker by weight with the cumulative weights computed once, for hot loops. */
export function weightedPicker<T>(items: readonly (readonly [T, number])[]): (random: Random) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of items) cumulative.push((total += w));
  return (random) => {
    const r = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]![0];
  };
}
