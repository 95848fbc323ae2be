import { compileKeywords, findKeywords, normalizeText, type KeywordMatcher, type NormalizedText } from "@ops/core";

/** Options of {@link detectAdvertising}, also the fields of a `links` rule trigger. Every detector is on by default. */
export interface DetectAdvertisingOptions {
  /** URLs and bare or disguised domains (`example.com`, `example 点 com`, `example(dot)com`). */
  readonly urls?: boolean;
  /** A WeChat cue (`微信`, `vx`, `加v`…) followed by an id (6–20 characters, starting with a letter) or a number. */
  readonly wechat?: boolean;
  /** Mainland China mobile numbers, also with separators or Chinese numerals. */
  readonly phones?: boolean;
  /** QR-code mentions (`二维码`, `扫码`, `qr code`…). */
  readonly qr?: boolean;
  /** Domains that are never reported, with their subdomains (the brand's own shop). */
  readonly allowDomains?: readonly string[];
  /** Top-level domains a bare domain must end in; default a list of 44 common ones. */
  readonly tlds?: readonly string[];
  /** Words that announce a WeChat id; replaces the default list. */
  readonly wechatCues?: readonly string[];
  /** Words that mention a QR code; replaces the default list. */
  readonly qrCues?: readonly string[];
}

/** Which detector of {@link detectAdvertising} fired. */
export type AdvertisingDetectorKind = "url" | "wechat" | "phone" | "qr";

/** One link or contact found by {@link detectAdvertising}. */
export interface AdvertisingHit {
  readonly detector: AdvertisingDetectorKind;
  /** What was found, normalised: a host or domain, a WeChat id, 11 phone digits, the QR cue. */
  readonly value: string;
  /** Start index in the message text (UTF-16 units). */
  readonly start: number;
  /** End index (exclusive). */
  readonly end: number;
  /** The message text as the user wrote it. */
  readonly text: string;
}

export const DEFAULT_TLDS: readonly string[] = /* @__PURE__ */ (() =>
  Object.freeze(
    "com cn net org info biz top xyz vip club site online shop store app io co cc me tv ly gl gg link live work ink wang ltd fun icu tk ml hk tw jp kr us uk ru de".split(
      " ",
    ),
  ))();
export const DEFAULT_WECHAT_CUES: readonly string[] = /* @__PURE__ */ (() =>
  Object.freeze([
    "微信号",
    "微信",
    "威信",
    "薇信",
    "徽信",
    "维信",
    "v信",
    "vx号",
    "vx",
    "wx",
    "weixin",
    "wechat",
    "加v",
    "加微",
  ]))();
export const DEFAULT_QR_CUES: readonly string[] = /* @__PURE__ */ (() =>
  Object.freeze(["二维码", "扫码", "扫一扫", "加群码", "qr码", "qrcode", "qr code"]))();

/** A link/contact detector compiled once from {@link DetectAdvertisingOptions}. */
export interface AdvertisingDetector {
  readonly urls: boolean;
  readonly phones: boolean;
  readonly domainRe: RegExp;
  readonly schemeRe: RegExp;
  readonly wechatRe: RegExp | null;
  readonly qr: KeywordMatcher | null;
  readonly allowDomains: readonly string[];
}

/** Escapes `s` for a `u`-flag pattern, where `\-` is a syntax error: `-` becomes `\x2d`. */
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/-/g, "\\x2d");

