// The opt-in codecs of the foreign sketch formats (dataSketchesHll, dataSketchesKll, ddSketchProto):
// bytes of a format whose codec was not passed are refused with an error naming it, never misread;
// each codec's kind, format and name agree with the bytes it writes and reads and with its export; and
// the hand-written option checks of the constructors and deserializeSketch agree with their zod schemas.
import { DDSketch } from "@datadog/sketches-js";
import { isOpsError, parseOrThrow } from "@ops/core";
import * as metrics from "@ops/metrics";
import {
  createCounter,
  createHyperLogLog,
  createKllSketch,
  createQuantileSketch,
  createSum,
  dataSketchesHll,
  dataSketchesKll,
  ddSketchProto,
  deserializeSketch,
  detectSketchFormat,
} from "@ops/metrics";
import {
  DeserializeSketchOptionsSchema,
  HyperLogLogOptionsSchema,
  KllSketchOptionsSchema,
  QuantileSketchOptionsSchema,
} from "@ops/metrics/schemas";
import { describe, expect, it } from "vitest";
import type { SketchCodecImpl } from "../src/sketch/_lib/sketchCodec";
import { fromHex, hllEntries, kllEntries, toHex } from "./fixtures/datasketches/manifest";

const ALL = [dataSketchesHll, dataSketchesKll, ddSketchProto];

