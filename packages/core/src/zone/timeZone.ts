import * as z from "zod/mini";
import { OpsError, type ErrorPath } from "../error/OpsError";
import { ZONE_NAME, zoneNameRule } from "./_lib/zoneNames";

/**
 * An IANA time-zone name such as `"Asia/Shanghai"`, `"America/New_York"` or `"UTC"`: an
 * Area/Location name, `UTC` or an `Etc/…` name, spelled as the tz database spells it.
 * Fixed offsets (`"+08:00"`) are refused on purpose: they do not follow DST rules, so a
 * calendar built on one is wrong half the year. Abbreviations are refused because they are
 * ambiguous: `CST` is China Standard Time to a team in Shanghai, but the runtime reads it as
 * America/Chicago.
 */
export type TimeZone = string;

/**
 * Zone names already checked. Building an `Intl.DateTimeFormat` costs ~80 µs, so the
 * answer is memoised, as @date-fns/tz memoises its formatters. This is a cache of a pure
 * answer of the runtime: it never changes a result, only how fast it comes.
 */
const checked = new Map<string, boolean>();
const MAX_CHECKED = 512;

/**
 * Tells whether `name` is an IANA time-zone name that this runtime's `Intl` knows, of the
 * form Area/Location (`Asia/Shanghai`, `America/Argentina/Salta`; the areas are the
 * continents and oceans of the tz database), `UTC` or `Etc/…` (`Etc/UTC`, `Etc/GMT-8`).
 * Aliases of that form (`"Asia/Calcutta"`) are accepted. Refused, although runtimes accept
 * them: abbreviations (`CST`, `IST`, `BST` — each means different zones to different
 * people, and ICU picks one: CST is America/Chicago, BST Asia/Dhaka), the POSIX-style
 * legacy names (`EST5EDT`, `CST6CDT`), the other backward-compatibility links (`PRC`,
 * `US/Eastern`, `GMT`) and names in another case (`asia/shanghai`). The error of
 * {@link assertTimeZone} names the zones such a name might mean. Fixed offsets are refused.
 *
 * @example
 * ```ts
 * import { isValidTimeZone } from "@ops/core";
 * isValidTimeZone("Asia/Shanghai");
 * // => true
 * isValidTimeZone("Mars/Olympus_Mons");
 * // => false
 * isValidTimeZone("+08:00");
 * // => false
 * isValidTimeZone("CST");
 * // => false
 * ```
 */
export function isValidTimeZone(name: unknown): name is TimeZone {
  if (typeof name !== "string") return false;
  const known = checked.get(name);
  if (known !== undefined) return known;
  let valid = false;
  try {
    if (ZONE_NAME.test(name)) {
      const resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
      // Intl matches names case-insensitively: "Asia/SHANGHAI" resolves to Asia/Shanghai
      valid = resolved === name || resolved.toLowerCase() !== name.toLowerCase();
    }
  } catch {
    // unknown to this runtime
  }
  if (checked.size >= MAX_CHECKED) checked.clear();
  checked.set(name, valid);
  return valid;
}

/**
 * Schema of a {@link TimeZone}: a string that {@link isValidTimeZone} accepts. Its issue
 * names the zones a refused abbreviation might mean.
 *
 * @example
 * ```ts
 * import { TimeZoneSchema } from "@ops/core";
 * TimeZoneSchema.safeParse("Europe/London").success;
 * // => true
 * TimeZoneSchema.safeParse("Europe/Londn").success;
 * // => false
 * ```
 */
export const TimeZoneSchema = /* @__PURE__ */ (() =>
  z.string().check(z.refine(isValidTimeZone, { error: (issue) => zoneNameRule(issue.input) })))();

/**
 * Throws unless `zone` is a valid IANA time-zone name (see {@link isValidTimeZone}).
 *
 * @throws {OpsError} `invalid_time_zone`, naming `fn`, `path` and, for an abbreviation or a
 *   legacy name, the zones it might mean ("CST … might mean Asia/Shanghai, America/Chicago, …")
 *
 * @example
 * ```ts
 * import { assertTimeZone } from "@ops/core";
 * assertTimeZone("Asia/Shanghai", "demo");
 * // => undefined
 * ```
 */
export function assertTimeZone(zone: unknown, fn: string, path: ErrorPath = ["timeZone"]): asserts zone is TimeZone {
  if (!isValidTimeZone(zone)) {
    throw new OpsError({
      code: "invalid_time_zone",
      fn,
      path,
      rule: zoneNameRule(zone),
      received: zone,
    });
  }
}
