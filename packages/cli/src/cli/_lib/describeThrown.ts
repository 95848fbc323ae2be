/** The message of what a file read threw (or returned instead of text). */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message.split("\n")[0] ?? "";
  return `not text (${typeof thrown})`;
}