export function compileAdvertising(
  options: { readonly [K in keyof DetectAdvertisingOptions]?: DetectAdvertisingOptions[K] | undefined },
): AdvertisingDetector {
  const tlds = (options.tlds ?? DEFAULT_TLDS)
    .map((t) => t.toLowerCase().replace(/^\./, ""))
    .filter((t) => /^[a-z]{2,24}$/.test(t));
  tlds.sort((a, b) => b.length - a.length);
  const sep = "(?:\\.|。|｡|点|\\(dot\\)|\\[dot\\]|\\(\\.\\)|\\[\\.\\]|dot)";
  const domainRe = new RegExp(`([a-z0-9][a-z0-9-]{0,62})${sep}(${tlds.join("|")})`, "gu");
  const schemeRe = /(?:https?|hxxps?|ftp):\/\/([a-z0-9][a-z0-9.-]{0,252})/gu;
  const cues = (options.wechatCues ?? DEFAULT_WECHAT_CUES)
    .map((c) => normalizeText(c, { strip: "whitespace" }).text)
    .filter((c) => c.length > 0);
  cues.sort((a, b) => b.length - a.length);
  const wechatRe =
    options.wechat === false || cues.length === 0
      ? null
      : new RegExp(
          `(?:${cues.map(escapeRegExp).join("|")})(?:号|是|id|:|=|-){0,3}([a-z][a-z0-9_-]{5,19}|\\d{5,15})`,
          "gu",
        );
  const qrCues =
    options.qr === false
      ? []
      : (options.qrCues ?? DEFAULT_QR_CUES).map((c) => normalizeText(c).text).filter((c) => c.length > 0);
  return {
    urls: options.urls !== false,
    phones: options.phones !== false,
    domainRe,
    schemeRe,
    wechatRe,
    // the normalised cues are their own labels: a hit's keyword is the cue as normalised
    qr:
      qrCues.length === 0
        ? null
        : compileKeywords(qrCues, { boundaries: "none" }, { fn: "detectAdvertising", path: ["options", "qrCues"] }),
    allowDomains: (options.allowDomains ?? []).map((d) => d.toLowerCase().replace(/^\.+/, "")),
  };
}

export interface TextForms {
  readonly source: string;
  form(level: 0 | 1 | 2): NormalizedText;
}

const STRIP = ["invisible", "whitespace", "separators"] as const;

export function createForms(source: string): TextForms {
  const cache: (NormalizedText | undefined)[] = [undefined, undefined, undefined];
  return {
    source,
    form(level) {
      let f = cache[level];
      if (!f) {
        f = normalizeText(source, { strip: STRIP[level] });
        cache[level] = f;
      }
      return f;
    },
  };
}

const CN_DIGITS: Record<string, string> = {
  零: "0",
  〇: "0",
  一: "1",
  壹: "1",
  幺: "1",
  二: "2",
  贰: "2",
  两: "2",
  三: "3",
  叁: "3",
  四: "4",
  肆: "4",
  五: "5",
  伍: "5",
  六: "6",
  陆: "6",
  七: "7",
  柒: "7",
  八: "8",
  捌: "8",
  九: "9",
  玖: "9",
};

function span(nt: NormalizedText, from: number, to: number): { start: number; end: number; text: string } {
  const start = nt.starts[from] as number;
  const end = nt.ends[to - 1] as number;
  return { start, end, text: nt.source.slice(start, end) };
}

function allowed(domain: string, allow: readonly string[]): boolean {
  return allow.some((a) => domain === a || domain.endsWith(`.${a}`));
}

export function detectWith(d: AdvertisingDetector, forms: TextForms, limit: number): AdvertisingHit[] {
  const hits: AdvertisingHit[] = [];
  if (d.urls) {
    const nt = forms.form(1);
    const covered: [number, number][] = [];
    for (const m of nt.text.matchAll(d.schemeRe)) {
      const hostStart = m.index + m[0].length - (m[1] as string).length;
      const to = firstGap(nt, hostStart + 1, m.index + m[0].length);
      const host = nt.text.slice(hostStart, to).replace(/\.+$/, "");
      const from = m.index;
      covered.push([from, to]);
      if (!allowed(host, d.allowDomains)) hits.push({ detector: "url", value: host, ...span(nt, from, to) });
    }
    // white space was stripped: a gap inside the label is where the domain really starts,
    // and the top-level domain must end at a gap or a non-alphanumeric character
    for (const m of matchesWhere(d.domainRe, nt.text, (m) => endsWord(nt, m.index + m[0].length))) {
      const to = m.index + m[0].length;
      const labelEnd = m.index + (m[1] as string).length;
      const from = lastGap(nt, m.index, labelEnd);
      if (covered.some(([a, b]) => from >= a && to <= b)) continue;
      const domain = `${nt.text.slice(from, labelEnd)}.${m[2] as string}`;
      if (!allowed(domain, d.allowDomains)) hits.push({ detector: "url", value: domain, ...span(nt, from, to) });
    }
  }
  if (d.wechatRe) {
    const nt = forms.form(1);
    // a Latin cue must start a word (`wx` inside `awxyz` is no cue); the id ends at the first gap
    const startsWord = (m: RegExpExecArray): boolean =>
      !/^[a-z]/.test(m[0]) ||
      m.index === 0 ||
      nt.gapBefore[m.index] === 1 ||
      !/[a-z0-9]/.test(nt.text[m.index - 1] as string);
    for (const m of matchesWhere(d.wechatRe, nt.text, startsWord)) {
      const id = m[1] as string;
      const idStart = m.index + m[0].length - id.length;
      const idEnd = firstGap(nt, idStart + 1, idStart + id.length);
      if (idEnd - idStart < (/^\d/.test(id) ? 5 : 6)) continue;
      hits.push({ detector: "wechat", value: nt.text.slice(idStart, idEnd), ...span(nt, m.index, idEnd) });
    }
  }
  if (d.phones) hits.push(...findPhones(forms.form(2)));
  if (d.qr) {
    const nt = forms.form(2);
    for (const h of findKeywords(d.qr, nt, { limit }))
      hits.push({ detector: "qr", value: h.keyword, start: h.start, end: h.end, text: h.text });
  }
  hits.sort((a, b) => a.start - b.start || a.end - b.end);
  return hits.slice(0, limit);
}

