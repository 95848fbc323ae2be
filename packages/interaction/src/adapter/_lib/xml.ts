import { failure, type Result } from "@ops/core";
import type { AdapterFailure } from "../PlatformAdapter";

/** A parsed XML element's children: text values, or nested elements. */
export interface XmlNode {
  readonly [name: string]: string | XmlNode;
}

const MAX_DEPTH = 16;
const MAX_LENGTH = 1_000_000;

/**
 * Parses the small XML documents WeChat pushes (`<xml><ToUserName><![CDATA[…]]></ToUserName>…</xml>`)
 * into nested records. Supports elements, text, CDATA, the five predefined entities and
 * numeric character references; refuses DOCTYPE / ENTITY declarations (no XXE), mixed
 * content, attributes on elements it does not need and anything malformed — as a
 * `malformed_payload` failure, never a throw. A repeated element keeps its first value.
 */
export function parseXml(text: unknown): Result<XmlNode, AdapterFailure> {
  if (typeof text !== "string") return bad("body must be text");
  if (text.length > MAX_LENGTH) return bad("body is too large");
  let s = text.replace(/^\uFEFF/, "").trim();
  if (s.startsWith("<?xml")) {
    const end = s.indexOf("?>");
    if (end < 0) return bad("unterminated XML declaration");
    s = s.slice(end + 2).trim();
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(s)) return bad("DOCTYPE and ENTITY declarations are refused");
  const state = { s, i: 0 };
  const root = element(state, 0);
  if (!root.ok) return root;
  skipSpace(state);
  if (state.i !== s.length) return bad("content after the root element");
  if (typeof root.value.value === "string") return bad("the root element has no child elements");
  return { ok: true, value: root.value.value };
}

interface State {
  s: string;
  i: number;
}

function bad(message: string): { ok: false; error: AdapterFailure } {
  return { ok: false, error: failure("malformed_payload", `body is not well-formed XML: ${message}`) };
}

function skipSpace(st: State): void {
  while (st.i < st.s.length && /\s/.test(st.s[st.i] as string)) st.i++;
}

function element(st: State, depth: number): Result<{ name: string; value: string | XmlNode }, AdapterFailure> {
  if (depth > MAX_DEPTH) return bad("nesting is too deep");
  skipSpace(st);
  const open = /^<([A-Za-z_][\w.-]{0,127})\s*(\/?)>/.exec(st.s.slice(st.i, st.i + 140));
  if (!open) return bad(`expected an opening tag at offset ${st.i}`);
  const name = open[1] as string;
  st.i += open[0].length;
  if (open[2] === "/") return { ok: true, value: { name, value: "" } };
  const close = `</${name}>`;
  const children: Record<string, string | XmlNode> = {};
  let text = "";
  let sawChild = false;
  for (;;) {
    if (st.i >= st.s.length) return bad(`unterminated element <${name}>`);
    if (st.s.startsWith(close, st.i)) {
      st.i += close.length;
      if (sawChild) {
        if (text.trim() !== "") return bad(`mixed text and elements in <${name}>`);
        return { ok: true, value: { name, value: children } };
      }
      return { ok: true, value: { name, value: text } };
    }
    if (st.s.startsWith("<![CDATA[", st.i)) {
      const end = st.s.indexOf("]]>", st.i + 9);
      if (end < 0) return bad("unterminated CDATA section");
      text += st.s.slice(st.i + 9, end);
      st.i = end + 3;
      continue;
    }
    if (st.s.startsWith("<!--", st.i)) {
      const end = st.s.indexOf("-->", st.i + 4);
      if (end < 0) return bad("unterminated comment");
      st.i = end + 3;
      continue;
    }
    if (st.s[st.i] === "<") {
      if (st.s[st.i + 1] === "/") return bad(`mismatched closing tag in <${name}>`);
      const child = element(st, depth + 1);
      if (!child.ok) return child;
      sawChild = true;
      if (child.value.name === "__proto__") return bad("element name __proto__ is refused");
      if (!Object.hasOwn(children, child.value.name)) children[child.value.name] = child.value.value;
      continue;
    }
    const next = st.s.indexOf("<", st.i);
    const chunk = st.s.slice(st.i, next < 0 ? st.s.length : next);
    const decoded = decodeEntities(chunk);
    if (decoded === null) return bad(`an unknown entity in <${name}>`);
    text += decoded;
    st.i += chunk.length;
  }
}

/** The five predefined XML entities, in a map with no prototype (`&constructor;` is not an entity). */
const ENTITIES: Readonly<Record<string, string>> = /* @__PURE__ */ Object.assign(
  Object.create(null) as Record<string, string>,
  { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" },
);

function decodeEntities(chunk: string): string | null {
  let ok = true;
  const out = chunk.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-z]+);?/g, (m, body: string) => {
    if (body.startsWith("#")) {
      const code = body[1] === "x" ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      if (!Number.isInteger(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        ok = false;
        return m;
      }
      return String.fromCodePoint(code);
    }
    const v = Object.hasOwn(ENTITIES, body) ? ENTITIES[body] : undefined;
    if (v === undefined || !m.endsWith(";")) {
      ok = false;
      return m;
    }
    return v;
  });
  return ok ? out : null;
}

/** Escapes text for XML (used in tests and outbound XML). */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
