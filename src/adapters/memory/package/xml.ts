/**
 * A small XML scanner for patching parts in place: it finds tags with their offsets in the text, so
 * that a patch replaces exactly the elements it changes and copies everything else as it was.
 * Namespace prefixes are ignored (`x:c` is `c`); comments, CDATA and processing instructions are
 * skipped.
 */

export interface Tag {
  /** offset of `<` */
  readonly start: number;
  /** offset just after `>` */
  readonly end: number;
  /** local name, without prefix */
  readonly name: string;
  /** `</x>` */
  readonly closing: boolean;
  /** `<x/>` */
  readonly empty: boolean;
}

/** The next tag at or after `from`, or null. */
export function nextTag(xml: string, from: number): Tag | null {
  let i = xml.indexOf('<', from);
  while (i >= 0) {
    const c = xml.charCodeAt(i + 1);
    if (c === 0x21 /* ! */) {
      if (xml.startsWith('<!--', i)) i = skipTo(xml, '-->', i);
      else if (xml.startsWith('<![CDATA[', i)) i = skipTo(xml, ']]>', i);
      else i = skipTo(xml, '>', i);
      i = xml.indexOf('<', i);
      continue;
    }
    if (c === 0x3f /* ? */) {
      i = xml.indexOf('<', skipTo(xml, '?>', i));
      continue;
    }
    const closing = c === 0x2f; /* / */
    const end = tagEnd(xml, i);
    if (end < 0) return null;
    const n = i + (closing ? 2 : 1);
    let nameEnd = n;
    while (nameEnd < end && !isSpaceOrEnd(xml.charCodeAt(nameEnd))) nameEnd++;
    const qname = xml.slice(n, nameEnd);
    const colon = qname.indexOf(':');
    return {
      start: i,
      end,
      name: colon >= 0 ? qname.slice(colon + 1) : qname,
      closing,
      empty: !closing && xml.charCodeAt(end - 2) === 0x2f,
    };
  }
  return null;
}

function skipTo(xml: string, marker: string, from: number): number {
  const j = xml.indexOf(marker, from);
  return j < 0 ? xml.length : j + marker.length;
}

function isSpaceOrEnd(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3e || c === 0x2f;
}

/** Offset after the `>` closing the tag that starts at `start` (quotes respected). */
function tagEnd(xml: string, start: number): number {
  let quote = 0;
  for (let i = start + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i + 1;
  }
  return -1;
}

/** The end of the element whose start tag is `open` (just after its end tag). */
export function elementEnd(xml: string, open: Tag): number {
  if (open.empty || open.closing) return open.end;
  let depth = 0;
  for (let t = nextTag(xml, open.end); t; t = nextTag(xml, t.end)) {
    if (t.name !== open.name) continue;
    if (t.closing) {
      if (depth === 0) return t.end;
      depth--;
    } else if (!t.empty) depth++;
  }
  return xml.length;
}

/** Calls `visit(name, start, end)` for each attribute of a start tag (value between start and end). */
function eachAttr(
  xml: string,
  tag: Tag,
  visit: (name: string, start: number, end: number) => boolean | void,
): void {
  let i = tag.start + 1;
  const stop = tag.end - 1;
  while (i < stop && !isSpaceOrEnd(xml.charCodeAt(i))) i++;
  while (i < stop) {
    let c = xml.charCodeAt(i);
    while (i < stop && (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d))
      c = xml.charCodeAt(++i);
    const nameStart = i;
    while (i < stop && c !== 0x3d && c !== 0x20 && c !== 0x2f && c !== 0x3e)
      c = xml.charCodeAt(++i);
    const name = xml.slice(nameStart, i);
    while (i < stop && xml.charCodeAt(i) !== 0x3d) i++;
    i++;
    while (i < stop && xml.charCodeAt(i) !== 0x22 && xml.charCodeAt(i) !== 0x27) i++;
    if (i >= stop) return;
    const quote = xml.charCodeAt(i);
    const valueStart = i + 1;
    const valueEnd = xml.indexOf(String.fromCharCode(quote), valueStart);
    if (valueEnd < 0 || valueEnd > stop) return;
    if (name && visit(name, valueStart, valueEnd) === true) return;
    i = valueEnd + 1;
  }
}

