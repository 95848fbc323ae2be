import { readFileSync } from "node:fs";
import { compileEntrants } from "@ops/raffle";
import type { Io } from "../src/index";

/** An Io over an in-memory file table, recording what was printed and written. */
export function memoryIo(files: Record<string, string> = {}, extra: Partial<Io> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: Io = {
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
    writeFile: (path, text) => {
      written[path] = text;
    },
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    ...extra,
  };
  return { io, stdout: () => out.join(""), stderr: () => err.join(""), written };
}

interface VectorCase {
  readonly name: string;
  readonly input: {
    readonly spec: unknown;
    readonly entrants: readonly { id: string; weight?: number }[];
    readonly randomness: unknown;
    readonly auditKey?: string;
  };
  readonly expected: {
    readonly certificate: Record<string, unknown>;
    readonly specHash: string;
    readonly listRoot: string;
  };
}

/** The ops-raffle/v1 test vectors (packages/raffle/test/vectors/raffle-v1.json). */
export const VECTORS: readonly VectorCase[] = JSON.parse(
  readFileSync(new URL("../../raffle/test/vectors/raffle-v1.json", import.meta.url), "utf8"),
).cases;

/** The published list of a vector as a list file holds it: list ids (pseudonyms in pseudonymous mode) and weights. */
export function publishedList(c: VectorCase): { id: string; weight: number }[] {
  const spec = c.input.spec as { privacy: "public" | "pseudonymous"; weights: { max: number } };
  const list = compileEntrants(c.input.entrants, {
    privacy: spec.privacy,
    maxWeight: spec.weights.max,
    ...(c.input.auditKey === undefined ? {} : { auditKey: c.input.auditKey }),
  });
  return list.ids.map((id, i) => ({ id, weight: list.weights[i] as number }));
}
