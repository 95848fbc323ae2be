/**
 * Variants of a recorded body for the conformance kit: each changes one value (a JSON leaf,
 * or one XML text node) and keeps the rest, so that a variant is a *distinct delivery* of
 * the same shape. JSON bodies are re-serialised (`base` is the original re-serialised the
 * same way, to compare keys on equal footing); at most `max` variants.
 */
export function bodyVariants(body: string, max = 48): { base: string; variants: string[] } | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return xmlVariants(body, max);
  }
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[], depth: number): void => {
    if (paths.length >= max || depth > 12) return;
    if (typeof v === "string" || typeof v === "number") paths.push(path);
    else if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, [...path, i], depth + 1);
    else if (typeof v === "object" && v !== null)
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k], depth + 1);
  };
  walk(json, [], 0);
  const variants: string[] = [];
  for (const path of paths) {
    const copy = JSON.parse(body) as unknown;
    let parent = copy as Record<string | number, unknown>;
    for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
    const last = path[path.length - 1];
    if (last === undefined) continue;
    parent[last] = mutate(parent[last]);
    variants.push(JSON.stringify(copy));
  }
  return { base: JSON.stringify(json), variants };
}

function mutate(v: unknown): unknown {
  if (typeof v === "number") return Number.isSafeInteger(v) ? v + 1 : v * 2 + 1;
  const s = String(v);
  const last = s.at(-1) ?? "";
  if (/\d/.test(last)) return `${s.slice(0, -1)}${(Number(last) + 1) % 10}`;
  if (/[a-y]/i.test(last)) return `${s.slice(0, -1)}${String.fromCharCode(last.charCodeAt(0) + 1)}`;
  return `${s}1`;
}

function xmlVariants(body: string, max: number): { base: string; variants: string[] } | null {
  if (!body.trimStart().startsWith("<")) return null;
  const variants: string[] = [];
  const re = /<!\[CDATA\[([^\]]+)\]\]>|>([^<>]+)</g;
  for (let m = re.exec(body); m !== null && variants.length < max; m = re.exec(body)) {
    const text = m[1] ?? m[2] ?? "";
    if (text.trim() === "") continue;
    const start = m.index + m[0].indexOf(text);
    variants.push(body.slice(0, start) + String(mutate(text)) + body.slice(start + text.length));
  }
  return { base: body, variants };
}

/** An interaction without what a retry may change (`receivedAt`) or what carries no meaning of its own (`raw`). */
export function essence(x: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { raw: _raw, receivedAt: _received, ...rest } = x;
  return rest;
}

/**
 * The names of secrets and signatures that `verify` must not compare with `===`, `!==`,
 * `==` or `!=`: the kit reads the function's source (`Function.prototype.toString`) and
 * flags an equality whose operand next to the operator is named like a signature, digest,
 * token or secret, unless the other operand is a literal (`undefined`, `null`, a string or
 * a number: a presence or shape check). A heuristic — minified code or a helper defined
 * elsewhere escapes it — that catches the common mistake.
 */
const SECRET_NAME =
  /(?:^|[^A-Za-z])(?:sig|signature|expected|hmac|digest|token|secret|computed|mac|hash)[A-Za-z0-9_]*$/i;
const LITERAL = /^(?:undefined|null|true|false|void\b.*|-?\d[\d.]*|(["'`]).*\1|typeof\b.*)$/;

/** Whether a function's source compares a signature-like value with a plain equality operator. */
export function comparesSecretPlainly(source: string): boolean {
  const re = /([\w$.\][)"'`]+)\s*(!==?|===?)(?!>)\s*([\w$."'`-]+)/g;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) {
    const left = (m[1] ?? "").replace(/\)+$/, "");
    const right = m[3] ?? "";
    const leftSecret = SECRET_NAME.test(left.replace(/[^\w$]+$/, ""));
    const rightSecret = SECRET_NAME.test(`.${right.replace(/^[^\w$]+/, "").split(".")[0] ?? ""}`);
    if (/\.length$/.test(left) || /\.length$/.test(right)) continue;
    if (LITERAL.test(right) || LITERAL.test(m[1] ?? "") || /\btypeof\s*$/.test(source.slice(0, m.index))) continue;
    if (leftSecret || rightSecret) return true;
  }
  return false;
}
