// Reading a DDSketch protobuf message into a ddsketch-format quantile sketch (the ddSketchProto codec).
import { OpsError } from "@ops/core";
import { type DDSketchParts, encodeDDSketch } from "./ddsketchProto";
import {
  binIndexRange,
  binValue,
  MAX_BINS,
  MIN_RELATIVE_ACCURACY,
  QuantileSketchImpl,
  summaryAgrees,
} from "./quantileSketchCore";

/** A ddsketch-format sketch from decoded protobuf parts (validated by the decoder). */
export function quantileFromProto(p: DDSketchParts, fn: string): QuantileSketchImpl {
  const corrupt = (rule: string): never => {
    throw new OpsError({ code: "corrupt_data", fn, path: ["bytes"], rule: `(DDSketch protobuf) ${rule}` });
  };
  // α from γ as sketches-js's fromGammaOffset does; 0.01 comes back as 0.009999999999999957, so the
  // shortest decimal that gives the same γ is kept (the writer's α, when it was a round number)
  let alpha = (p.gamma - 1) / (p.gamma + 1);
  for (let digits = 1; digits <= 17; digits++) {
    const a = Number(alpha.toPrecision(digits));
    if (1 + (2 * a) / (1 - a) === p.gamma) {
      alpha = a;
      break;
    }
  }
  if (!(alpha >= MIN_RELATIVE_ACCURACY && alpha < 1))
    corrupt(`must declare gamma for a relativeAccuracy in [${MIN_RELATIVE_ACCURACY}, 1)`);
  const stores = [p.positive, p.negative];
  const span = Math.max(...stores.map((st) => st.counts.length));
  const maxBins = p.summary?.maxBins ?? Math.min(MAX_BINS, Math.max(2048, span));
  if (!(Number.isInteger(maxBins) && maxBins >= 16 && maxBins <= MAX_BINS))
    corrupt("must declare maxBins from 16 to 2^20");
  const s = new QuantileSketchImpl(alpha, maxBins, encodeDDSketch);
  const [minIndex, maxIndex] = binIndexRange(s);
  let n = p.zeroCount;
  let approxSum = 0;
  for (const [k, st] of stores.entries()) {
    const store = k === 0 ? s.positive : s.negative;
    for (let i = 0; i < st.counts.length; i++) {
      const c = st.counts[i] as number;
      if (!(c >= 0 && Number.isSafeInteger(c)))
        corrupt("must hold whole bin counts ≥ 0 (weighted values are not supported)");
      if (c === 0) continue;
      const index = st.offset + i - p.indexOffset;
      if (!(index >= minIndex && index <= maxIndex)) corrupt(`must hold bin indexes within ${minIndex}…${maxIndex}`);
      store.add(index, c);
      n += c;
      // Σ count × bin value only stands in for a sum the message does not carry
      if (p.summary === null) approxSum += (k === 0 ? 1 : -1) * c * binValue(s, index);
    }
  }
  if (!(Number.isSafeInteger(p.zeroCount) && p.zeroCount >= 0)) corrupt("must hold a whole zero count ≥ 0");
  if (!Number.isSafeInteger(n)) corrupt("must hold at most 2^53 − 1 values");
  s.n = n;
  s.zeros = p.zeroCount;
  if (n === 0) return s;
  if (p.summary !== null) {
    s.total = p.summary.sum;
    s.lo = p.summary.min;
    s.hi = p.summary.max;
  } else {
    // a peer's message carries no summary: the extreme bins' values and Σ count × bin value, within α
    const pos = s.positive;
    const neg = s.negative;
    s.lo = neg.total > 0 ? -binValue(s, neg.maxIndex) : s.zeros > 0 ? 0 : binValue(s, pos.minIndex);
    s.hi = pos.total > 0 ? binValue(s, pos.maxIndex) : s.zeros > 0 ? 0 : -binValue(s, neg.minIndex);
    s.total = approxSum;
    if (!Number.isFinite(approxSum)) corrupt("must hold values whose sum is finite");
  }
  if (!summaryAgrees(s)) corrupt("must have a sum, min and max that agree with the bins");
  return s;
}
