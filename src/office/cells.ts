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
 * An engine value as Excel should receive it through `Range.values`. Text that Excel would read as a
 * formula (a leading `=`) is written as text.
 */
export function toExcel(v: CellValue): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.startsWith('=') ? `'${v}` : v;
  if (typeof v !== 'object') return v;
  if (v.kind === 'date') return v.iso;
  return v.code;
}

/** `Sheet1!A1:B2, 'My sheet'!C3` → rectangles (sheet names dropped). */
export function parseAreas(address: string): Range[] {
  const out: Range[] = [];
  const re = /(?:^|[,!])\s*(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)\s*(?=,|$)/gi;
  for (const m of address.matchAll(re)) {
    const r = rangeFromA1(m[1].replace(/\$/g, ''));
    if (r) out.push(r);
  }
  return out;
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

/** Points for a width in characters (Excel's default font: 7 px per character plus padding). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
