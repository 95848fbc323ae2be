/**
 * @ops/feedback — The feedback lifecycle: collection, remedy, reporting back and follow-up.
 *
 * @packageDocumentation
 */
export {};
