/**
 * Where each row of a virtual list starts, for a list of `length` rows of which only some have a
 * known height: the others count as `estimate()` (the running average of what was measured).
 *
 * Known heights are kept in two Fenwick trees (their sum, and how many there are), so the top of
 * any row and the row at any offset are O(log n) each, and setting a height is O(log n): at
 * 10 000 rows a scroll frame costs a few dozen additions, never a walk over the list. The trees
 * are made when the first height is set; a list nobody measured yet costs nothing.
 */
export class RowOffsets {
  /** Fenwick tree of the known heights (1-based). */
  private sums: Float64Array | null = null;
  /** Fenwick tree of how many heights are known (1-based). */
  private counts: Uint32Array | null = null;
  /** Row index → the height set for it. */
  private readonly known = new Map<number, number>();

  constructor(
    readonly length: number,
    private readonly estimate: () => number,
  ) {}

  /** Whether row `index` has a height of its own (else it counts as the estimate). */
  has(index: number): boolean {
    return this.known.has(index);
  }

  /** The height row `index` counts for. */
  size(index: number): number {
    return this.known.get(index) ?? this.estimate();
  }

  /** Sets the height of row `index`; returns whether it changed. */
  set(index: number, height: number): boolean {
    if (index < 0 || index >= this.length) return false;
    const before = this.known.get(index);
    if (before === height) return false;
    this.known.set(index, height);
    const sums = (this.sums ??= new Float64Array(this.length + 1));
    const counts = (this.counts ??= new Uint32Array(this.length + 1));
    const sum = height - (before ?? 0);
    const count = before === undefined ? 1 : 0;
    for (let node = index + 1; node <= this.length; node += node & -node) {
      sums[node] = (sums[node] ?? 0) + sum;
      counts[node] = (counts[node] ?? 0) + count;
    }
    return true;
  }

  /** The top of row `index`: the heights of the rows before it (`length` gives the total). */
  offset(index: number): number {
    const end = Math.max(0, Math.min(index, this.length));
    let sum = 0;
    let count = 0;
    const { sums, counts } = this;
    if (sums && counts) {
      for (let node = end; node > 0; node -= node & -node) {
        sum += sums[node] ?? 0;
        count += counts[node] ?? 0;
      }
    }
    return sum + (end - count) * this.estimate();
  }

  /** The height of the whole list. */
  total(): number {
    return this.offset(this.length);
  }

  /** The row at offset `y` (the last row starting at or above it), or -1 for an empty list. */
  indexAt(y: number): number {
    if (this.length === 0) return -1;
    const average = this.estimate();
    const { sums, counts } = this;
    if (!sums || !counts) {
      return Math.max(0, Math.min(this.length - 1, Math.floor(y / Math.max(average, 1))));
    }
    // The most rows whose heights add up to no more than y, walking down the tree.
    let rows = 0;
    let sum = 0;
    let count = 0;
    for (let step = 1 << Math.floor(Math.log2(this.length)); step > 0; step >>= 1) {
      const next = rows + step;
      if (next > this.length) continue;
      const nextSum = sum + (sums[next] ?? 0);
      const nextCount = count + (counts[next] ?? 0);
      if (nextSum + (next - nextCount) * average <= y) {
        rows = next;
        sum = nextSum;
        count = nextCount;
      }
    }
    return Math.min(rows, this.length - 1);
  }
}
