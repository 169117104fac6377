/**
 * Formula-aware reads on the counting fake: formulas come back beside values in the same syncs, a
 * text that only looks like a formula stays text, hidden rows and columns and the sheet's state are
 * read too. The workbook is the real Zhanjiang department form (docs/domain.md), whose 财政拨款
 * total is a formula whose cached value carries Excel's float noise (8254.2200000000012).
 */
import { readFileSync } from 'node:fs';
import { readXlsx } from '../../src/adapters/xlsx';
import { fromA1, Grid, type SheetData } from '../../src/engine';
import { OfficeWorkbookHost } from '../../src/office/host';
import { projectTemplate } from '../../src/templates/project';
import { FakeExcel } from './fake-excel';
import { fakeFromSheets, syncsOf, unwrap } from './helpers';

const SHEET = '部门整体支出绩效目标';

async function zhanjiang(): Promise<FakeExcel> {
  const wb = await readXlsx(readFileSync('fixtures/seeds/zhanjiang-department-form.xlsx'));
  const fake = fakeFromSheets(wb.sheets);
  const s = fake.sheet(SHEET);
  // G9 财政拨款 = 基本支出 + 项目支出, cached as Excel stores the double
  Object.assign(fake.cell(s, 8, 6), { formula: 'D9+D10', value: 8254.2200000000012 });
  // D12 运转性支出 = SUM(D9:D10), and G12 refers to it
  Object.assign(fake.cell(s, 11, 3), { formula: 'SUM(D9:D10)', value: 8254.22 });
  Object.assign(fake.cell(s, 11, 6), { formula: 'D12', value: 8254.22 });
  // texts that look like formulas: quote-prefixed, and typed into a text-formatted cell
  Object.assign(fake.cell(s, 19, 1), { value: '=D9+D10', quotePrefix: true });
  Object.assign(fake.cell(s, 19, 2), { value: '-2+3', format: { numberFormat: '@' } });
  return fake;
}

describe('reads return formulas beside values', () => {
  it('readSheet: the formula cells and only them, in the same 2 syncs', async () => {
    const fake = await zhanjiang();
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    let data = null as Awaited<ReturnType<typeof host.readSheet>> | null;
    expect(await syncsOf(fake, async () => (data = await host.readSheet(SHEET)))).toBe(2);
    const sheet = unwrap(data!);
    const grid = new Grid(sheet);
    const formulaCells: string[] = [];
    for (let r = 0; r < sheet.cells.length; r++)
      for (let c = 0; c < 10; c++) if (grid.isFormula(r, c)) formulaCells.push(`${r},${c}`);
    expect(formulaCells).toEqual(['8,6', '11,3', '11,6']);
    expect(grid.formula(8, 6)).toBe('D9+D10');
    expect(grid.formula(11, 3)).toBe('SUM(D9:D10)');
    // the cached values stay the values
    expect(sheet.cells[8][6]).toBe(8254.2200000000012);
    // look-alike texts are texts, not formulas
    expect(sheet.cells[19][1]).toBe('=D9+D10');
    expect(sheet.cells[19][2]).toBe('-2+3');
    expect(grid.isFormula(19, 1) || grid.isFormula(19, 2)).toBe(false);
    expect(sheet.state).toBe('visible');
    expect(sheet.hiddenRows).toBeUndefined();
  });

  it('readRows: the same formulas for the rows, in 1 sync', async () => {
    const fake = await zhanjiang();
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    let rows = null as Awaited<ReturnType<typeof host.readRows>> | null;
    expect(await syncsOf(fake, async () => (rows = await host.readRows(SHEET, 8, 19)))).toBe(1);
    const r = unwrap(rows!);
    expect(r.formulas?.[0]?.[6]).toBe('D9+D10');
    expect(r.formulas?.[3]?.[3]).toBe('SUM(D9:D10)');
    expect(r.formulas?.[3]?.[6]).toBe('D12');
    expect(r.formulas?.[11]).toBeUndefined();
    expect(r.cells[11][1]).toBe('=D9+D10');
    expect(r.cells[0][6]).toBe(8254.2200000000012);
  });

  it('a workbook with no formulas reads none', async () => {
    const wb = await readXlsx(readFileSync('fixtures/seeds/tianjin-project-forms-by-sheet.xlsx'));
    const fake = fakeFromSheets(wb.sheets);
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    const names = wb.sheets.map((s) => s.name);
    let read: SheetData[] = [];
    expect(await syncsOf(fake, async () => (read = unwrap(await host.readSheets(names))))).toBe(2);
    expect(read).toHaveLength(34);
    expect(read.every((s) => s.formulas === undefined)).toBe(true);
  });

  it('a template sheet reads back with its formulas as formulas and its labels as text', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Sheet1');
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    const spec = projectTemplate().sheet;
    const name = unwrap(await host.insertSheetFromSpec(spec, spec.name));
    const grid = new Grid(unwrap(await host.readSheet(name)));
    const withFormula = spec.cells.filter((c) => c.formula);
    expect(withFormula.length).toBeGreaterThan(0);
    for (const c of spec.cells) {
      const ref = fromA1(c.address);
      if (!ref) throw new Error(c.address);
      if (c.formula) expect(grid.formula(ref.row, ref.col)).toBe(c.formula.replace(/^=/, ''));
      else expect(grid.isFormula(ref.row, ref.col)).toBe(false);
    }
  });

  it('Excel shortening a long list of areas costs readRows one more sync, never a wrong answer', async () => {
    const fake = await zhanjiang();
    const s = fake.sheet(SHEET);
    for (let r = 20; r < 40; r += 2)
      Object.assign(fake.cell(s, r, 8), { formula: `${r}*2`, value: r * 2 });
    for (let r = 21; r < 40; r += 3) s.hiddenRows.add(r);
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    const full = unwrap(await host.readRows(SHEET, 0, 39));
    const fullSheet = unwrap(await host.readSheet(SHEET));
    expect(fullSheet.merges.length).toBeGreaterThan(20);
    fake.maxAddressChars = 60;
    let cut = null as Awaited<ReturnType<typeof host.readRows>> | null;
    expect(await syncsOf(fake, async () => (cut = await host.readRows(SHEET, 0, 39)))).toBe(2);
    expect(unwrap(cut!)).toEqual(full);
    expect(full.hiddenRows).toEqual([21, 24, 27, 30, 33, 36, 39]);
    expect(full.formulas?.[22]?.[8]).toBe('22*2');
    // a whole read takes the formulas and hidden rows with its second sync, merges with a third
    let sheet = null as Awaited<ReturnType<typeof host.readSheet>> | null;
    expect(await syncsOf(fake, async () => (sheet = await host.readSheet(SHEET)))).toBe(3);
    expect(unwrap(sheet!)).toEqual(fullSheet);
    expect(fullSheet.hiddenRows).toEqual([21, 24, 27, 30, 33, 36, 39]);
    expect(new Grid(fullSheet).formula(38, 8)).toBe('38*2');
  });
});

