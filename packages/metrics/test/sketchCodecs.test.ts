// The opt-in codecs of the foreign sketch formats (dataSketchesHll, dataSketchesKll, ddSketchProto):
// bytes of a format whose codec was not passed are refused with an error naming it, never misread;
// and the constructors' hand-written option checks agree with their exported zod schemas.
import { DDSketch } from "@datadog/sketches-js";
import { isOpsError, parseOrThrow } from "@ops/core";
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
} from "@ops/metrics";
import { HyperLogLogOptionsSchema, KllSketchOptionsSchema, QuantileSketchOptionsSchema } from "@ops/metrics/schemas";
import { describe, expect, it } from "vitest";
import { fromHex, hllEntries } from "./fixtures/datasketches/manifest";

const ALL = [dataSketchesHll, dataSketchesKll, ddSketchProto];

describe("sketch codecs", () => {
  it("are opaque values naming their kind, format and export", () => {
    expect([dataSketchesHll, dataSketchesKll, ddSketchProto].map((c) => [c.kind, c.format, c.name])).toEqual([
      ["hyperloglog", "datasketches", "dataSketchesHll"],
      ["kll", "datasketches", "dataSketchesKll"],
      ["quantile", "ddsketch", "ddSketchProto"],
    ]);
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

describe("the constructors' option checks", () => {
  // each constructor checks its options by hand (no zod in its bundle): the verdict and the error
  // (path and rule) must be those of its exported schema through parseOrThrow
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
