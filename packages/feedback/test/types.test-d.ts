import { describe, expectTypeOf, it } from "vitest";
import type { FeedbackId } from "@ops/core";
import {
  FEEDBACK_TRANSITIONS,
  transition,
  type FeedbackEffect,
  type FeedbackEventOf,
  type FeedbackItem,
  type TransitionError,
  type TransitionOk,
} from "@ops/feedback";

describe("public types", () => {
  it("FeedbackEventOf picks the fields of one event type", () => {
    expectTypeOf<FeedbackEventOf<"resolve">["remedy"]["kind"]>().toEqualTypeOf<
      "refund" | "exchange" | "compensation" | "explanation"
    >();
    expectTypeOf<FeedbackEventOf<"report_back">["via"]>().toEqualTypeOf<
      "dm" | "comment" | "phone" | "email" | "sms" | "other"
    >();
    expectTypeOf<FeedbackEventOf<"open">["itemId"]>().toEqualTypeOf<FeedbackId>();
  });

  it("transition narrows on ok to the item or the error with its allowed events", () => {
    const r = transition({} as FeedbackItem, { type: "reopen", id: "e", itemId: "fb", at: 0 });
    if (r.ok) expectTypeOf(r.value).toEqualTypeOf<TransitionOk>();
    else expectTypeOf(r.error.allowed).toEqualTypeOf<TransitionError["allowed"]>();
  });

  it("items are read-only all the way down", () => {
    expectTypeOf<FeedbackItem["history"]>().toHaveProperty("length");
    // @ts-expect-error items are deeply readonly
    (({}) as FeedbackItem).status = "closed";
    // @ts-expect-error nested arrays too
    (({}) as FeedbackItem).latentNeeds.push("x");
  });

  it("the transition table keeps its literal states", () => {
    expectTypeOf(FEEDBACK_TRANSITIONS.resolved.report_back).toEqualTypeOf<"reported">();
    expectTypeOf(FEEDBACK_TRANSITIONS.closed).not.toHaveProperty("customer_message");
  });

  it("effects are a union keyed on type", () => {
    expectTypeOf<Extract<FeedbackEffect, { type: "schedule_timer" }>["timer"]>().toEqualTypeOf<
      "deadline" | "auto_close" | "follow_up"
    >();
  });
});
