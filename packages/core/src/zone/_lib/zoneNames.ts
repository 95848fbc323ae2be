// What a refused zone name might have meant, for the error message of isValidTimeZone's callers.

/**
 * The shapes of zone name @ops accepts: IANA Area/Location names (the areas of the tz
 * database's "theory" file: continents and oceans), `UTC` and `Etc/…`.
 */
export const ZONE_NAME =
  /^(?:(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)(?:\/[A-Z][\w+-]*)+|Etc\/[A-Z][\w+-]*|UTC)$/;

export const ZONE_NAME_RULE =
  "must be an IANA time-zone name known to this runtime: Area/Location (e.g. Asia/Shanghai), UTC or Etc/…";

// Abbreviations that runtimes accept as ICU legacy ids with one meaning (CST → America/Chicago,
// IST → Asia/Kolkata, BST → Asia/Dhaka, NST → Pacific/Auckland, EST → America/Panama) but
// that people write for other zones too: the zones each may mean. Legacy ids with one
// reading (JST, HST, CTT, CET) are named by the runtime's own resolution below.
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  CST: "Asia/Shanghai,America/Chicago,Asia/Taipei,America/Havana",
  IST: "Asia/Kolkata,Europe/Dublin,Asia/Jerusalem",
  BST: "Europe/London,Asia/Dhaka",
  EST: "America/New_York,America/Panama,Australia/Sydney",
  MST: "America/Denver,America/Phoenix",
  PST: "America/Los_Angeles,Asia/Manila",
  AST: "America/Halifax,Asia/Riyadh",
  NST: "America/St_Johns,Pacific/Auckland",
  SST: "Pacific/Pago_Pago,Asia/Singapore,Pacific/Guadalcanal",
  GMT: "UTC,Europe/London",
};

/** The zones a refused name might mean ("Asia/Shanghai or America/Chicago"), or "" if none is known. */
function zoneNameHint(name: string): string {
  const key = name.toUpperCase();
  let zones = Object.hasOwn(ABBREVIATIONS, key) ? (ABBREVIATIONS[key] as string).split(",") : [];
  if (zones.length === 0) {
    try {
      // legacy names (EST5EDT, US/Eastern, PRC) and miscased ones resolve to the zone they link to
      const resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
      if (resolved !== name && ZONE_NAME.test(resolved)) zones = [resolved];
    } catch {
      // unknown to the runtime: nothing to suggest
    }
  }
  return zones.length === 0 ? "" : zones.join(", ").replace(/, ([^,]*)$/, " or $1");
}

/** {@link ZONE_NAME_RULE}, with what the refused name might mean. */
export function zoneNameRule(name: unknown): string {
  const hint = typeof name === "string" ? zoneNameHint(name) : "";
  return hint ? `${ZONE_NAME_RULE} (${name} might mean ${hint})` : ZONE_NAME_RULE;
}
