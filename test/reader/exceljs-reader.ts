/**
 * The old path: a workbook read with exceljs into the engine's SheetData, kept for the parity test
 * (and as the baseline the reader was measured against). Formulas as exceljs reports them (shared
 * formulas moved by exceljs itself), hidden rows and columns, and sheet state.
 */
import ExcelJS from 'exceljs';
import { rangeFromA1, type CellValue, type Range, type SheetData } from '../../src/engine';
import { toCellValue } from '../../src/adapters/xlsx/exceljs-values';

export async function readWithExceljs(bytes: Uint8Array): Promise<SheetData[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return wb.worksheets.map(fromWorksheet);
}

function fromWorksheet(ws: ExcelJS.Worksheet): SheetData {
  const cells: CellValue[][] = [];
  const formulas: Array<Array<string | undefined> | undefined> = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.push(rowNumber - 1);
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const v = toCellValue(cell.value);
      if (v !== null) out[colNumber - 1] = v;
      if (cell.type === ExcelJS.ValueType.Formula) {
        const f = cell.formula;
        (formulas[rowNumber - 1] ??= [])[colNumber - 1] = f ?? '';
      }
    });
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
    if (out.length) cells[rowNumber - 1] = out;
  });
  for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = [];
  const merges: Range[] = [];
  for (const a1 of (ws.model as { merges?: string[] }).merges ?? []) {
    const r = rangeFromA1(a1);
    if (r) merges.push(r);
  }
  const hiddenCols: number[] = [];
  (ws.columns ?? []).forEach((c, i) => {
    if (c.hidden) hiddenCols.push(i);
  });
  const state = ws.state === 'visible' ? undefined : ws.state;
  return {
    name: ws.name,
    cells,
    merges,
    ...(formulas.length ? { formulas } : {}),
    ...(hiddenRows.length ? { hiddenRows } : {}),
    ...(hiddenCols.length ? { hiddenCols } : {}),
    ...(state ? { state } : {}),
  };
}
