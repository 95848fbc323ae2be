/**
 * What {@link run} may do to the world: read and write text files, and print. The Node
 * wiring (the `ops` bin) passes the real file system and streams; tests and other hosts
 * pass their own. Each function is synchronous; `readFile` and `writeFile` throw when they
 * cannot (the command then exits 2 naming the file).
 */
export interface Io {
  /** Reads a UTF-8 text file. */
  readonly readFile: (path: string) => string;
  /** Writes a UTF-8 text file. */
  readonly writeFile: (path: string, text: string) => void;
  /** Writes to standard output. */
  readonly stdout: (text: string) => void;
  /** Writes to standard error. */
  readonly stderr: (text: string) => void;
  /** The built verification page (`dist/verify.html`), read by `ops raffle page`. */
  readonly pageFile?: string;
  /** What `ops --version` prints. */
  readonly version?: string;
}
