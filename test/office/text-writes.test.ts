/**
 * Writes never create formulas and never destroy them (issue 10): on the counting fake, which reads
 * `values` as Excel reads typed input, every text the add-in writes through a fix, an export, the
 * 审核意见 sheet or a template label lands as exactly that text, and an undo restores a formula.
 */
import fc from 'fast-check';
import { projectFormsSheet } from '../../bench/generate';
import { createApp } from '../../src/app/app';
import type { Finding } from '../../src/engine';
import { readsAsOther } from '../../src/office/cells';
import { propertySeed } from '../../src/engine/test-seed';
import { OfficeWorkbookHost } from '../../src/office/host';
import { exportReview } from '../../src/review/export';
import type { Remark } from '../../src/review/remarks';
import { projectTemplate } from '../../src/templates/project';
import { FakeExcel, type FakeCell, type FakeSheet } from './fake-excel';
import { fakeFromSheets, syncsOf, unwrap } from './helpers';

/** Texts Excel would turn into formulas, numbers, dates, booleans or errors, and plain ones. */
const TEXTS = [
  '=1+2',
  '=HYPERLINK("http://example.com","点我")',
  '+1',
  '+A1',
  "-2+3+cmd|' /C calc'!A0",
  '-',
  '--',
  '@SUM(A1:A3)',
  '@',
  "'已加引号",
  '15%',
  '2024-01-31',
  '0012',
  '1.5',
  // found by the property below (with seed 20260301): Excel reads a leading point as a number
  '.3',
  'TRUE',
  'false',
  '#N/A',
  ' =1+2',
  '＝1+2',
  '≥95%',
  '100万元',
  '《15万元',
  '项目名称',
];

/** A cell holds exactly `text` as text: no formula, no error, no conversion. */
function expectText(cell: FakeCell | undefined, text: string): void {
  expect({ value: cell?.value, formula: cell?.formula, error: cell?.error }).toEqual({
    value: text,
    formula: undefined,
    error: undefined,
  });
}

function formattedSheet(fake: FakeExcel): FakeSheet {
  const s = fake.addSheet('表1');
  TEXTS.forEach((_, r) => {
    const cell = fake.cell(s, r, 1);
    cell.value = '旧值';
    cell.format = { numberFormat: '0.00', fill: '#DDEBF7', bold: true };
  });
  return s;
}

describe('fixes write text as text', () => {
  it('setCellValue: each text lands as itself, with the cell’s own format kept', async () => {
    const fake = new FakeExcel();
    const s = formattedSheet(fake);
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    for (const [r, text] of TEXTS.entries()) {
      unwrap(await host.setCellValue('表1', `B${r + 1}`, text));
      const cell = fake.getCell(s, r, 1);
      expectText(cell, text);
      expect(cell?.format).toEqual({ numberFormat: '0.00', fill: '#DDEBF7', bold: true });
      // the quote prefix only where Excel would read the text as something else
      expect(Boolean(cell?.quotePrefix)).toBe(readsAsOther(text));
    }
    expect(fake.getCell(s, TEXTS.indexOf('100万元'), 1)?.quotePrefix).toBeUndefined();
  });

  it('setCellValues: all findings of a rule at once, in 1 sync', async () => {
    const fake = new FakeExcel();
    const s = formattedSheet(fake);
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    const edits = TEXTS.map((value, r) => ({ sheet: '表1', cell: `B${r + 1}`, value }));
    expect(await syncsOf(fake, async () => unwrap(await host.setCellValues(edits)))).toBe(1);
    TEXTS.forEach((text, r) => expectText(fake.getCell(s, r, 1), text));
  });

  it('numbers stay numbers and an empty value clears the cell', async () => {
    const fake = new FakeExcel();
    const s = formattedSheet(fake);
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    unwrap(
      await host.setCellValues([
        { sheet: '表1', cell: 'B1', value: 15 },
        { sheet: '表1', cell: 'B2', value: -2.5 },
        { sheet: '表1', cell: 'B3', value: null },
      ]),
    );
    expect(fake.getCell(s, 0, 1)?.value).toBe(15);
    expect(fake.getCell(s, 1, 1)?.value).toBe(-2.5);
    expect(fake.getCell(s, 2, 1)?.value).toBeNull();
  });

  it('any text at all lands as itself (property, the run’s pinned seed)', async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet('表1');
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    const unit = fc.constantFrom(
      ..."=+-@'#0123456789.,%:/ eE$¥年月日TRUEfalsejanMay（）()＝－万元≥《a".split(''),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(unit, { minLength: 1, maxLength: 8 }), async (chars) => {
        const text = chars.join('');
        unwrap(await host.setCellValue('表1', 'A1', text));
        expectText(fake.getCell(s, 0, 0), text);
      }),
      { seed: propertySeed(), numRuns: 500 },
    );
  });
});

