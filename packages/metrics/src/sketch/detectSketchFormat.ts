import type { SketchKind } from "./Sketch";

/** What {@link detectSketchFormat} finds in a preamble. */
export interface SketchFormatInfo {
  readonly kind: SketchKind;
  /** `"ops"` (@ops' own bytes), `"datasketches"` (Apache DataSketches HLL or KLL), `"ddsketch"` (DDSketch protobuf). */
  readonly format: "ops" | "datasketches" | "ddsketch";
}

/**
 * Tells which sketch a byte string holds from its first bytes, without reading the rest —
 * to route bytes from Druid, Datadog or \@ops to {@link deserializeSketch} (which detects the
 * same way, then needs the codec of a foreign format and checks every field). It knows every
 * format's preamble whether or not its codec is imported, and bundles none of them.
 *
 * - `"OS"` then a kind byte 1–4: @ops' own format;
 * - byte 2 = family 7 and byte 0 = 2, 3 or 10 preamble ints (byte 1, the serial version, is checked on
 *   reading: 1 today): a DataSketches HLL image;
 * - byte 2 = family 15, byte 1 = serial version 1 or 2, byte 0 = 2 or 5 preamble ints: a DataSketches KLL image;
 * - field 1 of wire type 2 (`0x0a`) followed by a length and gamma's tag `0x09`: a DDSketch protobuf message.
 *
 * @param bytes - serialised sketch bytes (not mutated)
 * @returns the kind and format, or `null` when the preamble is none of these
 *
 * @example
 * ```ts
 * import { createHyperLogLog, createQuantileSketch, dataSketchesHll, ddSketchProto, detectSketchFormat } from "@ops/metrics";
 * detectSketchFormat(createHyperLogLog({ format: dataSketchesHll }).serialize());
 * // => { kind: "hyperloglog", format: "datasketches" }
 * detectSketchFormat(createQuantileSketch({ format: ddSketchProto }).add(3).serialize());
 * // => { kind: "quantile", format: "ddsketch" }
 * detectSketchFormat(new Uint8Array([1, 2, 3]));
 * // => null
 * ```
 */
export function detectSketchFormat(bytes: Uint8Array): SketchFormatInfo | null {
  if (!(bytes instanceof Uint8Array) || bytes.length < 3) return null;
  const [b0, b1, b2] = bytes as unknown as [number, number, number];
  if (b0 === 0x4f && b1 === 0x53) {
    const kind = (["hyperloglog", "quantile", "counter", "sum"] as const)[bytes[2] === undefined ? -1 : b2 - 1];
    return kind === undefined ? null : { kind, format: "ops" };
  }
  if (b2 === 7 && b1 < 16 && (b0 === 2 || b0 === 3 || b0 === 10))
    return { kind: "hyperloglog", format: "datasketches" };
  if (b2 === 15 && (b1 === 1 || b1 === 2) && (b0 === 2 || b0 === 5)) return { kind: "kll", format: "datasketches" };
  if (b0 === 0x0a && b1 < 0x80 && bytes[2] === 0x09) return { kind: "quantile", format: "ddsketch" };
  return null;
}
