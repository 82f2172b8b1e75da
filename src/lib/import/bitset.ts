/** A growable set of small non-negative integers, one bit each: what the per-(period, area) checks remember. */
export class BitSet {
  private words: Uint32Array;

  constructor(initialBits = 1 << 14) {
    this.words = new Uint32Array(Math.max(1, initialBits >>> 5));
  }

  /** Whether `i` was added. */
  has(i: number): boolean {
    const w = i >>> 5;
    return w < this.words.length && (this.words[w] & (1 << (i & 31))) !== 0;
  }

  /** Adds `i`, growing the set when needed. */
  add(i: number): void {
    const w = i >>> 5;
    if (w >= this.words.length) this.grow(w + 1);
    this.words[w] |= 1 << (i & 31);
  }

  private grow(minWords: number): void {
    let size = this.words.length * 2;
    while (size < minWords) size *= 2;
    const words = new Uint32Array(size);
    words.set(this.words);
    this.words = words;
  }
}