describe('an undo restores a formula exactly', () => {
  it('a fix replaced a formula; the undo writes the formula back, format untouched', async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet('部门');
    fake.setValues(s, [
      [null, 4754.96],
      [null, 3499.26],
    ]);
    Object.assign(fake.cell(s, 2, 1), {
      formula: 'SUM(B1:B2)',
      value: 8254.2200000000012,
      format: { numberFormat: '#,##0.00' },
    });
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    unwrap(await host.setCellValue('部门', 'B3', 8254.22));
    expect(fake.getCell(s, 2, 1)?.value).toBe(8254.22);
    expect(fake.getCell(s, 2, 1)?.formula).toBeUndefined();
    const undo = { sheet: '部门', cell: 'B3', value: 8254.22, formula: 'SUM(B1:B2)' };
    expect(await syncsOf(fake, async () => unwrap(await host.setCellValues([undo])))).toBe(1);
    expect(fake.getCell(s, 2, 1)?.formula).toBe('SUM(B1:B2)');
    expect(fake.getCell(s, 2, 1)?.format).toEqual({ numberFormat: '#,##0.00' });
    // the formula read back is the one the cell had
    const read = unwrap(await host.readRows('部门', 2, 2));
    expect(read.formulas?.[0]?.[1]).toBe('SUM(B1:B2)');
  });

  it('a text that looked like a formula comes back as that text', async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet('表');
    Object.assign(fake.cell(s, 0, 0), { value: '=B1+B2', quotePrefix: true });
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    const before = unwrap(await host.readRows('表', 0, 0)).cells[0][0];
    expect(before).toBe('=B1+B2');
    unwrap(await host.setCellValue('表', 'A1', '≥1'));
    unwrap(await host.setCellValues([{ sheet: '表', cell: 'A1', value: before }]));
    expectText(fake.getCell(s, 0, 0), '=B1+B2');
  });
});

describe('exports write text as text', () => {
  it('writeTable: header and rows, texts as texts and numbers as numbers', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Sheet1');
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    const rows = TEXTS.map((t, i) => [t, i]);
    const name = unwrap(await host.writeTable('导出', ['=列1', '-列2'], rows));
    const s = fake.sheet(name);
    expectText(fake.getCell(s, 0, 0), '=列1');
    expectText(fake.getCell(s, 0, 1), '-列2');
    TEXTS.forEach((t, i) => {
      expectText(fake.getCell(s, i + 1, 0), t);
      expect(fake.getCell(s, i + 1, 1)?.value).toBe(i);
    });
  });

  it('the normalised sheets of a form whose cells hold formula-like texts', async () => {
    const g = projectFormsSheet('项目1', 2, 10);
    const cells = g.sheet.cells.map((r) => [...r]);
    const top = g.formTops[0];
    cells[top + 2][1] = '=HYPERLINK("http://example.com","项目")';
    cells[top + 9][3] = "-2+3+cmd|' /C calc'!A0";
    cells[top + 10][3] = '@SUM(1,2)';
    cells[top + 11][3] = '+1';
    const fake = fakeFromSheets([{ ...g.sheet, cells }]);
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    const app = createApp({ host, source: '=来源' });
    await app.exportTo('sheets');
    expect(app.store.getState().export.error).toBeNull();
    const written = app.store.getState().export.result?.names ?? [];
    expect(written).toEqual(['指标', '项目资金']);
    const texts: string[] = [];
    for (const name of written)
      for (const c of fake.sheet(name).cells.values()) {
        expect(c.formula).toBeUndefined();
        expect(c.error).toBeUndefined();
        if (typeof c.value === 'string') texts.push(c.value);
      }
    for (const t of [
      '=HYPERLINK("http://example.com","项目")',
      "-2+3+cmd|' /C calc'!A0",
      '@SUM(1,2)',
      '=来源',
    ])
      expect(texts).toContain(t);
  });

  it('the 审核意见 sheet: remarks, messages and suggestions as texts', async () => {
    const fake = new FakeExcel();
    fake.addSheet('表1');
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    const remark: Remark = {
      id: 'r1',
      sheet: '表1',
      cell: 'E12',
      row: 11,
      col: 4,
      category: 'other',
      text: '=HYPERLINK("http://example.com","看这里")',
      created: '2026-03-01T00:00:00.000Z',
      updated: '2026-03-01T00:00:00.000Z',
    };
    const finding: Finding = {
      rule: 'value.operator-typo',
      severity: 'error',
      sheet: '-表2',
      cell: 'E13',
      row: 12,
      col: 4,
      message: '+符号有误',
      suggestions: [{ text: "-2+3+cmd|' /C calc'!A0", value: '-2', replacesFormula: false }],
      form: 0,
    } as Finding;
    const r = unwrap(await exportReview(host, { remarks: [remark], findings: [finding] }));
    const s = fake.sheet(r.sheet);
    const texts = [...s.cells.values()]
      .map((c) => {
        expect(c.formula).toBeUndefined();
        return c.value;
      })
      .filter((v): v is string => typeof v === 'string');
    expect(texts).toEqual(
      expect.arrayContaining([
        '=HYPERLINK("http://example.com","看这里")',
        '-表2',
        '+符号有误',
        "-2+3+cmd|' /C calc'!A0",
      ]),
    );
  });
});

describe('template labels are written as text', () => {
  it('labels starting with = + - @ land as text; the template’s formulas stay formulas', async () => {
    const base = projectTemplate().sheet;
    const labels = ['=标签', '+标签', '-标签', '@标签'];
    let k = 0;
    const spec = {
      ...base,
      cells: base.cells.map((c) =>
        typeof c.value === 'string' && !c.formula && k < labels.length
          ? { ...c, value: labels[k++] }
          : c,
      ),
    };
    expect(k).toBe(labels.length);
    const fake = new FakeExcel();
    fake.addSheet('Sheet1');
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    const name = unwrap(await host.insertSheetFromSpec(spec, '模板'));
    const s = fake.sheet(name);
    const values = [...s.cells.values()].map((c) => c.value);
    for (const l of labels) expect(values).toContain(l);
    for (const c of s.cells.values())
      if (typeof c.value === 'string' && labels.includes(c.value))
        expect(c.formula).toBeUndefined();
    const formulas = [...s.cells.values()].filter((c) => c.formula).map((c) => c.formula);
    expect(formulas.sort()).toEqual(
      base.cells
        .filter((c) => c.formula)
        .map((c) => c.formula?.replace(/^=/, ''))
        .sort(),
    );
  });
});
