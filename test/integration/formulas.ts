/**
 * Workbooks with formulas whose cached results are stored as Excel stores them: a binary double
 * written with up to 17 significant digits (`0.1 + 0.2` → `0.30000000000000004`, the real Zhanjiang
 * total → `8254.2200000000012`), read back through the .xlsx adapter with their formula texts.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readXlsx } from '../../src/adapters/xlsx';
import { fromA1, type WorkbookData } from '../../src/engine';

/** The text Excel writes in `<v>` for a double: its shortest form when 15 digits give the same
 * double back, else all 17 significant digits. */
export function excelNumberText(n: number): string {
  return Number(n.toPrecision(15)) === n ? String(n) : n.toPrecision(17);
}

const FORMULA_CELL = /<c r="([A-Z]+\d+)"([^>]*)>(<f[^>]*\/>|<f[^>]*>[^<]*<\/f>)<v>([^<]*)<\/v>/g;

/**
 * `bytes` with the cached result of every numeric formula cell rewritten as Excel writes it, and
 * the cells of `stale` given another cached result (a total that no longer matches its parts).
 * Returns the file and the `<v>` texts written, by sheet file and cell.
 */
export async function withExcelCachedValues(
  bytes: Uint8Array,
  stale: Readonly<Record<string, number>> = {},
): Promise<{ bytes: Uint8Array; cached: Record<string, string> }> {
  const zip = await JSZip.loadAsync(bytes);
  const cached: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = await zip.file(name)!.async('string');
    const patched = xml.replace(
      FORMULA_CELL,
      (whole, cell: string, attrs: string, f: string, v: string) => {
        if (/\bt="/.test(attrs) || v === '') return whole; // a text or error result
        const text = excelNumberText(stale[cell] ?? Number(v));
        cached[cell] = text;
        return `<c r="${cell}"${attrs}>${f}<v>${text}</v>`;
      },
    );
    zip.file(name, patched);
  }
  return { bytes: await zip.generateAsync({ type: 'uint8array' }), cached };
}

/**
 * The workbook through the .xlsx adapter, with each sheet's formula texts as a formula-aware host
 * reports them (`SheetData.formulas`), read here with exceljs: the adapter on main reads cached
 * values only.
 */
export async function readWithFormulas(bytes: Uint8Array): Promise<WorkbookData> {
  const data = await readXlsx(bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return {
    sheets: data.sheets.map((sheet) => {
      const ws = wb.getWorksheet(sheet.name);
      const formulas: Array<Array<string | undefined>> = [];
      ws?.eachRow({ includeEmpty: false }, (row) => {
        row.eachCell({ includeEmpty: false }, (cell) => {
          const f = cell.formula;
          if (!f) return;
          const ref = fromA1(cell.address)!;
          (formulas[ref.row] ??= [])[ref.col] = f;
        });
      });
      return { ...sheet, formulas };
    }),
  };
}
