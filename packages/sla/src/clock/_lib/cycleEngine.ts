// Walks a validated item timeline into status/policy breakpoints and raw cycles.
import type { ThreadStatus } from "@ops/interaction";
import type { SlaEvent } from "../slaEvent";
import type { SlaPolicySet } from "../../policy/compileSlaPolicies";
import { selectSlaPolicy } from "../../policy/selectSlaPolicy";
import type { SlaMetric } from "../../policy/slaMetric";
import type { SlaPolicy, SlaSubject } from "../../policy/slaPolicy";

export interface StatePoint {
  readonly at: number;
  readonly status: ThreadStatus;
  readonly policy: SlaPolicy | null;
}

export interface RawCycle {
  readonly metric: SlaMetric;
  readonly startedAt: number;
  stoppedAt: number | null;
  stoppedBy: "reply" | "resolution" | null;
}

export interface Walk {
  readonly states: StatePoint[];
  readonly cycles: RawCycle[];
}

const SINGLE: readonly SlaMetric[] = ["requester_wait", "agent_work", "resolution"];
const UPDATES: readonly SlaMetric[] = ["periodic_update", "pausable_update"];

export function walkTimeline(events: readonly SlaEvent[], set: SlaPolicySet): Walk {
  const states: StatePoint[] = [];
  const cycles: RawCycle[] = [];
  const running = new Map<SlaMetric, RawCycle>();
  const single = new Map<SlaMetric, RawCycle>();
  let status = "open" as ThreadStatus;
  let subject: SlaSubject = {};
  let policy: SlaPolicy | null = null;

  const point = (at: number) => {
    const last = states[states.length - 1];
    const next = { at, status, policy };
    if (last !== undefined && last.at === at) states[states.length - 1] = next;
    else states.push(next);
  };
  const start = (metric: SlaMetric, at: number) => {
    const c: RawCycle = { metric, startedAt: at, stoppedAt: null, stoppedBy: null };
    cycles.push(c);
    running.set(metric, c);
    return c;
  };
  const stop = (metric: SlaMetric, at: number, by: "reply" | "resolution") => {
    const c = running.get(metric);
    if (c !== undefined) {
      c.stoppedAt = at;
      c.stoppedBy = by;
      running.delete(metric);
    }
  };
  const setStatus = (next: ThreadStatus, at: number) => {
    if (next === status) return;
    const wasResolved = status === "resolved";
    status = next;
    if (next === "resolved") {
      for (const m of ["first_reply", "next_reply", ...UPDATES] as const) stop(m, at, "resolution");
      for (const c of single.values()) {
        if (c.stoppedAt === null) {
          c.stoppedAt = at;
          c.stoppedBy = "resolution";
        }
      }
    } else if (wasResolved) {
      for (const c of single.values()) {
        c.stoppedAt = null; // a reopen resumes them
        c.stoppedBy = null;
      }
    }
    point(at);
  };

  for (const e of events) {
    switch (e.type) {
      case "created": {
        subject = e.subject;
        policy = selectSlaPolicy(set, subject);
        status = "open" as ThreadStatus;
        point(e.at);
        start("first_reply", e.at);
        for (const m of SINGLE) single.set(m, start(m, e.at));
        for (const m of SINGLE) running.delete(m);
        if (e.status !== undefined) setStatus(e.status, e.at);
        break;
      }
      case "update": {
        subject = { ...subject, ...e.subject };
        policy = selectSlaPolicy(set, subject);
        point(e.at);
        break;
      }
      case "status":
        setStatus(e.status, e.at);
        break;
      case "message": {
        if (e.direction === "in") {
          if (status !== "open") setStatus("open", e.at);
          if (!running.has("first_reply") && !running.has("next_reply")) start("next_reply", e.at);
        } else if (e.direction === "out" && e.visibility !== "internal_note" && e.automated !== true) {
          stop("first_reply", e.at, "reply");
          stop("next_reply", e.at, "reply");
          if (status !== "resolved") {
            for (const m of UPDATES) {
              stop(m, e.at, "reply");
              start(m, e.at);
            }
          }
        }
        break;
      }
    }
  }
  return { states, cycles };
}
