/**
 * Parity with the old path: for every seed fixture and the benchmark workbook, the reader yields
 * the same cells, merges, formulas, hidden rows and columns and sheet states as exceljs did, and
 * the engine the same forms and findings from both.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readXlsx } from '../../src/adapters/xlsx';
import { checkWorkbook, type SheetData, type WorkbookData } from '../../src/engine';
import { benchWorkbookFile } from '../../bench/workbooks';
import { FIXTURES } from '../helpers/cli';
import { readWithExceljs } from './exceljs-reader';
import { writeTemplateXlsx } from '../../src/adapters/xlsx/template-writer';
import { buildTemplate, type TemplateKind } from '../../src/templates';

const SEEDS = path.join(FIXTURES, 'seeds');
const files = fs
  .readdirSync(SEEDS)
  .filter((f) => f.endsWith('.xlsx'))
  .map((f) => path.join(SEEDS, f));

/** A sheet as comparable data: holes and absent rows read as blank, as the engine reads them. */
function plain(s: SheetData) {
  const width = (r: ReadonlyArray<unknown> | undefined) => r?.length ?? 0;
  const rows = Array.from({ length: s.cells.length }, (_, r) =>
    Array.from({ length: width(s.cells[r]) }, (_, c) => s.cells[r][c] ?? null),
  );
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  const formulas: Record<string, string> = {};
  s.formulas?.forEach((row, r) =>
    row?.forEach((f, c) => {
      if (f !== undefined) formulas[`${r},${c}`] = f;
    }),
  );
  return {
    name: s.name,
    rows,
    merges: s.merges,
    formulas,
    hiddenRows: s.hiddenRows ?? [],
    hiddenCols: s.hiddenCols ?? [],
    state: s.state ?? 'visible',
  };
}

function findings(wb: WorkbookData) {
  const report = checkWorkbook(wb);
  return {
    forms: report.sheets.flatMap((s) => s.forms.map((f) => [f.kind, f.sheet, f.range])),
    findings: report.findings.map((f) => [f.rule, f.sheet, f.cell, f.message]),
  };
}

async function expectParity(file: string | Uint8Array): Promise<WorkbookData> {
  const bytes = typeof file === 'string' ? new Uint8Array(fs.readFileSync(file)) : file;
  const ours = await readXlsx(bytes);
  const old = { sheets: await readWithExceljs(bytes) };
  expect(ours.sheets.map(plain)).toEqual(old.sheets.map(plain));
  expect(findings(ours)).toEqual(findings(old));
  return ours;
}

describe('the reader matches the exceljs path', () => {
  test.each(files.map((f) => [path.basename(f), f]))('%s', async (_name, file) => {
    const wb = await expectParity(file);
    expect(findings(wb).forms.length).toBeGreaterThan(0);
  });

  test.each<TemplateKind>(['project', 'department', 'list'])(
    'the %s template (formulas)',
    async (kind) => {
      const wb = await expectParity(await writeTemplateXlsx(buildTemplate(kind)));
      expect(wb.sheets.some((s) => s.formulas?.some((r) => r?.some(Boolean)))).toBe(true);
    },
  );

  test('the benchmark workbook (500 project forms)', async () => {
    await expectParity(await benchWorkbookFile(500));
  }, 180_000);
});
