/**
 * Text runs of shared strings and inline strings: `<t>` directly, or the `<t>` of each rich-text
 * run `<r>`, joined; phonetic guides (`<rPh>`, furigana) are not part of the cell's text.
 */
import { MESSAGES, WorkbookReadError } from './errors';
import type { Attrs, XmlSink } from './xml';
import type { Package } from './parts';

/** `_x000D_` is how OOXML writes characters XML cannot hold; decode it back. */
export function decodeEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9a-fA-F]{4})_/g, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/**
 * Collects the text of one string item (`<si>` or `<is>`); the owner forwards the events between
 * the item's start and end tags.
 */
export class RichText {
  private parts: string[] = [];
  private phonetic = 0;
  /** set while inside a `<t>` the text belongs to */
  capture = false;

  start(): void {
    this.parts = [];
    this.phonetic = 0;
    this.capture = false;
  }

  open(name: string): void {
    if (name === 'rPh') this.phonetic++;
    else if (name === 't' && this.phonetic === 0) this.capture = true;
  }

  close(name: string): void {
    if (name === 'rPh') this.phonetic--;
    else if (name === 't') this.capture = false;
  }

  text(s: string): void {
    this.parts.push(s);
  }

  value(): string {
    const joined = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    return decodeEscapes(joined);
  }
}

/** All shared strings of the workbook, in order; more than `limit` is a too-large workbook. */
export function readSharedStrings(pkg: Package, part: string | undefined, limit: number): string[] {
  const out: string[] = [];
  if (!part) return out;
  const item = new RichText();
  let inItem = false;
  const sink: XmlSink = {
    capture: false,
    open(name: string, _attrs: Attrs) {
      if (name === 'si') {
        inItem = true;
        item.start();
      } else if (inItem) {
        item.open(name);
        sink.capture = item.capture;
      }
    },
    close(name: string) {
      if (name === 'si') {
        inItem = false;
        if (out.push(item.value()) > limit) {
          throw new WorkbookReadError('too-large', MESSAGES.tooManyCells(limit));
        }
      } else if (inItem) {
        item.close(name);
        sink.capture = item.capture;
      }
    },
    text(s: string) {
      item.text(s);
    },
  };
  pkg.parse(part, sink);
  return out;
}
