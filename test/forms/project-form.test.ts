import fs from 'node:fs';
import path from 'node:path';
import { readXlsx } from '../../src/adapters/xlsx';
import { Grid, toA1, type CellRef } from '../../src/engine/grid';
import type { ProjectForm } from '../../src/engine/model/forms';
import { projectFormReader, readProjectForms } from '../../src/engine/forms/project-form';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'seeds');

async function grids(file: string): Promise<Grid[]> {
  const wb = await readXlsx(fs.readFileSync(path.join(FIXTURES, file)));
  return wb.sheets.map((s) => new Grid(s));
}

const a1 = (c: CellRef | null | undefined) => (c ? toA1(c) : null);

/** Indicator rows per form, counted in the seed (tianjin-project-forms-part1.txt). */
const INDICATOR_COUNTS = [
  6, 11, 17, 6, 6, 6, 10, 33, 11, 11, 15, 11, 14, 14, 9, 19, 9, 6, 9, 13, 51, 9, 10, 6, 9, 8, 16,
  13, 7, 7, 6, 7, 8, 7,
];

/** 预算数 per form, as printed in the seed. */
const BUDGETS = [
  '104',
  '50',
  '379.8',
  '83.4',
  '70',
  '20',
  '100',
  '300',
  '160',
  '180',
  '195',
  '130',
  '150',
  '80',
  '120',
  '900',
  '9000',
  '996',
  '90',
  '120',
  '150',
  '4558',
  '6104',
  '2140',
  '50',
  '150',
  '207',
  '300',
  '138',
  '240',
  '40',
  '110',
  '32.4',
  '120',
];

describe('project form reader on the Tianjin fixture (34 stacked forms)', () => {
  let forms: ProjectForm[];
  let grid: Grid;
  beforeAll(async () => {
    [grid] = await grids('tianjin-project-forms.xlsx');
    forms = readProjectForms(grid);
  });

  it('finds all 34 forms in sheet order, with their titles', () => {
    expect(forms).toHaveLength(34);
    expect(forms[0].title).toBe('1.2023年物业费项目绩效目标表');
    expect(forms[6].title).toBe('7.2023年度天津市机动车排污管控技术服务项目 绩效目标表');
    expect(forms[33].title).toBe('34.天津市近岸海域生态质量和稳定性调查评估绩效目标表');
    forms.forEach((f, i) => {
      expect(f.kind).toBe('project-form');
      expect(f.sheet).toBe('项目绩效目标表');
      expect(f.title.startsWith(`${i + 1}.`)).toBe(true);
      expect(f.unit).toBe('万元');
    });
    for (let i = 1; i < forms.length; i++)
      expect(forms[i].range.top).toBeGreaterThan(forms[i - 1].range.bottom);
  });

  it('reads every budget as an exact number', () => {
    expect(
      forms.map((f) => (f.budget.amount.ok ? f.budget.amount.value.toFixed() : f.budget.text)),
    ).toEqual(BUDGETS);
    for (const f of forms) {
      expect(
        f.fiscal?.amount.ok &&
          f.fiscal.amount.value.eq(f.budget.amount.ok ? f.budget.amount.value : -1),
      ).toBe(true);
      // 其他资金 is blank: the empty value cell itself
      expect(f.other?.text).toBe('');
      expect(f.other?.amount).toEqual({ ok: false, problem: 'empty', text: '' });
      expect(f.other?.cell).not.toBeNull();
    }
  });

  it('counts the indicators of every form', () => {
    expect(forms.map((f) => f.indicators.length)).toEqual(INDICATOR_COUNTS);
    expect(forms.every((f) => f.valueColumns.length === 1 && f.valueColumns[0] === 'annual')).toBe(
      true,
    );
  });

  it('reads form 1 with its cells', () => {
    const f = forms[0];
    expect(a1(f.titleCell)).toBe('A1');
    expect(f.range).toEqual({ top: 0, left: 0, bottom: 14, right: 4 });
    expect(f.name).toEqual({ text: '2023年物业费项目', cell: { row: 2, col: 1 } });
    expect(a1(f.budget.cell)).toBe('C4');
    expect(f.budget.text).toBe('104');
    expect(f.budget.amount.ok && f.budget.amount.fromText).toBe(false);
    expect(a1(f.fiscal?.cell)).toBe('C5');
    expect(a1(f.other?.cell)).toBe('C6');
    expect(f.purpose).toEqual({ text: '用于物业管理相关工作支出。', cell: { row: 6, col: 1 } });
    expect(f.targets.map((t) => t.text)).toEqual(['1.支撑保障市生态环境局正常工作开展。']);
    expect(a1(f.targetsCell)).toBe('B8');
    expect(f.implementer?.text).toBe('362101天津市生态环境局财务处（审计处）');
    expect(f.code).toBeUndefined();
    expect(f.spendingPlan).toEqual([]);

    const rows = f.indicators.map((i) => [
      i.level1.text,
      a1(i.level1.cell),
      i.level2.text,
      i.name.text,
      i.description?.text,
      i.values[0].text,
      a1(i.values[0].cell),
    ]);
    expect(rows).toEqual([
      ['产出指标', 'A10', '数量指标', '物业保障人员数量', '物业保障人员数量', '≥5人', 'E10'],
      ['产出指标', 'A10', '质量指标', '机关物业保洁率', '机关物业保洁率', '100%', 'E11'],
      ['产出指标', 'A10', '时效指标', '每日保障时间', '每日保障时间', '≥8小时', 'E12'],
      ['产出指标', 'A10', '成本指标', '物业费支出成本', '物业费支出成本', '≤104万元', 'E13'],
      [
        '效益指标',
        'A14',
        '社会效益指标',
        '局机关正常运转',
        '局机关正常运转',
        '保障正常运转',
        'E14',
      ],
      ['满意度指标', 'A15', '服务对象满意度指标', '局机关满意度', '局机关满意度', '≥90%', 'E15'],
    ]);
    expect(f.indicators.map((i) => i.row)).toEqual([9, 10, 11, 12, 13, 14]);
    expect(a1(f.indicators[3].name.cell)).toBe('C13');
    expect(a1(f.indicators[3].description?.cell)).toBe('D13');
    expect(f.indicators[0].basis).toBeUndefined();
  });

  it('reads the cost caps of form 8 under 成本指标', () => {
    const f = forms[7];
    expect(f.title).toBe('8.2023年度天津市推进“无废城市”建设项目绩效目标表');
    expect(f.name.text).toBe('2023年度天津市推进“无废城市”建设项目');
    expect(f.budget.amount.ok && f.budget.amount.value.toFixed()).toBe('300');
    const caps = f.indicators.filter((i) => i.level2.text === '成本指标');
    expect(caps.map((i) => i.values[0].text)).toEqual([
      '≤74万元',
      '≤61.5万元',
      '≤64.5万元',
      '≤127万元',
      '≤300万元',
    ]);
    expect(caps.every((i) => i.level1.text === '产出指标')).toBe(true);
    expect(caps[4].name.text).toBe('项目总投资');
    // the 产出指标 cell is merged over 31 rows; its anchor is the first indicator row
    expect(new Set(caps.map((i) => a1(i.level1.cell)))).toEqual(
      new Set([a1(f.indicators[0].level1.cell)]),
    );
    expect(f.targets[0].text.startsWith('1.（1）编制《天津市“无废城市”建设跟踪评估方案》')).toBe(
      true,
    );
  });

  it('keeps the seed text as written, typos and page-break rows included', () => {
    // form 3: the last row was cut by a page break in the PDF
    expect(forms[2].indicators[16].values[0].text).toBe('≥90%');
    expect(forms[2].indicators[16].name.text).toBe('管理部门对总体工作完成情况满意度');
    // form 14: `市生态环境局服务满意%` is in the description as published
    expect(forms[13].indicators[13].description?.text).toBe('市生态环境局服务满意%');
    // form 16: a vague quantity
    expect(forms[15].indicators.some((i) => i.values[0].text === '视具体情况确定数量')).toBe(true);
    // form 2: three numbered target lines in one cell
    expect(forms[1].targets).toHaveLength(1);
    expect(forms[1].targets[0].text.split('\n')).toHaveLength(3);
  });

  it('reads only the forms starting inside a window', () => {
    const f2 = forms[1];
    const only2 = readProjectForms(grid, { top: f2.range.top, bottom: f2.range.bottom });
    expect(only2).toHaveLength(1);
    expect(only2[0]).toEqual(f2);
    // a window starting inside form 2 (at its 项目名称 row) does not invent a form without title
    const inside = readProjectForms(grid, { top: f2.range.top + 2, bottom: forms[3].range.bottom });
    expect(inside.map((f) => f.title)).toEqual([forms[2].title, forms[3].title]);
    // nothing is read past window.bottom
    const cut = readProjectForms(grid, { top: f2.range.top, bottom: f2.range.top + 12 });
    expect(cut).toHaveLength(1);
    expect(cut[0].indicators.length).toBe(4);
    expect(cut[0].range.bottom).toBe(f2.range.top + 12);
    expect(projectFormReader.read(grid, { top: 5, bottom: 10 })).toEqual([]);
  });
});

