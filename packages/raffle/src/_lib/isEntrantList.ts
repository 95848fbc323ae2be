import type { EntrantList } from "../list/compileEntrants";

/** True for a list made by compileEntrants. */
export function isEntrantList(value: unknown): value is EntrantList {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    (value as { kind?: unknown }).kind === "ops-raffle/entrant-list"
  );
}