/**
 * Mainland China mobile numbers (11 digits, `1[3-9]…`, optional `86`), written with any
 * separators between digit groups or in Chinese numerals; a number must start and end on a
 * group boundary so that it is never cut out of a longer number.
 */
function findPhones(nt: NormalizedText): AdvertisingHit[] {
  const hits: AdvertisingHit[] = [];
  const text = nt.text;
  let i = 0;
  while (i < text.length) {
    if (digitAt(text, i) === null) {
      i++;
      continue;
    }
    // a maximal run of digits, split into groups where a separator was removed
    const groups: [number, number][] = [];
    let j = i;
    let groupStart = i;
    while (j < text.length && digitAt(text, j) !== null) {
      if (j > i && nt.gapBefore[j] === 1) {
        groups.push([groupStart, j]);
        groupStart = j;
      }
      j++;
    }
    groups.push([groupStart, j]);
    for (let g = 0; g < groups.length; g++) {
      let digits = "";
      for (let h = g; h < groups.length && digits.length < 13; h++) {
        const [a, b] = groups[h] as [number, number];
        for (let k = a; k < b; k++) digits += digitAt(text, k);
        if (/^(?:86)?1[3-9]\d{9}$/.test(digits)) {
          hits.push({
            detector: "phone",
            value: digits.slice(-11),
            ...span(nt, (groups[g] as [number, number])[0], b),
          });
          g = h;
          break;
        }
      }
    }
    i = j;
  }
  return hits;
}

function digitAt(text: string, i: number): string | null {
  const c = text.charCodeAt(i);
  if (c >= 0x30 && c <= 0x39) return text[i] as string;
  return CN_DIGITS[text[i] as string] ?? null;
}

function endsWord(nt: NormalizedText, to: number): boolean {
  return to >= nt.text.length || nt.gapBefore[to] === 1 || !/[a-z0-9]/.test(nt.text[to] as string);
}

/** The last index in (from, to) where a gap precedes, or `from`. */
function lastGap(nt: NormalizedText, from: number, to: number): number {
  for (let k = to - 1; k > from; k--) if (nt.gapBefore[k] === 1) return k;
  return from;
}

/** The first index in [from, to) where a gap precedes, or `to`. */
function firstGap(nt: NormalizedText, from: number, to: number): number {
  for (let k = from; k < to; k++) if (nt.gapBefore[k] === 1) return k;
  return to;
}

/**
 * Like `text.matchAll(re)`, but a match that `accept` refuses does not consume its text:
 * the search resumes one unit after its start. Works on a private copy of `re`.
 */
function matchesWhere(re: RegExp, text: string, accept: (m: RegExpExecArray) => boolean): RegExpExecArray[] {
  const copy = new RegExp(re.source, re.flags);
  const out: RegExpExecArray[] = [];
  for (let m = copy.exec(text); m !== null; m = copy.exec(text)) {
    if (accept(m)) out.push(m);
    else copy.lastIndex = m.index + 1;
    if (m[0].length === 0) copy.lastIndex = Math.max(copy.lastIndex, m.index + 1);
  }
  return out;
}
