/**
 * @ops/sla — Business calendars, SLA policies and clocks, platform reply windows and breach prediction.
 *
 * @packageDocumentation
 */
export { addBusinessTime } from "./calendar/addBusinessTime";
export { alwaysOpen } from "./calendar/alwaysOpen";
export { businessTimeBetween } from "./calendar/businessTimeBetween";
export {
  CalendarSpecSchema,
  DateOverrideSchema,
  DayHoursSchema,
  HolidaySchema,
  HoursRangeSchema,
  LocalDateSchema,
  TimeOfDaySchema,
  WEEKDAYS,
  WeeklyHoursSchema,
  WorkdaySchema,
} from "./calendar/calendarSpec";
export type { CalendarSpec, DateOverride, Holiday, HoursRange, Weekday, WeeklyHours, Workday } from "./calendar/calendarSpec";
export { compileCalendar, CompileCalendarOptionsSchema, MAX_CALENDAR_HORIZON_MS } from "./calendar/compileCalendar";
export type { BusinessCalendar, CompileCalendarOptions } from "./calendar/compileCalendar";
export { isOpen } from "./calendar/isOpen";
export { nextOpen } from "./calendar/nextOpen";
export { openIntervals } from "./calendar/openIntervals";
export type { InstantInterval } from "./calendar/openIntervals";
export { CN_PUBLIC_HOLIDAYS } from "./data/cnPublicHolidays";
export type { StatutoryDays } from "./data/cnPublicHolidays";
