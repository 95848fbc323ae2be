/**
 * @ops/sla — Business calendars, SLA policies and clocks, platform reply windows and breach prediction.
 *
 * @packageDocumentation
 */
export {};
