/** The options a command takes: a value-taking option (`--list <file>`) or a flag (`--json`). */
export type OptionKinds = Readonly<Record<string, "value" | "flag">>;

/** Parsed arguments, or the usage error that stopped parsing. */
export type ParsedArgs =
  | {
      readonly ok: true;
      readonly positionals: readonly string[];
      readonly values: Readonly<Record<string, string>>;
      readonly flags: ReadonlySet<string>;
    }
  | { readonly ok: false; readonly message: string };

/**
 * Parses `--name value`, `--name=value` and `--flag` options among positional arguments
 * (`--` ends the options). An unknown option, a missing value or an option given twice is a
 * usage error.
 */
export function parseArgs(argv: readonly string[], kinds: OptionKinds): ParsedArgs {
  const positionals: string[] = [];
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--") || arg === "-") {
      if (arg.startsWith("-") && arg !== "-") return { ok: false, message: `unknown option ${arg}` };
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const kind = Object.hasOwn(kinds, name) ? kinds[name] : undefined;
    if (kind === undefined) return { ok: false, message: `unknown option --${name}` };
    if (values[name] !== undefined || flags.has(name)) return { ok: false, message: `--${name} is given twice` };
    if (kind === "flag") {
      if (eq >= 0) return { ok: false, message: `--${name} takes no value` };
      flags.add(name);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === "") return { ok: false, message: `--${name} needs a value` };
    values[name] = value;
  }
  return { ok: true, positionals, values, flags };
}
