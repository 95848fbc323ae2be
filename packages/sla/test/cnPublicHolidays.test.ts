import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { formatInstant, parseInstant } from "@ops/core";
import {
  CN_PUBLIC_HOLIDAYS,
  CalendarSpecSchema,
  addBusinessTime,
  businessTimeBetween,
  compileCalendar,
  nextOpen,
  type HoursRange,
} from "@ops/sla";

const require = createRequire(import.meta.url);
// chinese-days 1.5.7 (devDependency only): per-date maps "YYYY-MM-DD" → "English,中文,n"
const days = require("chinese-days/dist/chinese-days.json") as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};
const inYears = (map: Record<string, string>) =>
  Object.keys(map)
    .filter((d) => d >= "2024-01-01" && d <= "2026-12-31")
    .sort();

const H = 3_600_000;
const lunch: HoursRange[] = [
  { open: "09:00", close: "12:00" },
  { open: "13:00", close: "18:00" },
];
const weekly = { mon: lunch, tue: lunch, wed: lunch, thu: lunch, fri: lunch };

describe("CN_PUBLIC_HOLIDAYS", () => {
  it("lists the same holidays for 2024–2026 as the chinese-days package", () => {
    expect(CN_PUBLIC_HOLIDAYS.holidays.map((h) => h.date).sort()).toEqual(inYears(days.holidays));
  });
  it("lists the same make-up workdays for 2024–2026 as the chinese-days package", () => {
    expect(CN_PUBLIC_HOLIDAYS.workdays.map((w) => w.date).sort()).toEqual(inYears(days.workdays));
  });
  it("has only weekend make-up workdays and unique dates, and passes the calendar schema", () => {
    for (const w of CN_PUBLIC_HOLIDAYS.workdays) expect([0, 6]).toContain(new Date(`${w.date}T00:00:00Z`).getUTCDay());
    const dates = CN_PUBLIC_HOLIDAYS.holidays.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(CalendarSpecSchema.safeParse({ timeZone: "Asia/Shanghai", weekly, ...CN_PUBLIC_HOLIDAYS }).success).toBe(
      true,
    );
  });
  it("lists 28, 28 and 33 days off in 2024, 2025 and 2026 (every date of every break)", () => {
    // Sums of the notices' "共N天": 2024 1+8+3+5+1+3+7; 2025 1+8+3+5+3+8; 2026 3+9+3+5+3+3+7
    const count = (y: string) => CN_PUBLIC_HOLIDAYS.holidays.filter((h) => h.date.startsWith(y)).length;
    expect([count("2024"), count("2025"), count("2026")]).toEqual([28, 28, 33]);
  });
});

describe("Asia/Shanghai with 调休", () => {
  const calendar = compileCalendar(
    { timeZone: "Asia/Shanghai", weekly, ...CN_PUBLIC_HOLIDAYS },
    { from: "2024-01-01T00:00:00+08:00", to: "2027-01-01T00:00:00+08:00" },
  );
  const at = (s: string) => parseInstant(s);
  it("opens on the make-up Saturday before the Spring Festival 2026", () => {
    // Fri 2026-02-13 17:00 + 2 h → 1 h Friday, then Saturday 02-14 (上班) 09:00 + 1 h
    expect(formatInstant(addBusinessTime(calendar, at("2026-02-13T17:00:00+08:00"), 2 * H))).toBe(
      "2026-02-14T02:00:00.000Z",
    );
  });
  it("waits out the nine-day Spring Festival break", () => {
    // Sat 2026-02-14 17:00 + 2 h → 1 h on the 14th; the break is 02-15 … 02-23; Tue 02-24 10:00
    expect(formatInstant(addBusinessTime(calendar, at("2026-02-14T17:00:00+08:00"), 2 * H))).toBe(
      "2026-02-24T02:00:00.000Z",
    );
    expect(formatInstant(nextOpen(calendar, at("2026-02-15T10:00:00+08:00")))).toBe("2026-02-24T01:00:00.000Z");
  });
  it("counts the 2025 National Day week (10-01 … 10-08 off, 09-28 and 10-11 worked) as two working days plus the make-up Saturday", () => {
    // Mon 09-29 … Sun 10-12: working days 09-29, 09-30, 10-09, 10-10, 10-11 (Sat) = 5 × 8 h
    expect(businessTimeBetween(calendar, at("2025-09-29T00:00:00+08:00"), at("2025-10-13T00:00:00+08:00")) / H).toBe(
      40,
    );
  });
  it("keeps 2024-06-10 (端午) closed and the Saturday before it closed too", () => {
    expect(businessTimeBetween(calendar, at("2024-06-08T00:00:00+08:00"), at("2024-06-11T00:00:00+08:00"))).toBe(0);
  });
});
