/**
 * The in-memory workbook's sheets: values, formulas, per-cell formats, merges, conditional formats,
 * validations, widths, print setup and protection. A sheet opened from a file also remembers where
 * it came from (its part in the package) and how each changed cell looked when loaded, so that a
 * save writes only what changed (package/save.ts). Formats are exceljs-shaped `Style` objects
 * (types only: no exceljs is loaded) and never mutated in place.
 */
import type ExcelJS from 'exceljs';
import {
  rangeFromA1,
  rangeToA1,
  toA1,
  type CellValue,
  type Range,
  type SheetState,
} from '../../engine';
import type { RowShift } from './package/formula';

export type CellStyle = Partial<ExcelJS.Style>;

/** What a cell holds and how it looks. */
export interface CellState {
  value: CellValue;
  /** formula without `=`; `value` is then its cached result */
  formula?: string;
  /** a format set in this session (new sheets, a person's formatting) */
  style?: CellStyle;
  /** the index of the cell's format in the file's styles part */
  xf?: number;
}

export interface MemCell extends CellState {
  /** an array formula's range (`A1:A3`), on the cell holding it */
  arrayRef?: string;
  /** the shared-formula group the cell belonged to in the file */
  shared?: string;
  validation?: ExcelJS.DataValidation;
  /** the cell as loaded, kept from its first change; a save writes cells that differ from it */
  orig?: CellState;
}

export interface MemConditionalFormat {
  readonly ranges: ReadonlyArray<Range>;
  readonly rules: ReadonlyArray<ExcelJS.ConditionalFormattingRule>;
}

/** Where a sheet opened from a file came from, and what happened to it since. */
export interface SheetSource {
  /** the worksheet part, `xl/worksheets/sheet1.xml` */
  readonly part: string;
  /** rows inserted and deleted since loading, in order */
  readonly shifts: RowShift[];
  /** cells were written since loading (some may hold their old contents again) */
  edited: boolean;
  /** the protection was changed */
  protectionChanged: boolean;
}

export interface MemSheet {
  name: string;
  /** rows[r][c]; both sparse */
  rows: Array<Array<MemCell | undefined> | undefined>;
  merges: Range[];
  /** conditional formats of a new sheet, or added to a loaded sheet in this session */
  conditionalFormats: MemConditionalFormat[];
  columnWidths: Array<number | undefined>;
  rowHeights: Array<number | undefined>;
  /** zero-based hidden rows and columns */
  hiddenRows: Set<number>;
  hiddenCols: number[];
  state: SheetState;
  protected: boolean;
  /** protected with a password: the add-in cannot lift the protection to write its highlights */
  passwordProtected?: boolean;
  protection?: Partial<ExcelJS.WorksheetProtection> & { password?: string };
  pageSetup?: Partial<ExcelJS.PageSetup>;
  views?: Array<Partial<ExcelJS.WorksheetView>>;
  /** set for a sheet opened from a file */
  source?: SheetSource;
}

export function emptySheet(name: string): MemSheet {
  return {
    name,
    rows: [],
    merges: [],
    conditionalFormats: [],
    columnWidths: [],
    rowHeights: [],
    hiddenRows: new Set(),
    hiddenCols: [],
    state: 'visible',
    protected: false,
  };
}

export function getCell(s: MemSheet, row: number, col: number): MemCell | undefined {
  return s.rows[row]?.[col];
}

export function cellFor(s: MemSheet, row: number, col: number): MemCell {
  let r = s.rows[row];
  if (!r) {
    r = [];
    s.rows[row] = r;
  }
  let c = r[col];
  if (!c) {
    c = { value: null };
    r[col] = c;
  }
  return c;
}

/** Before a cell of a loaded sheet changes: remember how it was, once. */
export function touchCell(s: MemSheet, c: MemCell): void {
  if (!s.source) return;
  s.source.edited = true;
  if (c.orig) return;
  c.orig = {
    value: c.value,
    ...(c.formula !== undefined ? { formula: c.formula } : {}),
    ...(c.style ? { style: c.style } : {}),
    ...(c.xf !== undefined ? { xf: c.xf } : {}),
  };
}

/** True when a cell differs from how it was loaded. */
export function cellChanged(c: MemCell): boolean {
  const o = c.orig;
  if (!o) return false;
  return (
    !sameValue(c.value, o.value) ||
    (c.formula ?? '') !== (o.formula ?? '') ||
    c.style !== o.style ||
    (c.xf ?? 0) !== (o.xf ?? 0)
  );
}

export function sameValue(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if ((a === null || a === '') && (b === null || b === '')) return true;
  if (typeof a === 'object' && typeof b === 'object' && a && b)
    return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

/** The sqref of several ranges (`A1:B2 D4`), as .xlsx stores a multi-area range. */
export function sqref(ranges: ReadonlyArray<Range>): string {
  return ranges.map(rangeToA1).join(' ');
}

export function parseSqref(ref: string): Range[] {
  const out: Range[] = [];
  for (const part of ref.split(/[\s,]+/)) {
    if (!part) continue;
    const r = rangeFromA1(part.replace(/^.*!/, '').replace(/\$/g, ''));
    if (r) out.push(r);
  }
  return out;
}

/** `A1` of a zero-based cell, for messages and events. */
export function a1(row: number, col: number): string {
  return toA1({ row, col });
}