/** Attributes of a start tag, by qualified name (`r`, `xml:space`, `r:id`). */
export function attrs(xml: string, tag: Tag): Map<string, string> {
  const out = new Map<string, string>();
  eachAttr(xml, tag, (name, start, end) => {
    out.set(name, unescapeAttr(xml.slice(start, end)));
  });
  return out;
}

/** One attribute of a start tag by local name, or undefined. */
export function attr(xml: string, tag: Tag, local: string): string | undefined {
  let out: string | undefined;
  eachAttr(xml, tag, (name, start, end) => {
    const colon = name.indexOf(':');
    if (colon < 0 ? name === local : name.slice(colon + 1) === local && !name.startsWith('xmlns')) {
      out = unescapeAttr(xml.slice(start, end));
      return true;
    }
    return false;
  });
  return out;
}

/**
 * The start tag with attribute `name` set to `value` (added before the end when missing), or
 * removed when `value` is null.
 */
export function setAttr(tagText: string, name: string, value: string | null): string {
  const re = new RegExp(`(\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (re.test(tagText))
    return value === null
      ? tagText.replace(re, '')
      : tagText.replace(re, `$1${name}="${escapeAttr(value)}"`);
  if (value === null) return tagText;
  const close = tagText.endsWith('/>') ? tagText.length - 2 : tagText.length - 1;
  return `${tagText.slice(0, close)} ${name}="${escapeAttr(value)}"${tagText.slice(close)}`;
}

/** The prefix of a tag (`x` for `<x:c`), '' when none. */
export function prefixOf(xml: string, tag: Tag): string {
  const s = xml.slice(tag.start + (tag.closing ? 2 : 1), tag.start + 64);
  const m = /^([A-Za-z_][\w.-]*):/.exec(s);
  return m ? m[1] : '';
}

/** The text between an element's start and end tags, unescaped. */
export function textOf(xml: string, open: Tag): string {
  if (open.empty) return '';
  const end = elementEnd(xml, open);
  const inner = xml.slice(open.end, end).replace(/<\/[^>]*>$/, '');
  return unescapeAttr(inner.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, c: string) => escape(c)));
}

const escape = (s: string): string => escapeText(s);

/** Element text: `&`, `<`, `>` and carriage returns as references, so that parsing gives them back. */
export function escapeText(s: string): string {
  return s.replace(/[&<>\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;',
  );
}

/** Attribute text: the element-text escapes plus quotes and whitespace characters. */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\r\n\t]/g, (c) =>
    c === '&'
      ? '&amp;'
      : c === '<'
        ? '&lt;'
        : c === '>'
          ? '&gt;'
          : c === '"'
            ? '&quot;'
            : `&#${c.charCodeAt(0)};`,
  );
}

export function unescapeAttr(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
    }
  });
}

/**
 * Cell text as OOXML stores it: characters XML 1.0 cannot hold as `_xHHHH_`, and an underscore that
 * would read as such an escape written as `_x005F_`, then the XML escapes.
 */
export function cellText(s: string): string {
  const ooxml = s
    .replace(/_(x[0-9a-fA-F]{4}_)/g, '_x005F_$1')
    .replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return escapeText(ooxml);
}

/** Characters XML 1.0 cannot hold (controls other than tab and line ends, U+FFFE, U+FFFF). */
// eslint-disable-next-line no-control-regex
const NOT_XML = new RegExp('[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]', 'g');

/** Top-level children of the element opened by `open`: each child's start tag and end offset. */
export function children(xml: string, open: Tag): Array<{ tag: Tag; end: number }> {
  const out: Array<{ tag: Tag; end: number }> = [];
  if (open.empty) return out;
  const stop = elementEnd(xml, open);
  for (let t = nextTag(xml, open.end); t && t.start < stop;) {
    if (t.closing) {
      t = nextTag(xml, t.end);
      continue;
    }
    const end = elementEnd(xml, t);
    out.push({ tag: t, end });
    t = nextTag(xml, end);
  }
  return out;
}

/** The first element named `name` at or after `from`, or null. */
export function findTag(xml: string, name: string, from = 0): Tag | null {
  for (let t = nextTag(xml, from); t; t = nextTag(xml, t.end))
    if (!t.closing && t.name === name) return t;
  return null;
}

/** The root element's start tag. */
export function rootTag(xml: string): Tag | null {
  const t = nextTag(xml, 0);
  return t && !t.closing ? t : null;
}
