// The DDSketch protobuf message, written and read by hand (no protobuf dependency): the schema of
// DataDog/sketches-proto ddsketch.proto, as @datadog/sketches-js 2.x encodes it (toProto/fromProto)
// and the Go, Java and Python DDSketch libraries and the Datadog agent read it.
// Wire format: https://protobuf.dev/programming-guides/encoding/
//   DDSketch     { IndexMapping mapping = 1; Store positiveValues = 2; Store negativeValues = 3; double zeroCount = 4; }
//   IndexMapping { double gamma = 1; double indexOffset = 2; Interpolation interpolation = 3; }  (NONE = 0)
//   Store        { map<sint32, double> binCounts = 1; repeated double contiguousBinCounts = 2 [packed]; sint32 contiguousBinIndexOffset = 3; }
// @ops adds four fields that other readers skip as unknown (protobuf's rule), so that a sketch
// written here keeps its exact sum, min and max and its bin limit: double sum = 101; double min = 102;
// double max = 103; uint32 maxBins = 104 (all four, or none).
import { OpsError } from "@ops/core";

export interface DDStoreParts {
  /** Index of counts[0]. */
  readonly offset: number;
  readonly counts: readonly number[];
}

export interface DDSketchParts {
  readonly gamma: number;
  readonly indexOffset: number;
  readonly positive: DDStoreParts;
  readonly negative: DDStoreParts;
  readonly zeroCount: number;
  readonly summary: {
    readonly sum: number;
    readonly min: number;
    readonly max: number;
    readonly maxBins: number;
  } | null;
}

class Writer {
  bytes = new Uint8Array(256);
  view = new DataView(this.bytes.buffer);
  pos = 0;
  room(n: number): void {
    if (this.pos + n <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(2 * this.bytes.length, this.pos + n));
    next.set(this.bytes);
    this.bytes = next;
    this.view = new DataView(next.buffer);
  }
  varint(v: number): void {
    // v: a whole number from 0 to 2^53 − 1
    this.room(10);
    while (v >= 128) {
      this.bytes[this.pos++] = (v % 128) | 128;
      v = Math.floor(v / 128);
    }
    this.bytes[this.pos++] = v;
  }
  double(field: number, v: number): void {
    this.varint(field * 8 + 1);
    this.room(8);
    this.view.setFloat64(this.pos, v, true);
    this.pos += 8;
  }
  /** A length-delimited field whose content `body` writes. */
  message(field: number, body: (w: Writer) => void): void {
    const inner = new Writer();
    body(inner);
    this.varint(field * 8 + 2);
    this.varint(inner.pos);
    this.room(inner.pos);
    this.bytes.set(inner.bytes.subarray(0, inner.pos), this.pos);
    this.pos += inner.pos;
  }
  finish(): Uint8Array {
    return this.bytes.slice(0, this.pos);
  }
}

/** zigzag(n) for a sint32 n. */
function zigzag(n: number): number {
  return n >= 0 ? 2 * n : -2 * n - 1;
}

function writeStore(w: Writer, s: DDStoreParts): void {
  if (s.counts.length > 0) {
    // packed repeated double: tag, byte length, the doubles
    w.varint(2 * 8 + 2);
    w.varint(8 * s.counts.length);
    w.room(8 * s.counts.length);
    for (const c of s.counts) {
      w.view.setFloat64(w.pos, c, true);
      w.pos += 8;
    }
  }
  w.varint(3 * 8 + 0);
  w.varint(zigzag(s.offset));
}

/** Encodes a DDSketch message (field order and presence as protobufjs writes them for sketches-js). */
export function encodeDDSketch(p: DDSketchParts): Uint8Array {
  const w = new Writer();
  w.message(1, (m) => {
    m.double(1, p.gamma);
    m.double(2, p.indexOffset);
    m.varint(3 * 8 + 0);
    m.varint(0);
  });
  w.message(2, (m) => writeStore(m, p.positive));
  w.message(3, (m) => writeStore(m, p.negative));
  w.double(4, p.zeroCount);
  if (p.summary !== null) {
    w.double(101, p.summary.sum);
    w.double(102, p.summary.min);
    w.double(103, p.summary.max);
    w.varint(104 * 8 + 0);
    w.varint(p.summary.maxBins);
  }
  return w.finish();
}

