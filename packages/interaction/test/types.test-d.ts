import { describe, expectTypeOf, it } from "vitest";
import type { ActorId, InteractionId, ThreadId } from "@ops/core";
import type { Interaction, PlatformAdapter, ReplyDecision, Thread } from "@ops/interaction";
import { buildThreads, InteractionSchema } from "@ops/interaction";

describe("model types", () => {
  it("carries core's branded ids", () => {
    expectTypeOf<Interaction["id"]>().toEqualTypeOf<InteractionId>();
    expectTypeOf<Thread["id"]>().toEqualTypeOf<ThreadId>();
    expectTypeOf<Thread["assignee"]>().toEqualTypeOf<ActorId | null>();
    expectTypeOf<ThreadId>().not.toMatchTypeOf<ActorId>();
  });

  it("infers the parsed interaction from the schema", () => {
    expectTypeOf(InteractionSchema.parse({})).toEqualTypeOf<Interaction>();
    expectTypeOf<Interaction["platformCreatedAt"]>().toEqualTypeOf<number>();
  });

  it("types buildThreads and the adapter interface", () => {
    expectTypeOf(buildThreads).returns.toHaveProperty("threads").toEqualTypeOf<readonly Thread[]>();
    expectTypeOf<ReturnType<PlatformAdapter["replyPolicy"]>>().toEqualTypeOf<ReplyDecision>();
  });
});
