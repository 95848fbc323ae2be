/**
 * Freezes a value and everything reachable from it, in place, and returns it. A part that is
 * already frozen is skipped with all it holds: the parts an update shares with the previous
 * item were frozen with it. Items are plain data (objects, arrays, primitives).
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
