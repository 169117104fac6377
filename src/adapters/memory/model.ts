/**
 * The in-memory workbook: values, formulas, per-cell formats (fill, font, border, number format,
 * alignment, protection), merges, conditional formats, validations, widths, print setup and sheet
 * protection. Loads and saves .xlsx through exceljs (bytes in, bytes out; works in the browser).
 * Formats are kept as exceljs `Style` objects and never mutated in place, so a format set by the
 * user survives any number of highlight passes exactly as it was.
 */
import ExcelJS from 'exceljs';
import { rangeFromA1, rangeToA1, toA1, type CellValue, type Range } from '../../engine';
import { toCellValue } from '../xlsx/read';

export type CellStyle = Partial<ExcelJS.Style>;

export interface MemCell {
  value: CellValue;
  /** formula without `=`; `value` is then its cached result */
  formula?: string;
  style?: CellStyle;
  validation?: ExcelJS.DataValidation;
}

export interface MemConditionalFormat {
  readonly ranges: ReadonlyArray<Range>;
  readonly rules: ReadonlyArray<ExcelJS.ConditionalFormattingRule>;
}

export interface MemSheet {
  name: string;
  /** rows[r][c]; both sparse */
  rows: Array<Array<MemCell | undefined> | undefined>;
  merges: Range[];
  conditionalFormats: MemConditionalFormat[];
  columnWidths: Array<number | undefined>;
  rowHeights: Array<number | undefined>;
  protected: boolean;
  /** protected with a password: the add-in cannot lift the protection to write its highlights */
  passwordProtected?: boolean;
  protection?: Partial<ExcelJS.WorksheetProtection>;
  /** the protection exactly as loaded (password hash included), written back unchanged */
  rawProtection?: Record<string, unknown>;
  pageSetup?: Partial<ExcelJS.PageSetup>;
  headerFooter?: Partial<ExcelJS.HeaderFooter>;
  views?: Array<Partial<ExcelJS.WorksheetView>>;
}

export function emptySheet(name: string): MemSheet {
  return {
    name,
    rows: [],
    merges: [],
    conditionalFormats: [],
    columnWidths: [],
    rowHeights: [],
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

/** The sqref of several ranges (`A1:B2 D4`), as .xlsx stores a multi-area range. */
export function sqref(ranges: ReadonlyArray<Range>): string {
  return ranges.map(rangeToA1).join(' ');
}

export function parseSqref(ref: string): Range[] {
  const out: Range[] = [];
  for (const part of ref.split(/[\s,]+/)) {
    if (!part) continue;
    const r = rangeFromA1(part.replace(/^.*!/, ''));
    if (r) out.push(r);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// .xlsx in

interface InternalWorksheet {
  conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[];
  sheetProtection?: ({ sheet?: boolean } & Record<string, unknown>) | null;
  dataValidations?: { model?: Record<string, ExcelJS.DataValidation | undefined> };
}

export async function loadSheets(bytes: Uint8Array): Promise<MemSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return wb.worksheets.map(fromWorksheet);
}

function isEmptyStyle(style: CellStyle | undefined): boolean {
  return !style || Object.keys(style).length === 0;
}

function fromWorksheet(ws: ExcelJS.Worksheet): MemSheet {
  const s = emptySheet(ws.name);
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.height !== undefined && row.height !== null) s.rowHeights[rowNumber - 1] = row.height;
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const merged = cell.type === ExcelJS.ValueType.Merge;
      const raw = cell.value;
      const value = merged ? null : toCellValue(raw);
      const formula =
        !merged &&
        raw &&
        typeof raw === 'object' &&
        'formula' in raw &&
        typeof raw.formula === 'string'
          ? raw.formula
          : !merged && raw && typeof raw === 'object' && 'sharedFormula' in raw
            ? undefined
            : undefined;
      const style = isEmptyStyle(cell.style) ? undefined : (cell.style as CellStyle);
      if (value === null && !formula && !style) return;
      const c = cellFor(s, rowNumber - 1, colNumber - 1);
      c.value = value;
      if (formula) c.formula = formula;
      if (style) c.style = style;
    });
  });
  for (const a1 of (ws.model as { merges?: string[] }).merges ?? []) {
    const r = rangeFromA1(a1);
    if (r) s.merges.push(r);
  }
  const internal = ws as unknown as InternalWorksheet;
  for (const cf of internal.conditionalFormattings ?? []) {
    s.conditionalFormats.push({ ranges: parseSqref(cf.ref), rules: cf.rules });
  }
  for (const [address, dv] of Object.entries(internal.dataValidations?.model ?? {})) {
    if (!dv) continue;
    for (const r of parseSqref(address)) {
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) cellFor(s, row, col).validation = dv;
    }
  }
  ws.columns?.forEach((col, i) => {
    if (col.width !== undefined) s.columnWidths[i] = col.width;
  });
  if (internal.sheetProtection?.sheet) {
    const raw = internal.sheetProtection as Record<string, unknown>;
    s.protected = true;
    s.passwordProtected = Boolean(raw.hashValue || raw.password);
    s.rawProtection = { ...raw };
  }
  s.pageSetup = { ...ws.pageSetup };
  s.headerFooter = { ...ws.headerFooter };
  s.views = (ws.views ?? []).map((v) => ({ ...v }));
  return s;
}

// ---------------------------------------------------------------------------------------------
// .xlsx out

export async function saveSheets(
  sheets: ReadonlyArray<MemSheet>,
  activeIndex = 0,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) await toWorksheet(wb, s);
  wb.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: activeIndex,
      visibility: 'visible',
    },
  ];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function toExcelValue(c: MemCell): ExcelJS.CellValue {
  const v = c.value;
  let result: ExcelJS.CellValue = null;
  if (v !== null && v !== undefined) {
    if (typeof v !== 'object') result = v;
    else if (v.kind === 'error') result = { error: v.code as ExcelJS.CellErrorValue['error'] };
    else result = new Date(`${v.iso}T00:00:00Z`);
  }
  if (c.formula)
    return { formula: c.formula, result: result ?? undefined } as ExcelJS.CellFormulaValue;
  return result;
}

async function toWorksheet(wb: ExcelJS.Workbook, s: MemSheet): Promise<void> {
  const ws = wb.addWorksheet(s.name, {
    pageSetup: s.pageSetup,
    headerFooter: s.headerFooter,
    views: s.views,
  });
  s.columnWidths.forEach((w, i) => {
    if (w !== undefined) ws.getColumn(i + 1).width = w;
  });
  s.rowHeights.forEach((h, i) => {
    if (h !== undefined) ws.getRow(i + 1).height = h;
  });
  s.rows.forEach((row, r) => {
    row?.forEach((c, col) => {
      if (!c) return;
      const cell = ws.getCell(r + 1, col + 1);
      const v = toExcelValue(c);
      if (v !== null) cell.value = v;
      if (c.style) cell.style = c.style;
      if (c.validation) cell.dataValidation = c.validation;
    });
  });
  for (const m of s.merges) {
    // Keep the styles of the covered cells as they are (borders of a merged block).
    ws.mergeCellsWithoutStyle(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  for (const cf of s.conditionalFormats) {
    ws.addConditionalFormatting({ ref: sqref(cf.ranges), rules: cf.rules.map((r) => ({ ...r })) });
  }
  if (s.protected && s.rawProtection)
    (ws as unknown as InternalWorksheet).sheetProtection = { ...s.rawProtection };
  else if (s.protected) await ws.protect('', { ...s.protection });
}

/** `A1` of a zero-based cell, for messages and events. */
export function a1(row: number, col: number): string {
  return toA1({ row, col });
}
