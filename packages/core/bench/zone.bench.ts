// Zone arithmetic on the hot paths of @ops (bucketing events by local day, compiling
// calendars), next to what a user would otherwise write with date-fns + @date-fns/tz.
// Run: pnpm bench (from packages/core) — never part of the tests.
import { TZDate, tzOffset } from "@date-fns/tz";
import { startOfDay } from "date-fns";
import { customAlphabet } from "nanoid";
import { Bench } from "tinybench";
import {
  compileTimeZone,
  createIdFactory,
  createRandom,
  localParts,
  parseInstant,
  startOfLocalDay,
  zoneOffset,
} from "@ops/core";

const zone = "America/New_York";
const start = parseInstant("2026-01-01T00:00:00Z");
const span = 365 * 86_400_000;
const N = 4096;
const rng = createRandom(1);
const instants = Array.from({ length: N }, () => start + Math.floor(rng.next() * span));
let i = 0;
const next = () => instants[i++ & (N - 1)] as number;
let sink = 0;

// a zone compiled once: checked once, offsets cached per UTC hour (the hot-loop form)
const compiled = compileTimeZone(zone);
const bench = new Bench({ time: 500 });
bench
  .add("@ops/core zoneOffset(t, compileTimeZone(zone))", () => {
    sink += zoneOffset(next(), compiled);
  })
  .add("@ops/core zoneOffset(t, zone)", () => {
    sink += zoneOffset(next(), zone);
  })
  .add("@date-fns/tz tzOffset(zone, new Date(t))", () => {
    sink += tzOffset(zone, new Date(next()));
  })
  .add("@ops/core localParts(t, compileTimeZone(zone)).day", () => {
    sink += localParts(next(), compiled).day;
  })
  .add("@ops/core localParts(t, zone).day", () => {
    sink += localParts(next(), zone).day;
  })
  .add("@date-fns/tz new TZDate(t, zone).getDate()", () => {
    sink += new TZDate(next(), zone).getDate();
  })
  .add("@ops/core startOfLocalDay(t, compileTimeZone(zone))", () => {
    sink += startOfLocalDay(next(), compiled);
  })
  .add("@ops/core startOfLocalDay(t, zone)", () => {
    sink += startOfLocalDay(next(), zone);
  })
  .add("date-fns startOfDay(new TZDate(t, zone))", () => {
    sink += startOfDay(new TZDate(next(), zone)).getTime();
  });

const ids = new Bench({ time: 300 });
const seeded = createIdFactory({ generator: createRandom(5) });
const raw = customAlphabet("useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict", 21);
// a secure factory is given its generator, as a user would: here nanoid itself
const secure = createIdFactory({ generator: raw });
ids
  .add("@ops/core createIdFactory({ generator: nanoid }) (secure)", () => {
    sink += secure().length;
  })
  .add("nanoid customAlphabet (bare)", () => {
    sink += raw().length;
  })
  .add("@ops/core createIdFactory({ generator: createRandom(seed) })", () => {
    sink += seeded().length;
  });

await bench.run();
console.table(bench.table());
await ids.run();
console.table(ids.table());
if (sink === 42) console.log("");
