/**
 * Review remarks kept in the workbook as a custom XML part (`customXml/itemN.xml` in the .xlsx):
 * one element in a fixed namespace whose text is the versioned JSON of `encodeRemarks`, with the
 * time it was saved. A custom XML part travels with the file: it survives save, reopen and another
 * user's machine, and any add-in or tool that knows the namespace reads it (document settings are
 * keyed to one add-in id and limited to about 2 MB).
 *
 *   <remarks xmlns="urn:jixiao:review-remarks:1" saved="2026-03-01T08:00:00.000Z">{"version":1,…}</remarks>
 */

export const REMARKS_NAMESPACE = 'urn:jixiao:review-remarks:1';
const ELEMENT = 'remarks';

/** Characters XML 1.0 does not allow. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The part's XML for the remarks text. JSON never holds those characters outside its strings, so
 * inside them they are written as JSON `\uXXXX` escapes, which read back as the same text; `&`,
 * `<`, `>` and `\r` become XML references.
 */
export function remarksPartXml(text: string, saved: string): string {
  const body = text
    .replace(NOT_XML, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
  return `<${ELEMENT} xmlns="${REMARKS_NAMESPACE}" saved="${escapeAttribute(saved)}">${body}</${ELEMENT}>`;
}

function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

export type RemarksPart =
  { readonly ok: true; readonly text: string; readonly saved: string } | { readonly ok: false };

const PROLOG = /^\uFEFF?\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*/;
const ROOT_START =
  /^<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;

/**
 * Reads a part written by `remarksPartXml` (or rewritten by Excel or another tool: declaration,
 * namespace prefix, quotes, character references and CDATA may differ). Anything else, a text
 * that is not JSON with a `version`, or a broken document is `{ ok: false }`; never throws.
 */
export function readRemarksPart(xml: string): RemarksPart {
  const rest = xml.replace(PROLOG, '');
  const start = ROOT_START.exec(rest);
  if (!start || start[2] !== ELEMENT || start[4] === '/') return { ok: false };
  const prefix = start[1] ?? '';
  const attrs = new Map<string, string>();
  for (const m of start[3].matchAll(ATTRIBUTE))
    attrs.set(m[1], decodeText(m[2] ?? m[3] ?? '') ?? '');
  if (attrs.get(prefix ? `xmlns:${prefix}` : 'xmlns') !== REMARKS_NAMESPACE) return { ok: false };
  const close = `</${prefix ? `${prefix}:` : ''}${ELEMENT}>`;
  const end = rest.lastIndexOf(close);
  if (end < start[0].length) return { ok: false };
  const after = rest.slice(end + close.length).replace(/<!--[\s\S]*?-->/g, '');
  if (after.trim() !== '') return { ok: false };
  const text = textContent(rest.slice(start[0].length, end));
  if (text === null || !isVersionedJson(text)) return { ok: false };
  return { ok: true, text, saved: attrs.get('saved') ?? '' };
}

/** Character data with CDATA sections and references resolved; null when it holds markup. */
function textContent(inner: string): string | null {
  let out = '';
  let i = 0;
  while (i < inner.length) {
    const cdata = inner.indexOf('<![CDATA[', i);
    const next = cdata < 0 ? inner.length : cdata;
    const chunk = inner.slice(i, next).replace(/\r\n?/g, '\n');
    if (chunk.includes('<')) return null;
    const text = decodeText(chunk);
    if (text === null) return null;
    out += text;
    if (cdata < 0) break;
    const close = inner.indexOf(']]>', cdata);
    if (close < 0) return null;
    out += inner.slice(cdata + 9, close).replace(/\r\n?/g, '\n');
    i = close + 3;
  }
  return out;
}

const NAMED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** XML text with its references decoded; null for a bare `&` or an unknown entity. */
function decodeText(s: string): string | null {
  let bad = false;
  const out = s.replace(/&([^;&\s]*);?/g, (all, ref: string) => {
    if (!all.endsWith(';')) bad = true;
    const code = /^#x([0-9a-f]+)$/i.exec(ref)?.[1];
    const dec = /^#(\d+)$/.exec(ref)?.[1];
    if (code || dec) {
      const n = code ? parseInt(code, 16) : Number(dec);
      if (n > 0x10ffff) bad = true;
      return bad ? '' : String.fromCodePoint(n);
    }
    const named = NAMED[ref];
    if (named === undefined) bad = true;
    return named ?? '';
  });
  return bad ? null : out;
}

function isVersionedJson(text: string): boolean {
  try {
    const data = JSON.parse(text) as unknown;
    return (
      typeof data === 'object' &&
      data !== null &&
      typeof (data as { version?: unknown }).version === 'number'
    );
  } catch {
    return false;
  }
}

/**
 * Of several parts in the namespace, the newest readable one (by its `saved` time; the later one
 * in the workbook when equal). `unreadable` when there are parts but none can be read.
 */
export function newestRemarks(
  xmls: ReadonlyArray<string>,
): { readonly text: string } | 'none' | 'unreadable' {
  let best: { text: string; saved: string } | null = null;
  for (const xml of xmls) {
    const part = readRemarksPart(xml);
    if (part.ok && (!best || part.saved >= best.saved)) best = part;
  }
  if (best) return { text: best.text };
  return xmls.length === 0 ? 'none' : 'unreadable';
}
