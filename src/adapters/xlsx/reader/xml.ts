/**
 * A small streaming XML tokenizer for the few SpreadsheetML parts the reader needs. It takes text
 * in chunks and calls its sink for each start tag, end tag and (when the sink asks for it) text.
 * It never builds a tree, never expands a DTD entity and never holds more than one chunk plus one
 * unfinished tag or text run, so an inflated part of any size costs a bounded amount of memory.
 */
import { ReadFailure } from './errors';

/** The attributes of the tag being reported; valid only during the `open` call. */
export class Attrs {
  private readonly names: string[] = [];
  private readonly values: string[] = [];
  private count = 0;

  /** The attribute's value (entities decoded), or undefined. Prefixes must match as written. */
  get(name: string): string | undefined {
    for (let i = 0; i < this.count; i++) {
      if (this.names[i] === name) return decodeEntities(this.values[i]);
    }
    return undefined;
  }

  /** The value of the first attribute whose local name (after any prefix) is `local`. */
  getLocal(local: string): string | undefined {
    const suffix = `:${local}`;
    for (let i = 0; i < this.count; i++) {
      const n = this.names[i];
      if (n === local || n.endsWith(suffix)) return decodeEntities(this.values[i]);
    }
    return undefined;
  }

  /** @internal */
  reset(): void {
    this.count = 0;
  }

  /** @internal */
  add(name: string, value: string): void {
    this.names[this.count] = name;
    this.values[this.count] = value;
    this.count++;
  }
}

/** What the tokenizer reports to. Element names come without their namespace prefix. */
export interface XmlSink {
  open(name: string, attrs: Attrs): void;
  close(name: string): void;
  /** text inside elements, entities decoded; called only while `capture` is true */
  text(text: string): void;
  /** set by the sink (usually in `open`) when it wants the text that follows */
  capture: boolean;
}

/** Longest tag or text run accepted; Excel's own limit on a cell's text is 32,767 characters. */
const MAX_TOKEN = 1 << 20;

export class XmlTokenizer {
  private buf = '';
  private readonly attrs = new Attrs();

  constructor(private readonly sink: XmlSink) {}

  /** Feeds the next piece of text; tokens split across pieces are kept until they are whole. */
  write(chunk: string): void {
    const s = this.buf.length > 0 ? this.buf + chunk : chunk;
    const end = this.scan(s);
    this.buf = end < s.length ? s.slice(end) : '';
    if (this.buf.length > MAX_TOKEN) throw new ReadFailure('corrupt');
  }

  /** Ends the input; text left over outside any tag is ignored. */
  end(): void {
    if (this.buf.trim() !== '' && this.buf.includes('<')) throw new ReadFailure('corrupt');
    this.buf = '';
  }

  /** Reports every whole token of `s`; returns where the unfinished rest starts. */
  private scan(s: string): number {
    const sink = this.sink;
    const len = s.length;
    let pos = 0;
    while (pos < len) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        // Text with no tag after it yet: keep it only if the sink wants it.
        return sink.capture ? pos : len;
      }
      if (lt > pos && sink.capture) sink.text(decodeEntities(s.slice(pos, lt)));
      if (lt + 1 >= len) return lt;
      const c = s.charCodeAt(lt + 1);
      if (c === 0x21 /* ! */) {
        const next = this.special(s, lt);
        if (next < 0) return lt;
        pos = next;
        continue;
      }
      if (c === 0x3f /* ? */) {
        const gt = s.indexOf('?>', lt + 2);
        if (gt < 0) return lt;
        pos = gt + 2;
        continue;
      }
      const gt = tagEnd(s, lt + 1);
      if (gt < 0) return lt;
      if (c === 0x2f /* / */) {
        sink.close(localName(s.slice(lt + 2, gt).trim()));
      } else {
        const selfClosing = s.charCodeAt(gt - 1) === 0x2f;
        const name = this.readTag(s, lt + 1, selfClosing ? gt - 1 : gt);
        sink.open(name, this.attrs);
        if (selfClosing) sink.close(name);
      }
      pos = gt + 1;
    }
    return pos;
  }

  /** Comments and CDATA; a DOCTYPE is refused (OOXML parts have none, and entities are a risk). */
  private special(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const e = s.indexOf('-->', lt + 4);
      return e < 0 ? -1 : e + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const e = s.indexOf(']]>', lt + 9);
      if (e < 0) return -1;
      if (this.sink.capture) this.sink.text(s.slice(lt + 9, e));
      return e + 3;
    }
    if (s.length - lt < 9) return -1;
    throw new ReadFailure('corrupt');
  }

  /** Parses `name a="1" b='2'` between `from` and `to` into the shared Attrs; returns the local name. */
  private readTag(s: string, from: number, to: number): string {
    const attrs = this.attrs;
    attrs.reset();
    let i = from;
    while (i < to && !isSpace(s.charCodeAt(i))) i++;
    const name = localName(s.slice(from, i));
    while (i < to) {
      while (i < to && isSpace(s.charCodeAt(i))) i++;
      if (i >= to) break;
      const eq = s.indexOf('=', i);
      if (eq < 0 || eq >= to) throw new ReadFailure('corrupt');
      const attrName = s.slice(i, eq).trim();
      let q = eq + 1;
      while (q < to && isSpace(s.charCodeAt(q))) q++;
      const quote = s.charCodeAt(q);
      if (quote !== 0x22 && quote !== 0x27) throw new ReadFailure('corrupt');
      const close = s.indexOf(quote === 0x22 ? '"' : "'", q + 1);
      if (close < 0 || close >= to) throw new ReadFailure('corrupt');
      attrs.add(attrName, s.slice(q + 1, close));
      i = close + 1;
    }
    return name;
  }
}

/** Index of the `>` that ends the tag starting before `from`, skipping quoted attribute values. */
function tagEnd(s: string, from: number): number {
  let quote = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x3e) return i;
    else if (c === 0x22 || c === 0x27) quote = c;
  }
  return -1;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references; anything else stays as written. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, body: string) => {
    if (body.charCodeAt(0) === 0x23) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[body] ?? m;
  });
}