/** A checked protobuf reader over bytes[start, end); every failure is a corrupt_data OpsError naming `fn`. */
class Reader {
  readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    public pos: number,
    readonly end: number,
    readonly fn: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  corrupt(rule: string): never {
    throw new OpsError({ code: "corrupt_data", fn: this.fn, path: ["bytes"], rule: `(DDSketch protobuf) ${rule}` });
  }
  /** A varint up to 2^53 − 1 (longer ones are refused: no field here needs them). */
  varint(): number {
    let v = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      if (this.pos >= this.end) this.corrupt("must not end inside a varint");
      const b = this.bytes[this.pos++] as number;
      v += (b & 127) * scale;
      if (b < 128) {
        if (!Number.isSafeInteger(v)) break;
        return v;
      }
      scale *= 128;
    }
    return this.corrupt("must hold varints below 2^53");
  }
  double(): number {
    if (this.pos + 8 > this.end) this.corrupt("must not end inside a double");
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }
  /** The end of a length-delimited field starting here. */
  length(): number {
    const n = this.varint();
    if (this.pos + n > this.end) this.corrupt("must not declare a field longer than the message");
    return this.pos + n;
  }
  /** Skips a field of an unknown number (protobuf's rule for forward compatibility). */
  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 2) this.pos = this.length();
    else if (wireType === 5) this.pos += 4;
    else this.corrupt(`must not use wire type ${wireType} (groups are not part of this schema)`);
    if (this.pos > this.end) this.corrupt("must not end inside a field");
  }
  /** Each (field, wire type) of the message up to `end`; a field not in `repeatable` may appear once. */
  fields(end: number, each: (field: number, wireType: number) => void, repeatable: readonly number[] = []): void {
    const seen = new Set<number>();
    while (this.pos < end) {
      const key = this.varint();
      const field = Math.floor(key / 8);
      const wireType = key % 8;
      if (field === 0) this.corrupt("must not use field number 0");
      if (seen.has(field) && !repeatable.includes(field)) this.corrupt(`must not repeat field ${field}`);
      seen.add(field);
      each(field, wireType);
    }
    if (this.pos !== end) this.corrupt("must end where its length says");
  }
}

function unzigzag(z: number): number {
  return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
}

function expect(r: Reader, wireType: number, want: number, what: string): void {
  if (wireType !== want) r.corrupt(`must encode ${what} with wire type ${want}`);
}

const SINT32_MIN = -(2 ** 31);
const SINT32_MAX = 2 ** 31 - 1;

function readStore(r: Reader, end: number, fn: string): DDStoreParts {
  const entries = new Map<number, number>();
  const contiguous: number[] = [];
  let offset = 0;
  r.fields(
    end,
    (field, wt) => {
      if (field === 1) {
        expect(r, wt, 2, "a binCounts entry");
        const e = r.length();
        let key = 0;
        let count = 0;
        r.fields(e, (f, w) => {
          if (f === 1) {
            expect(r, w, 0, "a bin key");
            key = unzigzag(r.varint());
          } else if (f === 2) {
            expect(r, w, 1, "a bin count");
            count = r.double();
          } else r.skip(w);
        });
        if (key < SINT32_MIN || key > SINT32_MAX) r.corrupt("must hold sint32 bin keys");
        entries.set(key, (entries.get(key) ?? 0) + count);
      } else if (field === 2) {
        if (wt === 1) contiguous.push(r.double());
        else {
          expect(r, wt, 2, "contiguousBinCounts");
          const e = r.length();
          if ((e - r.pos) % 8 !== 0) r.corrupt("must pack whole doubles in contiguousBinCounts");
          if ((e - r.pos) / 8 + contiguous.length > 1 << 22) r.corrupt("must hold at most 2^22 contiguous bins");
          while (r.pos < e) contiguous.push(r.double());
        }
      } else if (field === 3) {
        expect(r, wt, 0, "contiguousBinIndexOffset");
        offset = unzigzag(r.varint());
        if (offset < SINT32_MIN || offset > SINT32_MAX) r.corrupt("must hold a sint32 contiguousBinIndexOffset");
      } else r.skip(wt);
    },
    [1, 2],
  );
  if (entries.size === 0) return { offset, counts: contiguous };
  // fold the sparse entries into one contiguous run
  const keys = [...entries.keys()];
  let lo = Math.min(...keys);
  let hi = Math.max(...keys);
  if (contiguous.length > 0) {
    lo = Math.min(lo, offset);
    hi = Math.max(hi, offset + contiguous.length - 1);
  }
  if (hi - lo + 1 > 1 << 22) {
    throw new OpsError({ code: "out_of_range", fn, path: ["bytes"], rule: "must span at most 2^22 bins" });
  }
  const counts = new Array<number>(hi - lo + 1).fill(0);
  contiguous.forEach((c, i) => {
    counts[offset + i - lo] = c;
  });
  for (const [k, c] of entries) counts[k - lo] = (counts[k - lo] as number) + c;
  return { offset: lo, counts };
}

