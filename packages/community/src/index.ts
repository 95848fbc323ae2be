/**
 * @ops/community — Group rules and strikes, community events, content cadence and fan care.
 *
 * @packageDocumentation
 */
export {};
