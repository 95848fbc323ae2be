import { describe, expectTypeOf, it } from "vitest";
import type { ActorId, ChannelId, InteractionId, Period, Result, ThreadId } from "@ops/core";
import type { ActorHistoryOptions, Interaction, ReplyDecision, Thread } from "@ops/interaction";
import type { AdapterFailure, PlatformAdapter, VerifyOutcome } from "@ops/interaction/adapters";
import { buildThreads, ChannelIdSchema, InteractionIdSchema, InteractionSchema } from "@ops/interaction";

describe("model types", () => {
  it("carries core's branded ids", () => {
    expectTypeOf<Interaction["id"]>().toEqualTypeOf<InteractionId>();
    expectTypeOf<Thread["id"]>().toEqualTypeOf<ThreadId>();
    expectTypeOf<Thread["assignee"]>().toEqualTypeOf<ActorId | null>();
    expectTypeOf<ThreadId>().not.toMatchTypeOf<ActorId>();
  });

  it("makes branded ids from strings with the id schemas", () => {
    expectTypeOf(ChannelIdSchema.parse("ch_wx")).toEqualTypeOf<ChannelId>();
    expectTypeOf(InteractionIdSchema.parse("weibo:1:comment:2")).toEqualTypeOf<InteractionId>();
  });

  it("infers the parsed interaction from the schema", () => {
    expectTypeOf(InteractionSchema.parse({})).toEqualTypeOf<Interaction>();
    expectTypeOf<Interaction["platformCreatedAt"]>().toEqualTypeOf<number>();
  });

  it("types buildThreads and the adapter interface", () => {
    expectTypeOf(buildThreads).returns.toHaveProperty("threads").toEqualTypeOf<readonly Thread[]>();
    expectTypeOf<ReturnType<PlatformAdapter["replyPolicy"]>>().toEqualTypeOf<ReplyDecision>();
  });

  it("keeps verify a pipeline step that returns one failure, not a Verification", () => {
    expectTypeOf<ReturnType<PlatformAdapter["verify"]>>().toEqualTypeOf<Result<VerifyOutcome, AdapterFailure>>();
  });

  it("takes core's Period for the actor history", () => {
    expectTypeOf<ActorHistoryOptions["period"]>().toEqualTypeOf<Period | undefined>();
  });
});
