import Big from 'big.js';

/** A spreadsheet error value such as `#REF!` or `#DIV/0!`. */
export interface CellError {
  readonly kind: 'error';
  readonly code: string;
}

/** A date cell, as an ISO date (`2023-12-31`) so that the engine needs no Date arithmetic. */
export interface CellDate {
  readonly kind: 'date';
  readonly iso: string;
}

/** What one cell holds, as any adapter (exceljs, office-js, in-memory) reports it. */
export type CellValue = string | number | boolean | null | CellError | CellDate;

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && v.kind === 'error';
}

export function isCellDate(v: CellValue): v is CellDate {
  return typeof v === 'object' && v !== null && v.kind === 'date';
}

/**
 * The cell as a clerk reads it: trimmed text; numbers as Excel shows them (`numberText`); error
 * values and blanks as ''.
 */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isFinite(v) ? numberText(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v.kind === 'date') return v.iso;
  return '';
}

/** Excel keeps and shows 15 significant digits of a number (the rest of a binary double is noise). */
const EXCEL_DIGITS = 15;

/**
 * A number as Excel shows it: at most 15 significant digits, in plain notation. A cached formula
 * result such as 0.1 + 0.2 is stored as the double 0.30000000000000004 and shown as 0.3; the real
 * Zhanjiang total 8254.2200000000012 is shown as 8254.22. Reading the double any closer would turn
 * float noise into a difference that the clerk cannot see and did not make.
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const s = String(n);
  if (!/e/i.test(s) && significantDigits(s) <= EXCEL_DIGITS) return s;
  return new Big(n.toPrecision(EXCEL_DIGITS)).toFixed();
}

/** Significant digits of a plain decimal text (`-0.0012` → 2, `1200` → 4). */
function significantDigits(s: string): number {
  return s.replace(/^-?0*\.?0*/, '').replace('.', '').length;
}
