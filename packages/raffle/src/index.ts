/**
 * @ops/raffle — Fair, publicly verifiable lucky draws, quizzes and judged awards.
 *
 * @packageDocumentation
 */
export {};
