import type { Io } from "../Io";
import type { ReportMessageKey } from "../../raffle/reportMessages";
import type { ReportLine } from "../../raffle/verificationReport";
import { reportLine } from "../../_lib/reportLine";

/** A file's parsed JSON, or the report line saying why it could not be read. */
export type ReadJson =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly line: ReportLine };

/** Reads a JSON file through `io`: a file that cannot be read, is not text or not JSON is a report line. */
export function readJson(io: Io, path: string, what: ReportMessageKey): ReadJson {
  let text: unknown;
  try {
    text = io.readFile(path);
  } catch (error) {
    text = error;
  }
  const name = reportLine(what).text;
  if (typeof text !== "string") {
    const message = text instanceof Error ? (text.message.split("\n")[0] ?? "") : `not text (${typeof text})`;
    return {
      ok: false,
      line: reportLine("unreadable.file", { what: name, file: path }, { code: "unreadable", message, path: [] }),
    };
  }
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      line: reportLine("unreadable.json", { what: name, file: path }, { code: "unreadable", message, path: [] }),
    };
  }
}
