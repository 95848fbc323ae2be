import type { Result } from "@ops/core";
import type { AdapterFailure } from "../adapter/PlatformAdapter";
import { metaEntries } from "./metaWebhook";

/** The `entry` array of an Instagram webhook body (`{"object":"instagram","entry":[…]}`), or the typed failure. */
export function instagramEntries(body: string): Result<readonly unknown[], AdapterFailure> {
  return metaEntries(body, "instagram");
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
