/**
 * A small streaming XML tokenizer for the few SpreadsheetML parts the reader needs. It takes text
 * in chunks and calls its sink for each start tag, end tag and (when the sink asks for it) text.
 * It never builds a tree, never expands a DTD entity and never holds more than one chunk plus one
 * unfinished tag or text run, so an inflated part of any size costs a bounded amount of memory.
 */
import { ReadFailure } from './errors';

/**
 * The attributes of the tag being reported; valid only during the `open` call. Kept as positions in
 * the text, so that attributes nobody asks for cost nothing.
 */
export class Attrs {
  private src = '';
  private pos: number[] = [];
  private count = 0;

  /** The attribute's value (entities decoded), or undefined. Prefixes must match as written. */
  get(name: string): string | undefined {
    const i = this.find(name, false);
    return i < 0 ? undefined : this.value(i);
  }

  /** The value of the first attribute whose local name (after any prefix) is `local`. */
  getLocal(local: string): string | undefined {
    const i = this.find(local, true);
    return i < 0 ? undefined : this.value(i);
  }

  private find(name: string, local: boolean): number {
    const { src, pos } = this;
    for (let i = 0; i < this.count; i++) {
      const start = pos[4 * i];
      const end = pos[4 * i + 1];
      const len = end - start;
      if (len === name.length) {
        if (src.startsWith(name, start)) return i;
      } else if (local && len > name.length && src.charCodeAt(end - name.length - 1) === 0x3a) {
        if (src.startsWith(name, end - name.length)) return i;
      }
    }
    return -1;
  }

  private value(i: number): string {
    const v = this.src.slice(this.pos[4 * i + 2], this.pos[4 * i + 3]);
    return v.indexOf('&') < 0 ? v : decodeEntities(v);
  }

  /** @internal */
  reset(src: string): void {
    this.src = src;
    this.count = 0;
  }

  /** @internal positions of one attribute's name and value in the text */
  add(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    const at = 4 * this.count++;
    this.pos[at] = nameStart;
    this.pos[at + 1] = nameEnd;
    this.pos[at + 2] = valueStart;
    this.pos[at + 3] = valueEnd;
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
      let next: number;
      if (c === 0x2f /* / */) {
        const gt = s.indexOf('>', lt + 2);
        if (gt >= 0) sink.close(localName(s, lt + 2, trimEnd(s, lt + 2, gt)));
        next = gt < 0 ? -1 : gt + 1;
      } else if (c === 0x21 /* ! */) {
        next = this.special(s, lt);
      } else if (c === 0x3f /* ? */) {
        const gt = s.indexOf('?>', lt + 2);
        next = gt < 0 ? -1 : gt + 2;
      } else {
        next = this.startTag(s, lt + 1);
      }
      if (next < 0) return lt;
      pos = next;
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

  /**
   * Reads the start tag whose name begins at `from` (`name a="1" b='2'>` or `…/>`), reports it, and
   * returns the index after its `>`; -1 when the tag is not complete yet.
   */
  private startTag(s: string, from: number): number {
    const len = s.length;
    let i = from;
    let c = 0;
    while (i < len) {
      c = s.charCodeAt(i);
      if (c === 0x3e || c === 0x2f || isSpace(c)) break;
      i++;
    }
    if (i >= len) return -1;
    const name = localName(s, from, i);
    const attrs = this.attrs;
    attrs.reset(s);
    for (;;) {
      while (i < len && isSpace(s.charCodeAt(i))) i++;
      if (i >= len) return -1;
      c = s.charCodeAt(i);
      if (c === 0x3e) {
        this.sink.open(name, attrs);
        return i + 1;
      }
      if (c === 0x2f) {
        if (i + 1 >= len) return -1;
        if (s.charCodeAt(i + 1) !== 0x3e) throw new ReadFailure('corrupt');
        this.sink.open(name, attrs);
        this.sink.close(name);
        return i + 2;
      }
      const eq = s.indexOf('=', i);
      if (eq < 0) return -1;
      const nameEnd = trimEnd(s, i, eq);
      let q = eq + 1;
      while (q < len && isSpace(s.charCodeAt(q))) q++;
      if (q >= len) return -1;
      const quote = s.charCodeAt(q);
      if (quote !== 0x22 && quote !== 0x27) throw new ReadFailure('corrupt');
      const close = s.indexOf(quote === 0x22 ? '"' : "'", q + 1);
      if (close < 0) return -1;
      attrs.add(i, nameEnd, q + 1, close);
      i = close + 1;
    }
  }
}

/** Index after the last non-space character of s[from, to). */
function trimEnd(s: string, from: number, to: number): number {
  while (to > from && isSpace(s.charCodeAt(to - 1))) to--;
  return to;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Element names seen so far, by length and first and last character: a part has only a few. */
const NAMES = new Map<number, string>();

/** The name in s[from, to) without its namespace prefix, without a new string for a known name. */
function localName(s: string, from: number, to: number): string {
  for (let i = from; i < to; i++) {
    if (s.charCodeAt(i) === 0x3a) {
      from = i + 1;
      break;
    }
  }
  const len = to - from;
  if (len === 0 || len > 32) return s.slice(from, to);
  const key = (len << 16) | ((s.charCodeAt(from) & 0xff) << 8) | (s.charCodeAt(to - 1) & 0xff);
  const known = NAMES.get(key);
  if (known !== undefined && s.startsWith(known, from)) return known;
  const name = s.slice(from, to);
  if (NAMES.size < 4096) NAMES.set(key, name);
  return name;
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
