// The same lifecycle written as an XState v5 machine, for the replay benchmark: the states,
// arrows and guards of FEEDBACK_TRANSITIONS for the events the sample data uses, with an
// `assign` that updates an immutable context like our item. It does not validate events,
// skip duplicate ids, check order or freeze: it is the cost of the state machine alone.
import { assign, setup } from "xstate";

type Ev = { type: string; id: string; itemId: string; at: number } & Record<string, unknown>;
interface Ctx {
  readonly id: string;
  readonly updatedAt: number;
  readonly category: string | null;
  readonly priority: string;
  readonly latentNeeds: readonly string[];
  readonly department: string | null;
  readonly assignee: string | null;
  readonly dueAt: number | null;
  readonly remedy: unknown;
  readonly resolvedAt: number | null;
  readonly replyAt: number | null;
  readonly autoCloseAt: number | null;
  readonly followUpAt: number | null;
  readonly csat: number | null;
  readonly closedAt: number | null;
  readonly redactedAt: number | null;
  readonly history: readonly Ev[];
}

const DAY = 86_400_000;

function update(c: Ctx, e: Ev): Ctx {
  const next: { -readonly [K in keyof Ctx]: Ctx[K] } = { ...c, updatedAt: e.at, history: [...c.history, e] };
  switch (e.type) {
    case "triage":
      next.category = e.category as string;
      next.priority = (e.priority as string) ?? "normal";
      next.latentNeeds = (e.latentNeeds as string[]) ?? [];
      next.dueAt = (e.dueAt as number) ?? null;
      break;
    case "route":
      next.department = e.department as string;
      break;
    case "start":
      next.assignee = (e.assignee as string) ?? c.assignee;
      break;
    case "resolve":
      next.remedy = e.remedy;
      next.resolvedAt = e.at;
      break;
    case "report_back":
      next.replyAt = e.at;
      next.autoCloseAt = e.at + 7 * DAY;
      break;
    case "schedule_follow_up":
      next.followUpAt = e.dueAt as number;
      break;
    case "complete_follow_up":
    case "auto_close":
      next.closedAt = e.at;
      break;
    case "record_csat":
      next.csat = e.score as number;
      break;
    case "redact":
      next.redactedAt = e.at;
      break;
  }
  return next;
}

const on = (target?: string, guard?: "hasAssignee" | "autoCloseDue") => ({
  ...(target ? { target } : {}),
  ...(guard ? { guard } : {}),
  actions: "apply" as const,
});

export const feedbackMachine = setup({
  types: { context: {} as Ctx, events: {} as Ev, input: {} as { id: string; at: number } },
  guards: {
    hasAssignee: ({ context, event }) => context.assignee !== null || typeof event.assignee === "string",
    autoCloseDue: ({ context, event }) => context.autoCloseAt !== null && event.at >= context.autoCloseAt,
  },
  actions: { apply: assign(({ context, event }) => update(context, event)) },
}).createMachine({
  id: "feedback",
  initial: "new",
  context: ({ input }) => ({
    id: input.id,
    updatedAt: input.at,
    category: null,
    priority: "normal",
    latentNeeds: [],
    department: null,
    assignee: null,
    dueAt: null,
    remedy: null,
    resolvedAt: null,
    replyAt: null,
    autoCloseAt: null,
    followUpAt: null,
    csat: null,
    closedAt: null,
    redactedAt: null,
    history: [],
  }),
  states: {
    new: { on: { triage: on("triaged"), customer_message: on(), redact: on() } },
    triaged: {
      on: {
        reject: on("rejected"),
        mark_duplicate: on("duplicate"),
        route: on("routed"),
        assign: on(),
        customer_message: on(),
        redact: on(),
      },
    },
    routed: {
      on: { route: on(), assign: on(), start: on("in_progress", "hasAssignee"), customer_message: on(), redact: on() },
    },
    in_progress: {
      on: {
        route: on("routed"),
        assign: on(),
        wait_for_customer: on("waiting_customer"),
        wait_for_internal: on("waiting_internal"),
        resolve: on("resolved", "hasAssignee"),
        customer_message: on(),
        redact: on(),
      },
    },
    waiting_customer: {
      on: { resume: on("in_progress"), customer_message: on("in_progress"), assign: on(), redact: on() },
    },
    waiting_internal: {
      on: {
        resume: on("in_progress"),
        customer_message: on("in_progress"),
        route: on("routed"),
        assign: on(),
        redact: on(),
      },
    },
    resolved: {
      on: { report_back: on("reported"), customer_message: on("in_progress"), reopen: on("in_progress"), redact: on() },
    },
    reported: {
      on: {
        schedule_follow_up: on("follow_up"),
        auto_close: on("closed", "autoCloseDue"),
        reopen: on("in_progress"),
        customer_message: on(),
        record_csat: on(),
        redact: on(),
      },
    },
    follow_up: {
      on: {
        complete_follow_up: on("closed"),
        customer_message: on("in_progress"),
        reopen: on("in_progress"),
        record_csat: on(),
        redact: on(),
      },
    },
    rejected: { on: { report_back: on("closed"), customer_message: on(), redact: on() } },
    duplicate: { on: { report_back: on("closed"), customer_message: on(), redact: on() } },
    closed: { on: { record_csat: on(), redact: on() } },
  },
});
