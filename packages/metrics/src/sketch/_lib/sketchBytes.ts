// Byte envelope shared by every serialised sketch:
//   "OS" magic (2 bytes) · kind (u8) · format version (u8) · payload · CRC-32 of all previous bytes (u32 LE).
import { OpsError } from "@ops/core";

export const SKETCH_FORMAT_VERSION = 1;
export const SKETCH_KIND_CODES = { hyperloglog: 1, quantile: 2, counter: 3, sum: 4 } as const;
export type SketchKindName = keyof typeof SKETCH_KIND_CODES;

/** CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), bitwise: no table kept in memory. */
export function crc32(bytes: Uint8Array, end: number): number {
  let crc = 0xffffffff;
  for (let i = 0; i < end; i++) {
    crc ^= bytes[i] as number;
    for (let b = 0; b < 8; b++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A little-endian writer over a buffer of known size. */
export class ByteWriter {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  pos = 4;
  constructor(kind: SketchKindName, payloadLength: number) {
    this.bytes = new Uint8Array(4 + payloadLength + 4);
    this.view = new DataView(this.bytes.buffer);
    this.bytes[0] = 0x4f; // "O"
    this.bytes[1] = 0x53; // "S"
    this.bytes[2] = SKETCH_KIND_CODES[kind];
    this.bytes[3] = SKETCH_FORMAT_VERSION;
  }
  u8(v: number): void {
    this.view.setUint8(this.pos, v);
    this.pos += 1;
  }
  u32(v: number): void {
    this.view.setUint32(this.pos, v, true);
    this.pos += 4;
  }
  i32(v: number): void {
    this.view.setInt32(this.pos, v, true);
    this.pos += 4;
  }
  f64(v: number): void {
    this.view.setFloat64(this.pos, v, true);
    this.pos += 8;
  }
  finish(): Uint8Array {
    this.view.setUint32(this.pos, crc32(this.bytes, this.pos), true);
    return this.bytes;
  }
}

/** A checked little-endian reader; every failure is an OpsError naming `fn`. */
export class ByteReader {
  readonly view: DataView;
  readonly bytes: Uint8Array;
  pos = 4;
  readonly end: number;
  constructor(
    input: unknown,
    kind: SketchKindName,
    readonly fn: string,
  ) {
    if (!(input instanceof Uint8Array)) {
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["bytes"],
        rule: "must be a Uint8Array",
        received: input,
      });
    }
    this.bytes = input;
    this.view = new DataView(input.buffer, input.byteOffset, input.byteLength);
    if (input.length < 8 || input[0] !== 0x4f || input[1] !== 0x53)
      this.corrupt('must start with the @ops sketch header "OS" and hold at least 8 bytes');
    this.end = input.length - 4;
    if (crc32(input, this.end) !== this.view.getUint32(this.end, true))
      this.corrupt("fail their CRC-32 check (damaged or truncated)");
    if (input[3] !== SKETCH_FORMAT_VERSION) {
      throw new OpsError({
        code: "unsupported_version",
        fn,
        path: ["bytes"],
        rule: `must be sketch format version ${SKETCH_FORMAT_VERSION}`,
        received: input[3],
      });
    }
    const code = input[2];
    const name = (Object.keys(SKETCH_KIND_CODES) as SketchKindName[]).find((k) => SKETCH_KIND_CODES[k] === code);
    if (name === undefined) this.corrupt("name an unknown sketch kind");
    if (name !== kind) {
      throw new OpsError({ code: "conflict", fn, path: ["bytes"], rule: `must hold a ${kind} sketch`, received: name });
    }
  }
  corrupt(rule: string): never {
    throw new OpsError({ code: "corrupt_data", fn: this.fn, path: ["bytes"], rule });
  }
  need(n: number): void {
    if (this.pos + n > this.end) this.corrupt("end too early for their declared content");
  }
  u8(): number {
    this.need(1);
    return this.view.getUint8(this.pos++);
  }
  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  i32(): number {
    this.need(4);
    const v = this.view.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }
  f64(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }
  done(): void {
    if (this.pos !== this.end) this.corrupt("have trailing bytes after their declared content");
  }
}
