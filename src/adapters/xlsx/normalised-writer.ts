/**
 * Writes the normalised tables (src/engine/normalise) to a new .xlsx — header row, frozen header,
 * autofilter, numbers as numbers, column widths — and to CSV in UTF-8 with a BOM so that Excel opens
 * the Chinese text correctly. The columns and headers come from the tables; nothing is named here.
 */
import ExcelJS from 'exceljs';
import type {
  ColumnType,
  NormalisedCell,
  NormalisedTable,
  NormalisedWorkbook,
} from '../../engine/normalise';
import { rowCells } from '../../engine/normalise';
import { numberText } from '../../engine/grid/cell';

/** Any normalised table, whatever its row type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTable = NormalisedTable<any>;

const NUMBER_FORMAT: Record<ColumnType, string | undefined> = {
  text: undefined,
  // two decimals at least, up to six for amounts converted from 元
  amount: '#,##0.00####',
  number: undefined,
  integer: '0',
};

/** The tables of a normalised workbook in sheet order: 指标, then 项目资金. */
export function normalisedTables(wb: NormalisedWorkbook): AnyTable[] {
  return [wb.indicators, wb.projects];
}

/** Writes the tables, one new worksheet each, to .xlsx bytes. */
export async function writeNormalisedXlsx(
  tables: NormalisedWorkbook | ReadonlyArray<AnyTable>,
): Promise<Uint8Array> {
  const list = isWorkbook(tables) ? normalisedTables(tables) : tables;
  const wb = new ExcelJS.Workbook();
  wb.creator = '绩效目标表助手';
  for (const t of list) addNormalisedSheet(wb, t);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function isWorkbook(x: NormalisedWorkbook | ReadonlyArray<AnyTable>): x is NormalisedWorkbook {
  return !Array.isArray(x);
}

/** Adds one table as a new worksheet named after it (`指标 (2)` if the name is taken). */
export function addNormalisedSheet(wb: ExcelJS.Workbook, table: AnyTable): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(freeSheetName(wb, table.name), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }],
  });
  const cols = table.columns;
  ws.columns = cols.map((c) => ({
    key: c.key,
    width: c.width,
    style: NUMBER_FORMAT[c.type] ? { numFmt: NUMBER_FORMAT[c.type] } : {},
  }));
  const header = ws.addRow(cols.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { bottom: { style: 'thin' } };
    cell.numFmt = 'General';
  });
  for (const r of table.rows) ws.addRow(rowCells(cols, r).map(excelValue));
  ws.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, table.rows.length + 1), column: cols.length },
  };
  return ws;
}

function excelValue(v: NormalisedCell): ExcelJS.CellValue {
  if (v === null || v === '') return null;
  return v;
}

function freeSheetName(wb: ExcelJS.Workbook, name: string): string {
  const taken = new Set(wb.worksheets.map((w) => w.name));
  if (!taken.has(name)) return name;
  for (let i = 2; ; i++) {
    const n = `${name} (${i})`;
    if (!taken.has(n)) return n;
  }
}

export interface CsvOptions {
  /**
   * Prefix text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` in front, e.g. a value
   * `=100%` or a hostile `=HYPERLINK(…)`) with an apostrophe. On by default; numbers are never touched.
   */
  readonly guardFormulas?: boolean;
}

const BOM = '\uFEFF';

/**
 * One table as CSV text (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or
 * line break in double quotes with quotes doubled), starting with a UTF-8 BOM.
 */
export function toCsv(table: AnyTable, options: CsvOptions = {}): string {
  const guard = options.guardFormulas ?? true;
  const lines: string[] = [table.columns.map((c) => csvField(c.header, false)).join(',')];
  for (const r of table.rows) {
    lines.push(
      rowCells(table.columns, r)
        .map((v) => csvField(v, guard))
        .join(','),
    );
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

/** The CSV as UTF-8 bytes (the BOM becomes EF BB BF). */
export function toCsvBytes(table: AnyTable, options?: CsvOptions): Uint8Array {
  return new TextEncoder().encode(toCsv(table, options));
}

function csvField(v: NormalisedCell, guard: boolean): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? numberText(v) : '';
  let s = v;
  if (guard && /^[=+\-@\t\r]/.test(s) && s !== '-') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
