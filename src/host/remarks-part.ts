/**
 * Where both hosts keep the review remarks in the workbook: one custom XML part whose root element
 * is in `REMARKS_NAMESPACE` and holds the versioned JSON text of `encodeRemarks` (src/review),
 * escaped as element text. The Office host adds it with `workbook.customXmlParts.add` and finds it
 * with `getByNamespace(REMARKS_NAMESPACE)`; the in-memory host writes it as `customXml/itemN.xml`
 * of the downloaded file. A workbook reviewed in one therefore shows the same remarks in the other.
 */

export const REMARKS_NAMESPACE = 'urn:jixiao:review-remarks:1';
const ROOT = 'remarks';

/** The custom XML part that keeps `text`. */
export function remarksPartXml(text: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${ROOT} xmlns="${REMARKS_NAMESPACE}">${escapeText(text)}</${ROOT}>`;
}

/**
 * The text kept in a part written by `remarksPartXml` (also after Office re-serialised it: another
 * prefix, CDATA, character references); null when the XML is not such a part.
 */
export function remarksFromPartXml(xml: string): string | null {
  const body = xml.replace(/^\uFEFF/, '').replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, '');
  const open =
    /<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(
      body,
    );
  if (!open || open[2] !== ROOT) return null;
  const prefix = open[1];
  const xmlns = prefix ? `xmlns:${prefix}` : 'xmlns';
  let ns: string | null = null;
  for (const m of open[3].matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    if (m[1] === xmlns) ns = unescapeText(m[2] ?? m[3] ?? '');
  if (ns !== REMARKS_NAMESPACE) return null;
  if (open[4] === '/') return '';
  const close = `</${prefix ? `${prefix}:` : ''}${ROOT}>`;
  const start = open.index + open[0].length;
  const end = body.lastIndexOf(close);
  if (end < start) return null;
  let out = '';
  const content = body.slice(start, end);
  // CDATA sections are kept as they are; everything else is unescaped
  const cdata = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
  let at = 0;
  for (const m of content.matchAll(cdata)) {
    out += unescapeText(content.slice(at, m.index));
    out += m[1];
    at = (m.index ?? 0) + m[0].length;
  }
  return out + unescapeText(content.slice(at));
}

/** Element text: `&`, `<`, `>` and carriage returns as references, so that parsing gives them back. */
export function escapeText(s: string): string {
  return s.replace(/[&<>\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;',
  );
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** The five predefined entities and numeric character references. */
export function unescapeText(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? whole;
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
