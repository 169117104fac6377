/**
 * Real forms laid out as other clerks lay them out (fixtures/layouts/, built by `npm run fixtures`
 * from the seeds; issue 8): an empty row under the indicator header and between groups, the old
 * level names 效果指标 and 可持续性影响 (docs/domain.md §2), a 资金支出计划 block above or under the table,
 * a 指标值确定依据 column. Expected cells are found by the seed texts they hold.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { readXlsx } from '../../src/adapters/xlsx';
import {
  checkSheet,
  inspectSheet,
  rangeToA1,
  toA1,
  type Finding,
  type ProjectForm,
  type SheetData,
  type WorkbookData,
} from '../../src/engine';
import { FIXTURES } from '../helpers/cli';
import { fixtureSheet } from '../integration/helpers';

let tianjin: WorkbookData;
let zhanjiang: SheetData;
let form8: SheetData;

beforeAll(async () => {
  const read = async (f: string) => readXlsx(fs.readFileSync(path.join(FIXTURES, 'layouts', f)));
  tianjin = await read('tianjin-form8-layouts.xlsx');
  zhanjiang = (await read('zhanjiang-layouts.xlsx')).sheets[0];
  form8 = await fixtureSheet('tianjinBySheet', '表8');
});

const sheet = (name: string): SheetData => {
  const s = tianjin.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

/** The A1 address of the one cell of `s` holding exactly `text`. */
function cellOf(s: SheetData, text: string | number): string {
  const hits: string[] = [];
  s.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === text || (typeof v === 'string' && v.trim() === text))
        hits.push(toA1({ row: r, col: c }));
    }),
  );
  expect(hits).toHaveLength(1);
  return hits[0];
}

const keys = (fs: ReadonlyArray<Finding>) =>
  fs.map((f) => `${f.rule}@${f.cell}/${f.severity}`).sort();
const indicatorsOf = (s: SheetData) =>
  checkSheet(s).forms.flatMap((f) =>
    f.indicators.map((i) => [i.name.text, i.values.map((v) => v.text)]),
  );

describe('Tianjin form 8 with an empty row under the header and between its groups', () => {
  it('reads every indicator of the form, as the form without empty rows', () => {
    const read = indicatorsOf(sheet('表头下空行'));
    expect(read).toHaveLength(33); // the seed's 33 indicator rows of form 8
    expect(read).toEqual(indicatorsOf(form8));
  });

  it('keeps its one finding, the cost caps over budget, at the first cap; no other', () => {
    const s = sheet('表头下空行');
    const r = checkSheet(s);
    expect(r.forms).toHaveLength(1);
    expect(keys(r.findings)).toEqual([
      `funding.cost-parts-exceed-total@${cellOf(s, '≤74万元')}/warning`,
    ]);
    expect(keys(checkSheet(form8).findings)).toEqual([
      `funding.cost-parts-exceed-total@${cellOf(form8, '≤74万元')}/warning`,
    ]);
  });

  it('shows the empty rows as read past', () => {
    const s = sheet('表头下空行');
    const header = Number(cellOf(s, '一级指标').slice(1));
    const benefit = Number(cellOf(s, '效益指标').slice(1));
    const table = inspectSheet(s).forms[0].table!;
    expect(table.status).toBe('read');
    expect(table.skipped).toEqual([
      { top: header + 1, bottom: header + 1, reason: 'blank', reasonLabel: '空行' },
      { top: benefit - 1, bottom: benefit - 1, reason: 'blank', reasonLabel: '空行' },
    ]);
  });
});

describe('the old level names 效果指标 and 可持续性影响', () => {
  it('project form: a warning with the standard name on each cell', () => {
    const s = sheet('旧称');
    const found = checkSheet(s).findings.filter((f) => f.rule === 'indicator.unknown-level');
    expect(found.map((f) => [f.cell, f.severity, f.suggestions.map((x) => x.text)])).toEqual([
      [cellOf(s, '效果指标'), 'warning', ['效益指标']],
      [cellOf(s, '可持续性影响'), 'warning', ['可持续影响']],
    ]);
    // each message names what its button writes (issue 11)
    expect(found[0].message).toContain('应为“效益指标”');
    expect(found[1].message).toContain('应为“可持续影响”');
    for (const f of found) expect(f.message).toContain(`应为“${f.suggestions[0].text}”`);
  });

  it('department form: the same warnings, on a filled group and on a category row left empty', () => {
    const found = checkSheet(zhanjiang).findings.filter(
      (f) => f.rule === 'indicator.unknown-level',
    );
    const benefit = zhanjiang.cells.findIndex((row) =>
      String(row[1] ?? '').startsWith('效果指标：'),
    );
    expect(found.map((f) => [f.cell, f.severity])).toEqual([
      [toA1({ row: benefit, col: 1 }), 'warning'],
      [cellOf(zhanjiang, '可持续性影响'), 'warning'],
    ]);
    expect(found[0].message).toContain('应为“效益');
    expect(found[1].message).toContain('应为“可持续影响');
  });

  it('department form: the empty row under the header does not stop the table', () => {
    const r = checkSheet(zhanjiang);
    expect(r.forms).toHaveLength(1);
    expect(r.forms[0].indicators.map((i) => i.name.text)).toEqual([
      '强化水质达标攻坚',
      '强化优良空气提升',
      '强化农村污水治理',
    ]);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('资金支出计划（%）', () => {
  it.each(['资金支出计划', '资金支出计划在表下'])(
    '%s: four period ends read, the decreasing share found at its cell',
    (name) => {
      const s = sheet(name);
      const r = checkSheet(s);
      const form = r.forms[0] as ProjectForm;
      expect(form.spendingPlan.map((p) => [p.label, p.field.text])).toEqual([
        ['3月底', '20'],
        ['6月底', '50'],
        ['9月底', '45'],
        ['12月底', '100'],
      ]);
      expect(form.indicators).toHaveLength(33);
      expect(keys(r.findings.filter((f) => f.severity === 'error'))).toEqual([
        `funding.spending-plan@${cellOf(s, 45)}/error`,
      ]);
    },
  );

  it('a plan under the table belongs to the form and ends its indicator table', () => {
    const s = sheet('资金支出计划在表下');
    const form = checkSheet(s).forms[0];
    expect(rangeToA1(form.range)).toBe(`A1:E${Number(cellOf(s, 45).slice(1))}`);
    expect(form.table?.end?.reason).toBe('label');
  });
});

describe('a 指标值确定依据 column', () => {
  it('is read as each indicator’s basis and widens the form by one column', () => {
    const s = sheet('确定依据');
    const r = checkSheet(s);
    expect(rangeToA1(r.forms[0].range)).toBe('A1:F42');
    const basis = r.forms[0].indicators.map((i) => i.basis?.text);
    expect(basis.slice(0, 5)).toEqual(['计划标准', '行业标准', '历史标准', '其他标准', '计划标准']);
    expect(basis.every((b) => b !== undefined && b !== '')).toBe(true);
    expect(keys(r.findings)).toEqual(keys(checkSheet(form8).findings));
  });
});
