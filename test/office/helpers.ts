/** Builds fake workbooks of generated project forms and office hosts on them. */
import { projectFormsWorkbook, type GeneratedSheet } from '../../bench/generate';
import { cellText, checkSheet, isCellError, type Finding, type SheetData } from '../../src/engine';
import { OfficeWorkbookHost, type OfficeHostOptions } from '../../src/office/host';
import { FakeExcel, type FakeSheet } from './fake-excel';

export function fakeFromSheets(sheets: ReadonlyArray<SheetData>): FakeExcel {
  const fake = new FakeExcel();
  for (const d of sheets) {
    const s = fake.addSheet(d.name);
    d.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        const cell = fake.cell(s, r, c);
        if (typeof v === 'object') {
          if (isCellError(v)) cell.error = v.code;
          else cell.value = v.iso;
        } else cell.value = v;
      }),
    );
    s.merges.push(...d.merges.map((m) => ({ ...m })));
  }
  return fake;
}

export interface FakeBook {
  fake: FakeExcel;
  host: OfficeWorkbookHost;
  sheets: GeneratedSheet[];
}

/** `forms` project forms of 20 indicators, spread over `sheetCount` sheets. */
export function fakeBook(forms: number, sheetCount = 1, options: OfficeHostOptions = {}): FakeBook {
  const { sheets } = projectFormsWorkbook(forms, 20, sheetCount);
  const fake = fakeFromSheets(sheets.map((s) => s.sheet));
  const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true }, options);
  return { fake, host, sheets };
}

export function findingsOf(sheets: ReadonlyArray<SheetData>): Map<string, Finding[]> {
  return new Map(sheets.map((s) => [s.name, [...checkSheet(s).findings]]));
}

/** Syncs made by `fn`. */
export async function syncsOf(fake: FakeExcel, fn: () => Promise<unknown>): Promise<number> {
  const before = fake.syncCount;
  await fn();
  return fake.syncCount - before;
}

/** Lets queued event handlers run. */
export function flush(ms = 0): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function unwrap<T>(
  r: { ok: true; value: T } | { ok: false; error: { message: string } },
): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A sheet as text rows without trailing blanks, and its merges sorted: two reads of the same sheet compare equal. */
export function normalised(s: SheetData): { name: string; rows: string[][]; merges: string[] } {
  const rows = s.cells.map((r) => {
    const t = r.map((v) => cellText(v));
    while (t.length > 0 && t[t.length - 1] === '') t.pop();
    return t;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return {
    name: s.name,
    rows,
    merges: s.merges.map((m) => `${m.top},${m.left},${m.bottom},${m.right}`).sort(),
  };
}

/**
 * A clerk's own formatting of rows `top..top+3` (columns A–D): fills, fonts, borders, number
 * formats, a merge, and two conditional formats of their own.
 */
export function formatByHand(fake: FakeExcel, s: FakeSheet, top: number): void {
  const f = (r: number, c: number) => fake.cell(s, top + r, c).format;
  Object.assign(f(0, 0), { fill: '#FFFF00', bold: true, fontName: '宋体', fontSize: 12 });
  Object.assign(f(1, 1), {
    numberFormat: '#,##0.00',
    fill: '#DDEBF7',
    borders: { EdgeTop: { style: 'Continuous', weight: 'Thin', color: '#000000' } },
  });
  Object.assign(f(1, 3), {
    fontColor: '#FF0000',
    italic: true,
    borders: { EdgeBottom: { style: 'Double', color: '#0000FF' } },
  });
  Object.assign(f(2, 3), { fill: '#E2EFDA', numberFormat: '@' });
  Object.assign(f(3, 1), { numberFormat: '0.0%', horizontal: 'Right' });
  s.merges.push({ top, left: 1, bottom: top, right: 2 });
  s.conditionalFormats.push({
    id: `{user-cf-1@${top}}`,
    type: 'Custom',
    ranges: [{ top: top + 1, left: 1, bottom: top + 3, right: 1 }],
    formula: `=B${top + 2}<0`,
    fill: '#FF00FF',
  });
  s.conditionalFormats.push({
    id: `{user-cf-2@${top}}`,
    type: 'CellValue',
    ranges: [{ top: top + 1, left: 3, bottom: top + 3, right: 3 }],
  });
}
