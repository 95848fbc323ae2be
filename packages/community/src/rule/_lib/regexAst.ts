import {
  ANY,
  DIGIT,
  LINE_TERMINATORS,
  MAX_CP,
  SPACE,
  WORD,
  negate,
  range,
  single,
  union,
  type CharSet,
} from "./charSet";

/** A node of a parsed regular expression (Unicode-mode syntax). */
export type RegexNode =
  | { readonly t: "alt"; readonly alts: readonly RegexNode[] }
  | { readonly t: "seq"; readonly items: readonly RegexNode[] }
  | { readonly t: "group"; readonly body: RegexNode; readonly look: boolean }
  | { readonly t: "quant"; readonly body: RegexNode; readonly min: number; readonly max: number }
  | { readonly t: "set"; readonly set: CharSet }
  | { readonly t: "assert"; readonly kind: "^" | "$" | "b" }
  | { readonly t: "backref" };

/**
 * Parses a pattern that `new RegExp(source, "u")` already accepted. A Unicode property
 * escape (`\p{…}`) is read from the runtime over the BMP (what tells `\p{L}+@` apart from
 * `.+@`, and how many ranges the engine tests) and taken as "any character" on lone
 * surrogates and the supplementary planes, which can only make the safety check more
 * cautious.
 */
export function parseRegex(source: string, dotAll: boolean): RegexNode {
  const cps = Array.from(source, (ch) => ch.codePointAt(0) as number);
  let pos = 0;
  let bmp: string | undefined;
  const properties = new Map<string, CharSet>(); // each property escape is read once
  const peek = (): number | undefined => cps[pos];
  const eat = (cp: number): boolean => {
    if (cps[pos] === cp) {
      pos++;
      return true;
    }
    return false;
  };

  const parseAlt = (): RegexNode => {
    const alts: RegexNode[] = [parseSeq()];
    while (eat(0x7c /* | */)) alts.push(parseSeq());
    return alts.length === 1 ? (alts[0] as RegexNode) : { t: "alt", alts };
  };

  const parseSeq = (): RegexNode => {
    const items: RegexNode[] = [];
    while (pos < cps.length && peek() !== 0x7c && peek() !== 0x29 /* ) */) {
      let atom = parseAtom();
      for (;;) {
        const q = parseQuantifier();
        if (!q) break;
        atom = { t: "quant", body: atom, min: q[0], max: q[1] };
      }
      items.push(atom);
    }
    return items.length === 1 ? (items[0] as RegexNode) : { t: "seq", items };
  };

  const parseQuantifier = (): [number, number] | null => {
    const c = peek();
    let q: [number, number] | null = null;
    if (c === 0x2a) q = [0, Infinity];
    else if (c === 0x2b) q = [1, Infinity];
    else if (c === 0x3f) q = [0, 1];
    if (q) pos++;
    else if (c === 0x7b /* { */) {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(String.fromCodePoint(...cps.slice(pos, pos + 40)));
      if (!m) return null;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      q = [min, max];
      pos += m[0].length;
    }
    if (q) eat(0x3f); // lazy: same backtracking
    return q;
  };

  const parseAtom = (): RegexNode => {
    const c = cps[pos++] as number;
    switch (c) {
      case 0x5e: // ^
        return { t: "assert", kind: "^" };
      case 0x24: // $
        return { t: "assert", kind: "$" };
      case 0x2e: // .
        return { t: "set", set: dotAll ? ANY : negate(LINE_TERMINATORS) };
      case 0x28: {
        // (
        let look = false;
        if (eat(0x3f)) {
          if (eat(0x3a)) look = false;
          else if (eat(0x3d) || eat(0x21)) look = true;
          else if (eat(0x3c)) {
            if (eat(0x3d) || eat(0x21)) look = true;
            else while (pos < cps.length && !eat(0x3e)) pos++; // named group
          } else {
            // modifiers group (?i:…) and the like
            while (pos < cps.length && !eat(0x3a)) pos++;
          }
        }
        const body = pos < cps.length && peek() === 0x29 ? ({ t: "seq", items: [] } as RegexNode) : parseAlt();
        eat(0x29);
        return { t: "group", body, look };
      }
      case 0x5b:
        return parseClass();
      case 0x5c:
        return parseEscape(false);
      default:
        return { t: "set", set: single(c) };
    }
  };

  const parseClass = (): RegexNode => {
    const from = pos;
    const negated = eat(0x5e);
    const parts: CharSet[] = [];
    while (pos < cps.length && peek() !== 0x5d /* ] */) {
      const lo = parseClassAtom();
      if (
        peek() === 0x2d &&
        cps[pos + 1] !== 0x5d &&
        cps[pos + 1] !== undefined &&
        lo.length === 2 &&
        lo[0] === lo[1]
      ) {
        pos++;
        const hi = parseClassAtom();
        if (hi.length === 2 && hi[0] === hi[1]) {
          parts.push(range(lo[0] as number, hi[0] as number));
          continue;
        }
        parts.push(lo, single(0x2d), hi);
        continue;
      }
      parts.push(lo);
    }
    eat(0x5d);
    const set = union(...parts);
    if (!negated) return { t: "set", set };
    // a property escape is not read on UNREAD code points, so neither is its complement
    const inexact = /\\[pP]\{/.test(String.fromCodePoint(...cps.slice(from, pos)));
    return { t: "set", set: inexact ? union(negate(set), UNREAD) : negate(set) };
  };

  const parseClassAtom = (): CharSet => {
    const c = cps[pos++] as number;
    if (c !== 0x5c) return single(c);
    const node = parseEscape(true);
    return node.t === "set" ? node.set : ANY;
  };

  const parseEscape = (inClass: boolean): RegexNode => {
    const c = cps[pos++] as number;
    const ch = String.fromCodePoint(c);
    switch (ch) {
      case "d":
        return { t: "set", set: DIGIT };
      case "D":
        return { t: "set", set: negate(DIGIT) };
      case "w":
        return { t: "set", set: WORD };
      case "W":
        return { t: "set", set: negate(WORD) };
      case "s":
        return { t: "set", set: SPACE };
      case "S":
        return { t: "set", set: negate(SPACE) };
      case "b":
        return inClass ? { t: "set", set: single(0x08) } : { t: "assert", kind: "b" };
      case "B":
        return { t: "assert", kind: "b" };
      case "p":
      case "P": {
        const from = pos - 2;
        if (eat(0x7b)) while (pos < cps.length && !eat(0x7d)) pos++;
        const property = String.fromCodePoint(...cps.slice(from, pos));
        let set = properties.get(property);
        if (!set) {
          bmp ??= bmpString();
          set = propertySet(property, bmp);
          properties.set(property, set);
        }
        return { t: "set", set };
      }
      case "k":
        if (eat(0x3c)) while (pos < cps.length && !eat(0x3e)) pos++;
        return { t: "backref" };
      case "t":
        return { t: "set", set: single(0x09) };
      case "n":
        return { t: "set", set: single(0x0a) };
      case "r":
        return { t: "set", set: single(0x0d) };
      case "v":
        return { t: "set", set: single(0x0b) };
      case "f":
        return { t: "set", set: single(0x0c) };
      case "0":
        return { t: "set", set: single(0) };
      case "c": {
        const letter = cps[pos++] ?? 0x40;
        return { t: "set", set: single(letter % 32) };
      }
      case "x": {
        const hex = String.fromCodePoint(...cps.slice(pos, pos + 2));
        pos += 2;
        return { t: "set", set: single(parseInt(hex, 16)) };
      }
      case "u": {
        if (eat(0x7b)) {
          let hex = "";
          while (pos < cps.length && peek() !== 0x7d) hex += String.fromCodePoint(cps[pos++] as number);
          eat(0x7d);
          return { t: "set", set: single(parseInt(hex, 16)) };
        }
        const hex = String.fromCodePoint(...cps.slice(pos, pos + 4));
        pos += 4;
        let cp = parseInt(hex, 16);
        // a surrogate pair written as two \u escapes
        if (cp >= 0xd800 && cp <= 0xdbff && cps[pos] === 0x5c && cps[pos + 1] === 0x75) {
          const low = parseInt(String.fromCodePoint(...cps.slice(pos + 2, pos + 6)), 16);
          if (low >= 0xdc00 && low <= 0xdfff) {
            pos += 6;
            cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          }
        }
        return { t: "set", set: single(cp) };
      }
      default:
        if (c >= 0x31 && c <= 0x39) {
          while (pos < cps.length && (peek() as number) >= 0x30 && (peek() as number) <= 0x39) pos++;
          return inClass ? { t: "set", set: ANY } : { t: "backref" };
        }
        return { t: "set", set: single(c) };
    }
  };

  const tree = parseAlt();
  return tree;
}

/** What a property escape is not read exactly on: lone surrogates and the supplementary planes. */
const UNREAD: CharSet = /* @__PURE__ */ (() => union(range(0xd800, 0xdfff), range(0x10000, MAX_CP)))();

/** Every BMP code point but the surrogates, in order: index i is U+i below U+D800, U+(i + 0x800) above. */
function bmpString(): string {
  let out = "";
  const units: number[] = [];
  for (let cp = 0; cp <= 0xffff; cp++) {
    if (cp < 0xd800 || cp > 0xdfff) units.push(cp);
    if (units.length === 4096 || cp === 0xffff) {
      out += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return out;
}

/** The BMP part of a property escape as this runtime reads it, plus everything it does not read. */
function propertySet(property: string, bmp: string): CharSet {
  const at = (i: number): number => (i < 0xd800 ? i : i + 0x800);
  const parts: CharSet[] = [UNREAD];
  for (const m of bmp.matchAll(new RegExp(`${property}+`, "gu")))
    parts.push(range(at(m.index), at(m.index + m[0].length - 1)));
  return union(...parts);
}
