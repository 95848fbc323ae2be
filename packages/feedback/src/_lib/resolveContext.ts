import { parseOrThrow } from "@ops/core";
import {
  TransitionContextSchema,
  type ResolvedTransitionContext,
  type TransitionContext,
} from "../lifecycle/transitionContext";

const DEFAULT: ResolvedTransitionContext = /* @__PURE__ */ (() =>
  Object.freeze({ autoCloseAfterDays: 7, timeZone: "UTC", csatSurvey: true }))();

/** Validates a context once and fills its defaults. */
export function resolveContext(context: TransitionContext | undefined, fn: string): ResolvedTransitionContext {
  if (context === undefined) return DEFAULT;
  return parseOrThrow(TransitionContextSchema, context, { fn, path: ["context"] });
}
