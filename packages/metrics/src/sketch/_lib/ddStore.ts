// A dense, growable store of bin counts for the quantile sketch. When it would span more
// than `maxBins` indices it folds its lowest bins together (DDSketch's "collapsing lowest
// dense store"), so that the highest quantiles keep their accuracy.

export class DenseStore {
  counts: Float64Array = new Float64Array(0);
  /** Index of counts[0]. */
  offset = 0;
  /** Smallest and largest index in use; minIndex > maxIndex while empty. */
  minIndex = Infinity;
  maxIndex = -Infinity;
  total = 0;

  constructor(readonly maxBins: number) {}

  add(index: number, weight: number): void {
    if (index < this.minIndex || index > this.maxIndex) this.extend(index);
    const target = Math.max(index, this.minIndex);
    const j = target - this.offset;
    this.counts[j] = (this.counts[j] as number) + weight;
    this.total += weight;
  }

  /** Widens [minIndex, maxIndex] to include `index`, collapsing the lowest bins if needed. */
  private extend(index: number): void {
    const empty = this.total === 0;
    const oldMin = this.minIndex;
    const oldMax = this.maxIndex;
    const newMax = empty ? index : Math.max(oldMax, index);
    let newMin = empty ? index : Math.min(oldMin, index);
    if (newMax - newMin + 1 > this.maxBins) newMin = newMax - this.maxBins + 1;
    const span = newMax - newMin + 1;
    if (empty || newMin < this.offset || newMax >= this.offset + this.counts.length) {
      const length = Math.min(this.maxBins, Math.max(2 * span, 64));
      const offset = newMin - Math.floor((length - span) / 2);
      const next = new Float64Array(length);
      if (!empty) {
        for (let i = oldMin; i <= oldMax; i++) {
          const c = this.counts[i - this.offset] as number;
          if (c !== 0) {
            const k = Math.max(i, newMin) - offset;
            next[k] = (next[k] as number) + c;
          }
        }
      }
      this.counts = next;
      this.offset = offset;
    } else if (newMin > oldMin) {
      let folded = 0;
      for (let i = oldMin; i < newMin; i++) {
        folded += this.counts[i - this.offset] as number;
        this.counts[i - this.offset] = 0;
      }
      this.counts[newMin - this.offset] = (this.counts[newMin - this.offset] as number) + folded;
    }
    this.minIndex = newMin;
    this.maxIndex = newMax;
  }

  /** The count of bin `index` (0 outside the range). */
  at(index: number): number {
    return index < this.minIndex || index > this.maxIndex ? 0 : (this.counts[index - this.offset] as number);
  }

  /** Adds every count of `other` into this store. */
  mergeFrom(other: DenseStore): void {
    if (other.total === 0) return;
    for (let i = other.minIndex; i <= other.maxIndex; i++) {
      const c = other.at(i);
      if (c !== 0) this.add(i, c);
    }
  }

  copy(): DenseStore {
    const s = new DenseStore(this.maxBins);
    s.counts = this.counts.slice();
    s.offset = this.offset;
    s.minIndex = this.minIndex;
    s.maxIndex = this.maxIndex;
    s.total = this.total;
    return s;
  }
}
