// The one brand of compiled objects (issue 21): brandCompiled, isCompiled, assertCompiled.
import { describe, expect, it } from "vitest";
import { assertCompiled, brandCompiled, compileKeywords, compileTimeZone, isCompiled } from "../src";

const KEY = Symbol.for("@ops/compiled");

describe("brandCompiled", () => {
  it("puts a frozen { kind, version: 1 } under Symbol.for('@ops/compiled'), not enumerable, not writable", () => {
    const value = brandCompiled({ size: 2 }, "demo.set");
    const d = Object.getOwnPropertyDescriptor(value, KEY);
    expect(d).toMatchObject({ enumerable: false, writable: false, configurable: false });
    expect(d?.value).toEqual({ kind: "demo.set", version: 1 });
    expect(Object.isFrozen(d?.value)).toBe(true);
    expect(Object.keys(value)).toEqual(["size"]);
    expect(Object.getOwnPropertySymbols(value)).toEqual([KEY]);
  });

  it("returns the same object, so that callers freeze it afterwards", () => {
    const input = { size: 2 };
    const value = Object.freeze(brandCompiled(input, "demo.set"));
    expect(value).toBe(input);
    expect(isCompiled(value, "demo.set")).toBe(true);
  });

  it("is not copied by JSON, spread, Object.assign or structuredClone: a copy is not compiled", () => {
    const value = brandCompiled({ size: 2, list: [1] }, "demo.set");
    expect(JSON.stringify(value)).toBe('{"size":2,"list":[1]}');
    expect(isCompiled({ ...value }, "demo.set")).toBe(false);
    expect(isCompiled(Object.assign({}, value), "demo.set")).toBe(false);
    expect(isCompiled(structuredClone(value), "demo.set")).toBe(false);
    expect(isCompiled(JSON.parse(JSON.stringify(value)), "demo.set")).toBe(false);
  });

  it("refuses a frozen object, a second brand, a non-object and a malformed kind", () => {
    expect(() => brandCompiled(Object.freeze({}), "demo.set")).toThrowOpsError("invalid_argument", {
      fn: "brandCompiled",
      path: ["value"],
    });
    const once = brandCompiled({}, "demo.set");
    expect(() => brandCompiled(once, "demo.other")).toThrowOpsError("invalid_argument", { path: ["value"] });
    expect(() => brandCompiled(null as unknown as object, "demo.set")).toThrowOpsError("invalid_argument", {
      path: ["value"],
    });
    for (const kind of ["", "set", "demo.", "Demo.set", "demo.set.x", 3 as unknown as string]) {
      expect(() => brandCompiled({}, kind)).toThrowOpsError("invalid_argument", { path: ["kind"] });
    }
  });
});

describe("isCompiled", () => {
  it("recognises only the kind it was branded with", () => {
    const value = brandCompiled({}, "sla.calendar");
    expect(isCompiled(value, "sla.calendar")).toBe(true);
    expect(isCompiled(value, "sla.policies")).toBe(false);
  });

  it("is not fooled by a look-alike with the same fields, an enumerable brand or an inherited one", () => {
    expect(isCompiled({ kind: "demo.set", version: 1 }, "demo.set")).toBe(false);
    // the symbol set by plain assignment is enumerable and writable: not a brand
    expect(isCompiled({ [KEY]: Object.freeze({ kind: "demo.set", version: 1 }) }, "demo.set")).toBe(false);
    // a brand reached through the prototype chain is not the object's own
    expect(isCompiled(Object.create(brandCompiled({}, "demo.set")), "demo.set")).toBe(false);
    // a brand of another format version
    const v2 = {};
    Object.defineProperty(v2, KEY, { value: Object.freeze({ kind: "demo.set", version: 2 }) });
    expect(isCompiled(v2, "demo.set")).toBe(false);
  });

  it("never throws, not even for a proxy whose traps throw", () => {
    const hostile = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error("trap");
        },
      },
    );
    expect(isCompiled(hostile, "demo.set")).toBe(false);
    for (const v of [null, undefined, 0, "demo.set", () => 1, Symbol("x")])
      expect(isCompiled(v, "demo.set")).toBe(false);
  });

  it("recognises a compiled zone as core.timeZone", () => {
    const zone = compileTimeZone("Asia/Shanghai");
    expect(isCompiled(zone, "core.timeZone")).toBe(true);
    expect(isCompiled({ ...zone }, "core.timeZone")).toBe(false);
    expect(Object.isFrozen(zone)).toBe(true);
  });
  it("recognises a matcher from compileKeywords as core.keywords", () => {
    expect(isCompiled(compileKeywords(["spf"]), "core.keywords")).toBe(true);
  });
});

describe("assertCompiled", () => {
  it("passes a compiled object and refuses anything else with one rule naming the maker", () => {
    const value = brandCompiled({ rules: [] }, "demo.rules");
    expect(() => assertCompiled(value, "demo.rules", "compileDemo", "useDemo", ["rules"])).not.toThrow();
    expect(() => assertCompiled({ rules: [] }, "demo.rules", "compileDemo", "useDemo", ["rules"])).toThrowOpsError(
      "invalid_argument",
      { fn: "useDemo", path: ["rules"], message: /must be the result of compileDemo/ },
    );
  });
});