/** Decodes a DDSketch message, checking the wire format and every field's type and range. */
export function decodeDDSketch(bytes: Uint8Array, fn: string): DDSketchParts {
  const r = new Reader(bytes, 0, bytes.length, fn);
  let gamma = Number.NaN;
  let indexOffset = 0;
  let interpolation = 0;
  let positive: DDStoreParts = { offset: 0, counts: [] };
  let negative: DDStoreParts = { offset: 0, counts: [] };
  let zeroCount = 0;
  const extra: Record<number, number> = {};
  let hasMapping = false;
  r.fields(bytes.length, (field, wt) => {
    if (field === 1) {
      expect(r, wt, 2, "the mapping");
      hasMapping = true;
      const e = r.length();
      r.fields(e, (f, w) => {
        if (f === 1) {
          expect(r, w, 1, "gamma");
          gamma = r.double();
        } else if (f === 2) {
          expect(r, w, 1, "indexOffset");
          indexOffset = r.double();
        } else if (f === 3) {
          expect(r, w, 0, "interpolation");
          interpolation = r.varint();
        } else r.skip(w);
      });
    } else if (field === 2 || field === 3) {
      expect(r, wt, 2, "a store");
      const store = readStore(r, r.length(), fn);
      if (field === 2) positive = store;
      else negative = store;
    } else if (field === 4) {
      expect(r, wt, 1, "zeroCount");
      zeroCount = r.double();
    } else if (field >= 101 && field <= 103) {
      expect(r, wt, 1, `field ${field}`);
      extra[field] = r.double();
    } else if (field === 104) {
      expect(r, wt, 0, "maxBins");
      extra[field] = r.varint();
    } else r.skip(wt);
  });
  if (!hasMapping || !(gamma > 1 && Number.isFinite(gamma))) r.corrupt("must hold a mapping with a finite gamma > 1");
  if (interpolation !== 0) {
    throw new OpsError({
      code: "unsupported_version",
      fn,
      path: ["bytes"],
      rule: "must use the logarithmic index mapping (interpolation NONE); linear and cubic mappings are not read",
      received: interpolation,
    });
  }
  if (!(Number.isInteger(indexOffset) && indexOffset >= SINT32_MIN && indexOffset <= SINT32_MAX))
    r.corrupt("must hold a whole indexOffset in the sint32 range");
  const present = [101, 102, 103, 104].filter((f) => extra[f] !== undefined).length;
  if (present !== 0 && present !== 4) r.corrupt("must hold all four @ops summary fields (101–104) or none");
  return {
    gamma,
    indexOffset,
    positive,
    negative,
    zeroCount,
    summary:
      present === 4
        ? {
            sum: extra[101] as number,
            min: extra[102] as number,
            max: extra[103] as number,
            maxBins: extra[104] as number,
          }
        : null,
  };
}