describe('hidden rows, hidden columns and the sheet state', () => {
  async function hiddenBook() {
    const fake = await zhanjiang();
    const s = fake.sheet(SHEET);
    for (const r of [2, 24, 25, 26, 33]) s.hiddenRows.add(r);
    s.hiddenCols.add(5);
    const other = fake.addSheet('隐藏表');
    fake.setValues(other, [
      ['项目名称', '测试'],
      [null, null],
      ['单位', '万元'],
    ]);
    other.visibility = 'VeryHidden';
    other.hiddenRows.add(1);
    other.hiddenRows.add(2);
    return { fake, host: new OfficeWorkbookHost(fake.run, { mergedAreas: true }) };
  }

  it('readSheets reads them with the values, without more syncs', async () => {
    const { fake, host } = await hiddenBook();
    let read: SheetData[] = [];
    expect(
      await syncsOf(fake, async () => (read = unwrap(await host.readSheets([SHEET, '隐藏表'])))),
    ).toBe(2);
    expect(read[0].hiddenRows).toEqual([2, 24, 25, 26, 33]);
    expect(read[0].hiddenCols).toEqual([5]);
    expect(read[0].state).toBe('visible');
    expect(read[1]).toMatchObject({ state: 'veryHidden', hiddenRows: [1, 2] });
    expect(read[1].hiddenCols).toBeUndefined();
    expect(new Grid(read[0]).isRowHidden(25)).toBe(true);
  });

  it('readRows reads the hidden rows among its rows', async () => {
    const { host } = await hiddenBook();
    expect(unwrap(await host.readRows(SHEET, 20, 30)).hiddenRows).toEqual([24, 25, 26]);
    expect(unwrap(await host.readRows(SHEET, 27, 32)).hiddenRows).toBeUndefined();
    expect(unwrap(await host.readRows(SHEET, 24, 26)).hiddenRows).toEqual([24, 25, 26]);
  });

  it('every row or every column hidden', async () => {
    const fake = new FakeExcel();
    for (const [name, hidden] of [
      ['全隐藏', 'hiddenRows'],
      ['列隐藏', 'hiddenCols'],
    ] as const) {
      const s = fake.addSheet(name);
      fake.setValues(s, [
        ['a', 'b'],
        ['c', 'd'],
      ]);
      s[hidden].add(0);
      s[hidden].add(1);
    }
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    const [all, cols] = unwrap(await host.readSheets(['全隐藏', '列隐藏']));
    expect(all).toMatchObject({ hiddenRows: [0, 1] });
    expect(all.hiddenCols).toBeUndefined();
    expect(cols).toMatchObject({ hiddenCols: [0, 1] });
    expect(cols.hiddenRows).toBeUndefined();
  });
});
