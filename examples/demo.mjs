#!/usr/bin/env node
// The README's demo: runs against the built packages, as a user's code would.
// (Grows into the weekly operations report as the packages land — see issue 10.)
import { createIdFactory, createRandom, formatInstant, localParts, parseInstant, startOfLocalWeek } from "@ops/core";

const zone = "Asia/Shanghai";
const rng = createRandom(2026);
const newDmId = createIdFactory({ prefix: "dm_", size: 10, generator: rng });
const weekStart = startOfLocalWeek(parseInstant("2026-03-11T04:00:00Z"), zone);

// A week of simulated DMs: arrival times spread over the local week.
const dms = Array.from({ length: 12 }, () => {
  const at = weekStart + rng.int(0, 7 * 86_400_000);
  return { id: newDmId(), at };
}).sort((a, b) => a.at - b.at);

const byDay = new Map();
for (const dm of dms) {
  const p = localParts(dm.at, zone);
  const key = `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
  byDay.set(key, (byDay.get(key) ?? 0) + 1);
}
console.log(`@ops demo — DMs in the week starting ${formatInstant(weekStart)} (${zone} local midnight)`);
for (const [day, count] of byDay) console.log(`  ${day}  ${"■".repeat(count)} ${count}`);
console.log(`  first: ${dms[0].id} at ${formatInstant(dms[0].at)}`);
