import type { Result } from "@ops/core";
import type { AdapterFailure } from "../PlatformAdapter";
import { metaEntries } from "./metaWebhook";

/** The `entry` array of an Instagram webhook body (`{"object":"instagram","entry":[…]}`), or the typed failure. */
export function instagramEntries(body: string): Result<readonly unknown[], AdapterFailure> {
  return metaEntries(body, "instagram");
}
