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

/** The cell as a clerk reads it: trimmed text; numbers in plain notation; error values and blanks as ''. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isFinite(v) ? numberText(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v.kind === 'date') return v.iso;
  return '';
}

/** A number as its shortest round-tripping text, never in exponent notation for ordinary amounts. */
export function numberText(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/\.?0+$/, '');
}
