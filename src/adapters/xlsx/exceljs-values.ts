/**
 * exceljs cell values → engine cell values, for the code that still loads workbooks with exceljs
 * (the in-memory host, until it moves to the reader). Types only: importing this loads no exceljs.
 */
import type ExcelJS from 'exceljs';
import type { CellValue } from '../../engine';

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
