import { failure, type Result } from "@ops/core";
import type { AdapterFailure } from "../adapter/PlatformAdapter";
import { arrField, parseJsonObject, strField } from "./read";

/** The `entry` array of an Instagram webhook body (`{"object":"instagram","entry":[…]}`), or the typed failure. */
export function instagramEntries(body: string): Result<readonly unknown[], AdapterFailure> {
  const o = parseJsonObject(body);
  if (!o.ok) return o;
  const object = strField(o.value, "object");
  if (object !== "instagram")
    return {
      ok: false,
      error: failure("unknown_event", `object ${object ?? "(missing)"} is not instagram`, ["object"]),
    };
  const entries = arrField(o.value, "entry");
  if (entries === undefined) return { ok: false, error: failure("missing_field", "entry must be an array", ["entry"]) };
  return { ok: true, value: entries };
}

/**
 * The changes of one entry with their paths: `entry[i].changes`, or the one `field` /
 * `value` pair that Business Login for Instagram puts directly in the entry (Meta,
 * "Instagram Platform Webhook Notification Examples", comments payload).
 */
export function entryChanges(entry: Readonly<Record<string, unknown>>, ei: number): [unknown, (string | number)[]][] {
  const changes = entry.changes;
  if (Array.isArray(changes)) return changes.map((c, ci) => [c, ["entry", ei, "changes", ci]]);
  if (typeof entry.field === "string") return [[{ field: entry.field, value: entry.value }, ["entry", ei]]];
  return [];
}
