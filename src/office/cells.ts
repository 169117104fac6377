/** Conversions between Excel's values and the engine's cell values, and address parsing. */
import { rangeFromA1, type CellValue, type Range } from '../engine';

type RangeValueType = Excel.RangeValueType | `${Excel.RangeValueType}`;

/** One cell read from Excel (`values` + `valueTypes`) as an engine value. */
export function fromExcel(value: unknown, type: RangeValueType | string): CellValue {
  switch (type) {
    case 'Empty':
      return null;
    case 'Error':
      return { kind: 'error', code: String(value) };
    case 'Boolean':
      return Boolean(value);
    case 'Double':
    case 'Integer':
      return typeof value === 'number' ? value : Number(value);
    default:
      if (value === '' || value === null || value === undefined) return null;
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? value
        : String(value);
  }
}

/**
 * An engine value as Excel should receive it through `Range.values` or `Range.formulas`, which read
 * text as typed input: a text is always kept as that text (see `textForExcel`), a date is written
 * as its ISO text (which Excel reads as a date), an error as its code.
 */
export function toExcel(v: CellValue): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return textForExcel(v);
  if (typeof v !== 'object') return v;
  if (v.kind === 'date') return v.iso;
  return v.code;
}

/** Starts Excel reads as a formula (`@` the Lotus way, full-width forms too) or eats (`'`). */
const FORMULA_START = /^\s*[=+\-@'＝＋－＠]/;
/** Month names Excel reads in dates (`Jan 31`, `31-Mar`). */
const MONTHS = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?/gi;
/** A text made only of digits and the marks of numbers, dates and times (`1,234.5`, `15%`, `2024年1月31日`, `12:30 PM`). */
const NUMBER_LIKE =
  /^[\s(（]*[$¥￥€£]?[.．]?[\d０-９][\d０-９\s.．,，:：/／%％()（）$¥￥€£eE+\-－年月日号时分秒上下午apmAPM]*$/;
/** `TRUE`, `FALSE` and error codes (`#N/A`). */
const LITERAL = /^\s*(?:true|false|#.*)\s*$/i;

/**
 * Whether Excel would read `text` typed into a cell as anything but that text: a formula (`=`, `+`,
 * `-`, `@`), a number, date, time, percentage, boolean or error, or would drop a leading `'`.
 * Errs on the side of yes: a quote prefix on a text that needed none changes nothing visible.
 */
export function readsAsOther(text: string): boolean {
  if (text === '') return false;
  if (FORMULA_START.test(text) || LITERAL.test(text)) return true;
  return NUMBER_LIKE.test(text.replace(MONTHS, '1'));
}

/**
 * Text as it must be written through `values` to land as exactly that text: with Excel's quote
 * prefix (`'`) when it would be read as something else. The apostrophe is not part of the value;
 * Excel keeps it as the cell's quote-prefix flag, so the user's number format, fill, font and
 * borders stay as they were (the text number format `@` would replace the number format, and
 * `Range.valuesAsJson` needs ExcelApi 1.16, which Office 2021 lacks).
 */
export function textForExcel(text: string): string {
  return readsAsOther(text) ? `'${text}` : text;
}

const LAST_ROW = 1_048_575;
const LAST_COL = 16_383;

/**
 * `Sheet1!A1:B2, 'My sheet'!C3` → rectangles (sheet names dropped). Whole rows (`5:7`) and whole
 * columns (`C:D`) come back as rectangles to the sheet's last column or row.
 */
export function parseAreas(address: string): Range[] {
  const out: Range[] = [];
  const re =
    /(?:^|[,!])\s*(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?\d+:\$?\d+|\$?[A-Z]{1,3}:\$?[A-Z]{1,3})\s*(?=,|$)/gi;
  for (const m of address.matchAll(re)) {
    const a = m[1].replace(/\$/g, '');
    const rows = /^(\d+):(\d+)$/.exec(a);
    const cols = /^([A-Z]+):([A-Z]+)$/i.exec(a);
    const r = rows
      ? { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: LAST_COL }
      : cols
        ? rangeFromA1(`${cols[1]}1:${cols[2]}${LAST_ROW + 1}`)
        : rangeFromA1(a);
    if (r) out.push(r);
  }
  return out;
}

/** The cells two rectangles share, or null. */
export function intersectRanges(a: Range, b: Range): Range | null {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

/** The cell part of an address, without its sheet name: `'a b'!B3:C4` → `B3:C4`. */
export function stripSheet(address: string): string {
  const i = address.lastIndexOf('!');
  return i >= 0 ? address.slice(i + 1) : address;
}

/** Rows touched by an address (`B3:D9`, `5:7`, `B3`); null for whole columns (`C:D`). */
export function rowsOf(address: string): { top: number; bottom: number } | null {
  const a = stripSheet(address).replace(/\$/g, '');
  const rows = /^(\d+)(?::(\d+))?$/.exec(a);
  if (rows) {
    const t = Number(rows[1]) - 1;
    const b = Number(rows[2] ?? rows[1]) - 1;
    return { top: Math.min(t, b), bottom: Math.max(t, b) };
  }
  const r = rangeFromA1(a);
  return r ? { top: r.top, bottom: r.bottom } : null;
}

/** Bytes of `v` as JSON in a request or response, counting each non-ASCII unit as `\uXXXX`. */
export function jsonSize(v: unknown): number {
  const s = JSON.stringify(v) ?? '';
  let n = s.length;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) n += 5;
  return n;
}

/** Points for a width in characters (Excel's default font: 7 px per character plus padding). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