describe('project form reader on the one-form-per-sheet fixture', () => {
  let sheets: Grid[];
  beforeAll(async () => {
    sheets = await grids('tianjin-project-forms-by-sheet.xlsx');
  });

  it('finds one form per sheet, titles without their number', () => {
    expect(sheets).toHaveLength(34);
    const forms = sheets.map((g) => readProjectForms(g));
    expect(forms.every((f) => f.length === 1)).toBe(true);
    expect(forms[0][0].title).toBe('2023年物业费项目绩效目标表');
    expect(forms[0][0].sheet).toBe('表1');
    expect(forms.map((f) => f[0].indicators.length)).toEqual(INDICATOR_COUNTS);
  });

  it('continues a 一级 written once and reads merged 二级 cells', () => {
    const [f] = readProjectForms(sheets[1]);
    const rows = f.indicators.map((i) => [
      i.level1.text,
      a1(i.level1.cell),
      i.level2.text,
      a1(i.level2.cell),
    ]);
    expect(rows.slice(0, 7)).toEqual([
      ['产出指标', 'A10', '数量指标', 'B10'],
      ['产出指标', 'A10', '数量指标', 'B10'],
      ['产出指标', 'A10', '数量指标', 'B10'],
      ['产出指标', 'A10', '数量指标', 'B10'],
      ['产出指标', 'A10', '数量指标', 'B10'],
      ['产出指标', 'A10', '质量指标', 'B15'],
      ['产出指标', 'A10', '质量指标', 'B15'],
    ]);
    expect(rows[9]).toEqual(['效益指标', 'A19', '生态效益指标', 'B19']);
    expect(a1(f.indicators[1].values[0].cell)).toBe('E11');
  });
});
