import { expectTypeOf, test } from "vitest";
import {
  compileTimeZone,
  createIdFactory,
  localParts,
  ok,
  err,
  startOfLocalDay,
  zoneOffset,
  type ActorId,
  type CompiledTimeZone,
  type Id,
  type Result,
  type ThreadId,
  type TimeZone,
} from "@ops/core";

test("branded ids do not mix", () => {
  const newThreadId = createIdFactory<"thread">({ generator: () => "t1" });
  expectTypeOf(newThreadId()).toEqualTypeOf<Id<"thread">>();
  expectTypeOf<ThreadId>().not.toEqualTypeOf<ActorId>();
  expectTypeOf<ActorId>().toMatchTypeOf<string>();
  // a plain string is not an id
  expectTypeOf<string>().not.toMatchTypeOf<ActorId>();
});

test("Result narrows on ok", () => {
  const r = ok(1) as Result<number>;
  if (r.ok) expectTypeOf(r.value).toEqualTypeOf<number>();
  else expectTypeOf(r.error.code).toEqualTypeOf<string>();
  expectTypeOf(err("x")).toEqualTypeOf<{ readonly ok: false; readonly error: string }>();
});

test("the zone functions take a name or a compiled zone, and a compiled zone is opaque", () => {
  const ny = compileTimeZone("America/New_York");
  expectTypeOf(ny).toEqualTypeOf<CompiledTimeZone>();
  expectTypeOf(ny.zone).toEqualTypeOf<TimeZone>();
  expectTypeOf(zoneOffset(0, ny)).toEqualTypeOf<number>();
  expectTypeOf(startOfLocalDay(0, "Asia/Shanghai")).toEqualTypeOf<number>();
  expectTypeOf(localParts).parameter(1).toEqualTypeOf<TimeZone | CompiledTimeZone>();
  // no methods any more, and a look-alike with the name is not a compiled zone
  // @ts-expect-error startOfDay is not a method of a compiled zone: startOfLocalDay(t, zone)
  ny.startOfDay(0);
  expectTypeOf<{ readonly zone: string }>().not.toMatchTypeOf<CompiledTimeZone>();
});
