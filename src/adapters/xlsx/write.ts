import ExcelJS from 'exceljs';
import { rangeToA1, type CellValue, type SheetData } from '../../engine';

/** A sheet to write: plain values and merges, plus the look a clerk would give it. */
export interface SheetToWrite extends SheetData {
  /** column widths in characters */
  readonly columnWidths?: ReadonlyArray<number>;
  /** cells that get thin borders and wrapped text (the table area of a form) */
  readonly bordered?: ReadonlyArray<{ top: number; left: number; bottom: number; right: number }>;
}

/** Writes plain sheets to .xlsx bytes (fixtures, exports). */
export async function writeXlsx(sheets: ReadonlyArray<SheetToWrite>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) addSheet(wb, s);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function addSheet(wb: ExcelJS.Workbook, s: SheetToWrite): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(s.name);
  s.cells.forEach((row, r) => {
    row?.forEach((v, c) => {
      const x = toExcel(v);
      if (x !== null) ws.getCell(r + 1, c + 1).value = x;
    });
  });
  for (const box of s.bordered ?? []) {
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        const cell = ws.getCell(r + 1, c + 1);
        const thin = { style: 'thin' as const };
        cell.border = { top: thin, left: thin, bottom: thin, right: thin };
        cell.alignment = { wrapText: true, vertical: 'middle' };
      }
    }
  }
  for (const m of s.merges) ws.mergeCells(rangeToA1(m));
  s.columnWidths?.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return ws;
}

function toExcel(v: CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object') return v;
  if (v.kind === 'error') return { error: v.code as ExcelJS.CellErrorValue['error'] };
  return new Date(`${v.iso}T00:00:00Z`);
}
