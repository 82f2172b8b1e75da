/** A growable set of small non-negative integers, one bit each: what the per-(period, area) checks remember. */
export class BitSet {
  private words: Uint32Array;

  constructor(initialBits = 1 << 14) {
    this.words = new Uint32Array(Math.max(1, initialBits >>> 5));
  }

  /** Whether `member` was added. */
  has(member: number): boolean {
    const word = member >>> 5;
    return word < this.words.length && (this.words[word] & (1 << (member & 31))) !== 0;
  }

  /** Adds `member`, growing the set when needed. */
  add(member: number): void {
    const word = member >>> 5;
    if (word >= this.words.length) this.grow(word + 1);
    this.words[word] |= 1 << (member & 31);
  }

  private grow(minWords: number): void {
    let size = this.words.length * 2;
    while (size < minWords) size *= 2;
    const words = new Uint32Array(size);
    words.set(this.words);
    this.words = words;
  }
}