describe("sketch codecs", () => {
  // Each codec names a kind, a format and its export: deserializeSketch picks the codec whose kind and
  // format detectSketchFormat reads in the bytes, and its refusals tell the user to import `name`.
  // So each is checked against bytes, not against itself: reference bytes (DataSketches C++ images,
  // test/fixtures/datasketches; a DDSketch message assembled from ddsketch.proto) carry the format's
  // constant fields, the codec writes the same ones and reads them back, and refuses a mutated one.
  it("name the export they are and the kind and format of the bytes they write and read (constant fields as the specs say)", () => {
    const f64 = (x: number) => {
      const b = new Uint8Array(8);
      new DataView(b.buffer).setFloat64(0, x, true);
      return toHex(b);
    };
    // DataDog sketches-go ddsketch/pb/ddsketch.proto: DDSketch { mapping = 1 (IndexMapping { gamma = 1 (double),
    // indexOffset = 2 (double), interpolation = 3 (enum, NONE = 0) }), positiveValues = 2 (Store {
    // contiguousBinCounts = 2 (packed double), contiguousBinIndexOffset = 3 (sint32) }), zeroCount = 4 (double) }:
    // one value 1 at α = 1 % (γ = 1.01/0.99), in bin ⌈log_γ 1⌉ = 0
    const ddsketchRef = fromHex(
      `0a14 09${f64(1.01 / 0.99)} 11${f64(0)} 1800 120c 1208${f64(1)} 1800 21${f64(0)}`.replaceAll(" ", ""),
    );
    const cases = [
      {
        codec: dataSketchesHll,
        reference: fromHex(hllEntries.find((e) => e.mode === "HLL" && e.image !== undefined)?.image as string),
        written: createHyperLogLog({ format: dataSketchesHll }).add(1).serialize(),
        // datasketches-cpp hll/include/HllUtil.hpp: SER_VER = 1 (byte 1), HLL_FAMILY = 7 (byte 2)
        constants: { 1: 1, 2: 7 },
        mutate: 2,
        refused: ["corrupt_data", /family id 7/],
      },
      {
        codec: dataSketchesKll,
        reference: fromHex(kllEntries.find((e) => e.n === 1000 && e.item === "double")?.image as string),
        written: createKllSketch().add(1).add(2).serialize(),
        // datasketches-cpp kll/include/kll_sketch.hpp: FAMILY = 15 (byte 2); SERIAL_VERSION_1 = 1 (byte 1, two or more items)
        constants: { 1: 1, 2: 15 },
        mutate: 2,
        refused: ["corrupt_data", /family id 15/],
      },
      {
        codec: ddSketchProto,
        reference: ddsketchRef,
        written: createQuantileSketch({ format: ddSketchProto }).add(1).serialize(),
        // ddsketch.proto: field 1 length-delimited (0x0a), its field 1 fixed64 (0x09); interpolation NONE (byte 21)
        constants: { 0: 0x0a, 2: 0x09, 20: 0x18, 21: 0 },
        mutate: 21,
        refused: ["unsupported_version", /logarithmic/],
      },
    ] as const;
    for (const { codec, reference, written, constants, mutate, refused } of cases) {
      // the export it tells users to import is this codec
      expect((metrics as Record<string, unknown>)[codec.name], codec.name).toBe(codec);
      for (const bytes of [reference, written]) {
        for (const [at, value] of Object.entries(constants))
          expect(bytes[Number(at)], `${codec.name} byte ${at}`).toBe(value);
        expect(detectSketchFormat(bytes)).toEqual({ kind: codec.kind, format: codec.format });
        const read = deserializeSketch(bytes, codec.kind, { formats: [codec] });
        expect([read.kind, read.format]).toEqual([codec.kind, codec.format]);
        expect(read.serialize().subarray(0, 3)).toEqual(bytes.subarray(0, 3));
        const forged = bytes.slice();
        forged[mutate] = (forged[mutate] as number) ^ 0x01;
        expect(() => (codec as unknown as SketchCodecImpl).read(forged, "test"), codec.name).toThrowOpsError(
          refused[0],
          {
            message: refused[1],
          },
        );
      }
    }
    // the spec's message reads as the value it holds
    expect(deserializeSketch(ddsketchRef, "quantile", { formats: [ddSketchProto] }).quantile(0.5)).toBeCloseTo(1, 1);
  });

  it("choose the format at creation; the former strings are refused with the codec to import named", () => {
    expect(createHyperLogLog({ format: dataSketchesHll }).format).toBe("datasketches");
    expect(createQuantileSketch({ format: ddSketchProto }).format).toBe("ddsketch");
    expect(createHyperLogLog({ format: "ops" }).format).toBe("ops");
    expect(() => createHyperLogLog({ format: "datasketches" as never })).toThrowOpsError("invalid_argument", {
      message: /options\.format must be "ops" or the hyperloglog codec dataSketchesHll \(import \{ dataSketchesHll \}/,
    });
    expect(() => createQuantileSketch({ format: "ddsketch" as never })).toThrowOpsError("invalid_argument", {
      message: /options\.format must be "ops" or the quantile codec ddSketchProto/,
    });
    // a codec of another kind, and look-alikes without the reader, are refused too
    expect(() => createHyperLogLog({ format: ddSketchProto as never })).toThrowOpsError("invalid_argument");
    expect(() => createQuantileSketch({ format: dataSketchesKll as never })).toThrowOpsError("invalid_argument");
    const lookAlike = { kind: "hyperloglog", format: "datasketches", name: "dataSketchesHll" };
    expect(() => createHyperLogLog({ format: lookAlike as never })).toThrowOpsError("invalid_argument");
  });

  it("refuse every reference HLL image without dataSketchesHll, naming it (never a misread as ops bytes)", () => {
    const images = hllEntries.filter((e) => e.image !== undefined).map((e) => fromHex(e.image as string));
    expect(images.length).toBeGreaterThan(10);
    for (const bytes of images) {
      for (const options of [undefined, { formats: [] }, { formats: [ddSketchProto, dataSketchesKll] }]) {
        expect(() => deserializeSketch(bytes, "hyperloglog", options)).toThrowOpsError("invalid_argument", {
          message:
            /options\.formats must include dataSketchesHll to read these bytes \(detected: datasketches hyperloglog sketch\)/,
        });
      }
      expect(deserializeSketch(bytes, "hyperloglog", { formats: ALL }).serialize()).toEqual(
        deserializeSketch(bytes, "hyperloglog", { formats: [dataSketchesHll] }).serialize(),
      );
    }
  });

  it("refuse DDSketch messages without ddSketchProto and KLL images without dataSketchesKll", () => {
    const peer = new DDSketch({ relativeAccuracy: 0.01 });
    peer.accept(3);
    expect(() => deserializeSketch(peer.toProto(), "quantile")).toThrowOpsError("invalid_argument", {
      message: /must include ddSketchProto/,
    });
    expect(deserializeSketch(peer.toProto(), "quantile", { formats: [ddSketchProto] }).count).toBe(1);
    const kll = createKllSketch().add(1).add(2).serialize();
    expect(() => deserializeSketch(kll, "kll")).toThrowOpsError("invalid_argument", { message: /dataSketchesKll/ });
    expect(() => deserializeSketch(kll, "kll", { formats: [dataSketchesHll] })).toThrowOpsError("invalid_argument");
    expect(deserializeSketch(kll, "kll", { formats: [dataSketchesKll] }).count).toBe(2);
    // a foreign sketch of another kind is still a conflict, codec or not
    expect(() => deserializeSketch(kll, "quantile", { formats: ALL })).toThrowOpsError("conflict");
    expect(() => deserializeSketch(createHyperLogLog().serialize(), "kll", { formats: ALL })).toThrowOpsError(
      "conflict",
    );
  });

  it("are not needed for the ops format, and do not change how it is read", () => {
    const sketches = [
      createHyperLogLog({ precision: 6 }).add("a"),
      createQuantileSketch().add(4),
      createCounter().add(2),
      createSum().add(1.5),
    ];
    for (const s of sketches) {
      const bytes = s.serialize();
      expect(deserializeSketch(bytes, s.kind).serialize()).toEqual(bytes);
      expect(deserializeSketch(bytes, s.kind, { formats: ALL }).serialize()).toEqual(bytes);
    }
  });

  it("refuse a formats option that is not a list of codecs", () => {
    const bytes = createCounter().serialize();
    for (const bad of [null, "x", 7]) {
      expect(() => deserializeSketch(bytes, "counter", bad as never)).toThrowOpsError("invalid_argument", {
        message: /options must be an object/,
      });
    }
    // a kind that cannot even become a string (it threw TypeError)
    expect(() => deserializeSketch(bytes, Object.create(null))).toThrowOpsError("invalid_argument", {
      message: /kind must be hyperloglog, quantile, counter, sum or kll/,
    });
    for (const formats of ["dataSketchesHll", {}, [{}], [dataSketchesHll, "ddsketch"], [null]]) {
      expect(() => deserializeSketch(bytes, "counter", { formats } as never)).toThrowOpsError("invalid_argument", {
        message: /options\.formats/,
      });
    }
  });
});

describe("the sketches' option checks", () => {
  // each constructor, and deserializeSketch, checks its options by hand with the one reader of
  // src/_lib/readOptions.ts (no zod in its bundle): the verdict and the error (path and rule)
  // must be those of its exported schema through parseOrThrow
  const odd = [
    undefined,
    null,
    true,
    "x",
    "",
    Number.NaN,
    Infinity,
    -Infinity,
    -1,
    0,
    1.5,
    2 ** 32,
    10n,
    {},
    [],
    () => 1,
  ];
  const cases: [string, (o: never) => unknown, Parameters<typeof parseOrThrow>[0], Record<string, unknown>[]][] = [
    [
      "createHyperLogLog",
      createHyperLogLog,
      HyperLogLogOptionsSchema,
      [
        ...[...odd, 3, 4, 18, 21, 22, "ops"].map((format) => ({ format })),
        ...[...odd, 3, 4, 14, 21, 22].map((precision) => ({ format: dataSketchesHll, precision })),
        ...[...odd, "HLL_4", "HLL_6", "HLL_8", "HLL_5"].map((targetType) => ({ format: dataSketchesHll, targetType })),
        ...[...odd, 0, 0xffffffff].map((seed) => ({ seed })),
        { format: "datasketches", precision: 99 },
      ],
    ],
    [
      "createQuantileSketch",
      createQuantileSketch,
      QuantileSketchOptionsSchema,
      [
        ...[...odd, "ops", "ddsketch", ddSketchProto, dataSketchesHll].map((format) => ({ format })),
        ...[...odd, 1e-6, 9.99e-7, 0.01, 0.999, 1].map((relativeAccuracy) => ({ relativeAccuracy })),
        ...[...odd, 15, 16, 2048, 2 ** 20, 2 ** 20 + 1].map((maxBins) => ({ maxBins })),
        { relativeAccuracy: 2, maxBins: 1 },
      ],
    ],
    [
      "createKllSketch",
      createKllSketch,
      KllSketchOptionsSchema,
      [
        ...[...odd, 7, 8, 200, 65535, 65536].map((k) => ({ k })),
        ...[...odd, "double", "float", "int"].map((itemType) => ({ itemType })),
        ...[...odd, 0, 0xffffffff].map((seed) => ({ seed })),
        { k: 1, itemType: "int", seed: -1 },
      ],
    ],
    [
      "deserializeSketch",
      (options: never) => deserializeSketch(createCounter().serialize(), "counter", options),
      DeserializeSketchOptionsSchema,
      [...odd, ALL, [dataSketchesHll, "ddsketch"], [null], [ALL], [ddSketchProto, {}]].map((formats) => ({ formats })),
    ],
  ];
  for (const [fn, create, schema, optionsList] of cases) {
    it(`${fn}: the same verdict, path and rule as its exported schema`, () => {
      for (const options of [...optionsList, null, "x", [], 7] as unknown[]) {
        const outcome = (f: () => unknown) => {
          try {
            f();
            return "ok";
          } catch (e) {
            if (!isOpsError(e)) throw e;
            return `${e.code} ${e.path.join(".")} ${e.rule}`;
          }
        };
        const viaSchema = outcome(() => parseOrThrow(schema, options, { fn, path: ["options"] }));
        const viaFn = outcome(() => create(options as never));
        expect(
          viaFn,
          `${fn}(${String(JSON.stringify(options, (_, v) => (typeof v === "bigint" ? `${v}n` : v)))})`,
        ).toBe(viaSchema);
      }
    });
  }
});
