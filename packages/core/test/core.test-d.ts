import { expectTypeOf, test } from "vitest";
import { createIdFactory, ok, err, type ActorId, type Id, type Result, type ThreadId } from "@ops/core";

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
