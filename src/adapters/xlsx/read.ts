import ExcelJS from 'exceljs';
import {
  rangeFromA1,
  type CellValue,
  type Range,
  type SheetData,
  type WorkbookData,
} from '../../engine';

/** Why a workbook could not be read, with a message for a clerk. */
export class WorkbookReadError extends Error {
  constructor(
    readonly reason: 'encrypted' | 'corrupt' | 'not-xlsx' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

export interface ReadOptions {
  /** sheets with more rows than this are cut there (the rest is reported, not read) */
  readonly maxRows?: number;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b];

/** Reads .xlsx bytes into the engine's plain workbook data. Works in Node and in the browser. */
export async function readXlsx(
  bytes: Uint8Array | ArrayBuffer,
  options: ReadOptions = {},
): Promise<WorkbookData> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (startsWith(data, OLE_MAGIC)) {
    // An encrypted .xlsx, or an old binary .xls: both are OLE compound files.
    throw new WorkbookReadError(
      'encrypted',
      '文件受密码保护或为旧版 .xls 格式，无法读取。请在 Excel 中取消密码保护并另存为 .xlsx 后再检查。',
    );
  }
  if (data.length === 0)
    throw new WorkbookReadError('corrupt', '文件为空（0 字节），不是有效的 .xlsx 工作簿。');
  if (!startsWith(data, ZIP_MAGIC)) {
    throw new WorkbookReadError(
      'not-xlsx',
      '文件不是 .xlsx 工作簿（格式无法识别）。请另存为 Excel 工作簿（.xlsx）后再检查。',
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer,
    );
  } catch (e) {
    throw new WorkbookReadError(
      'corrupt',
      `文件已损坏或不完整，无法打开（${shortReason(e)}）。请重新导出或向报送单位索取完整文件。`,
    );
  }
  return { sheets: wb.worksheets.map((ws) => readSheet(ws, options.maxRows)) };
}

function readSheet(ws: ExcelJS.Worksheet, maxRows = Infinity): SheetData {
  const cells: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > maxRows) return;
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const v = toCellValue(cell.value);
      if (v !== null) out[colNumber - 1] = v;
    });
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
    cells[rowNumber - 1] = out;
  });
  for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = [];
  const merges: Range[] = [];
  for (const a1 of (ws.model as { merges?: string[] }).merges ?? []) {
    const r = rangeFromA1(a1);
    if (r && r.top < maxRows) merges.push(r);
  }
  return { name: ws.name, cells, merges };
}

/** exceljs cell value → engine cell value. Formulas give their cached result. */
export function toCellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date)
    return Number.isNaN(v.getTime()) ? null : { kind: 'date', iso: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    if ('error' in v && v.error) return { kind: 'error', code: String(v.error) };
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      if (typeof result === 'object' && result !== null && 'error' in result) {
        return { kind: 'error', code: String((result as { error: unknown }).error) };
      }
      return toCellValue(result as ExcelJS.CellValue);
    }
    if ('text' in v) {
      const t = (v as { text: unknown }).text;
      if (typeof t === 'string') return t;
      if (t && typeof t === 'object' && 'richText' in t) return toCellValue(t as ExcelJS.CellValue);
    }
  }
  return null;
}

function startsWith(data: Uint8Array, magic: number[]): boolean {
  return data.length >= magic.length && magic.every((b, i) => data[i] === b);
}

function shortReason(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 80 ? `${m.slice(0, 80)}…` : m;
}
