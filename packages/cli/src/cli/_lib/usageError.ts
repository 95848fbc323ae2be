import type { Io } from "../Io";
import { EXIT } from "../EXIT";

/** Prints a usage error and the usage, and returns exit code 2. */
export function usageError(io: Io, message: string, usage: string): number {
  io.stderr(`ops: ${message}\n\n${usage}`);
  return EXIT.usage;
}
