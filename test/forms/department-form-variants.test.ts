import {
  fromA1,
  Grid,
  rangeFromA1,
  rangeToA1,
  readSheet,
  sum,
  toA1,
  type CellRef,
  type CellValue,
  type Range,
} from '../../src/engine';
import type { AmountField, DepartmentForm } from '../../src/engine/model/forms';
import { departmentFormReader } from '../../src/engine/forms/department-form';

const a1 = (cell: CellRef | null | undefined) => (cell ? toA1(cell) : null);
const amountOf = (f: AmountField) => (f.amount.ok ? f.amount.value.toFixed() : f.amount.problem);

/** A grid from rows of values (row 1 first) and merges in A1 notation. */
function gridOf(rows: CellValue[][], merges: string[] = []): Grid {
  return new Grid({
    name: 'Sheet1',
    cells: rows,
    merges: merges.map((m) => rangeFromA1(m) as Range),
  });
}

/** A grid from `{ C3: '部门名称', … }`. */
function gridAt(values: Record<string, CellValue>, merges: string[] = []): Grid {
  const rows: CellValue[][] = [];
  for (const [ref, v] of Object.entries(values)) {
    const at = fromA1(ref);
    if (!at) throw new Error(ref);
    while (rows.length <= at.row) rows.push([]);
    rows[at.row][at.col] = v;
  }
  for (const row of rows)
    for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
  return gridOf(rows, merges);
}

function readOne(grid: Grid): DepartmentForm {
  const forms = departmentFormReader.read(grid);
  expect(forms).toHaveLength(1);
  return forms[0] as DepartmentForm;
}

describe('a clean department form (template layout, one split per row, 单位：元)', () => {
  const _ = null;
  const grid = gridOf(
    [
      ['部门整体支出绩效目标表', _, _, _, _, _],
      [_, _, _, _, _, '单位：元'],
      ['部门名称', '某市生态环境局', '预算安排年度', '2023年', _, _],
      ['财政供养人员数量', 50, '下属单位数量', 2, _, _],
      ['部门预算金额', 1000000, _, _, _, _],
      ['年度整体绩效目标概述', '改善生态环境质量。', _, _, _, _],
      ['预算整体情况', '按支出类型', '基本支出', 600000, '项目支出', 400000],
      [_, '按收入来源', '财政资金', 900000, '其他资金', 100000],
      [_, '按支出性质', '运转性支出', 600000, '事业发展性支出', 400000],
      [_, '按预算级次', '市本级预算', 800000, '对下转移支付', 200000],
      ['年度重点工作任务', '名称', '主要实施内容', '拟投入的资金（元）', '期望达到的目标', _],
      [_, '执法检查', '开展执法检查', 150000, '完成检查任务', _],
      [_, '监测运维', '监测站点运维', '100,000', '稳定运行', _],
      [_, '合计', _, 250000, _, _],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', _],
      [_, '产出指标', '数量指标', '检查企业数', '≥100家', _],
      [_, _, '质量指标', '监测数据有效率', '≥95%', _],
      [_, _, '时效指标', '按时完成率', '100%', _],
      [_, '效益指标', '社会效益指标', '环境投诉办结率', _, _],
      [_, '满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', _],
      ['其他需要说明的情况', _, _, _, _, _],
    ],
    ['A1:F1', 'A7:A10', 'A11:A14', 'A15:A20', 'E11:F11', 'E15:F15'],
  );
  const form = readOne(grid);

  it('reads the header fields and the unit', () => {
    expect(form.unit).toBe('元');
    expect(form.title).toBe('部门整体支出绩效目标表');
    expect(rangeToA1(form.range)).toBe('A1:F21');
    expect([form.name.text, a1(form.name.cell)]).toEqual(['某市生态环境局', 'B3']);
    expect([form.year?.text, a1(form.year?.cell)]).toEqual(['2023年', 'D3']);
    expect([form.staff?.text, form.subunits?.text]).toEqual(['50', '2']);
    expect([amountOf(form.budget), a1(form.budget.cell)]).toEqual(['1000000', 'B5']);
    expect(form.summary?.text).toBe('改善生态环境质量。');
  });

  it('reads splits written one per row, with 财政资金 and 对下转移支付 as the parts', () => {
    expect(
      form.splits.map((s) =>
        s.parts.map((p) => `${p.label}=${amountOf(p.field)}@${a1(p.field.cell)}`),
      ),
    ).toEqual([
      ['基本支出=600000@D7', '项目支出=400000@F7'],
      ['财政资金=900000@D8', '其他资金=100000@F8'],
      ['运转性支出=600000@D9', '事业发展性支出=400000@F9'],
      ['市本级预算=800000@D10', '对下转移支付=200000@F10'],
    ]);
    expect(form.splits.map((s) => s.key)).toEqual([
      'expense-type',
      'revenue-source',
      'expense-nature',
      'budget-level',
    ]);
  });

  it('reads the tasks and skips the 合计 row', () => {
    expect(form.tasks.map((t) => [t.name.text, amountOf(t.amount), a1(t.amount.cell)])).toEqual([
      ['执法检查', '150000', 'D12'],
      ['监测运维', '100000', 'D13'],
    ]);
    expect(form.tasks[1].amount.amount.ok && form.tasks[1].amount.amount.fromText).toBe(true);
    expect(form.tasks[0].content?.text).toBe('开展执法检查');
    expect(form.tasks[0].goal?.text).toBe('完成检查任务');
  });

  it('continues blank 一级 cells and keeps a row with a name and no value as an indicator', () => {
    expect(
      form.indicators.map((i) => [
        i.level1.text,
        a1(i.level1.cell),
        i.level2.text,
        i.name.text,
        i.values[0].text,
      ]),
    ).toEqual([
      ['产出指标', 'B16', '数量指标', '检查企业数', '≥100家'],
      ['产出指标', 'B16', '质量指标', '监测数据有效率', '≥95%'],
      ['产出指标', 'B16', '时效指标', '按时完成率', '100%'],
      ['效益指标', 'B19', '社会效益指标', '环境投诉办结率', ''],
      ['满意度指标', 'B20', '服务对象满意度指标', '群众满意度', '≥90%'],
    ]);
    expect(a1(form.indicators[3].values[0].cell)).toBe('E19');
    expect(form.emptyCategories).toEqual([]);
  });
});

describe('a department form starting at column C, labels over their values, no title', () => {
  const grid = gridAt(
    {
      A1: '附表2',
      C3: '部门名称',
      D3: '预算安排年度',
      E3: '财政供养人员数量',
      F3: '下属单位数量',
      G3: '部门预算金额（万元）',
      C4: '某区教育局',
      D4: 2024,
      E4: 30,
      F4: 0,
      G4: 500,
      C5: '年度整体绩效目标概述',
      D5: '办好人民满意的教育。',
      C6: '预算整体情况',
      D6: '其中：基本支出',
      E6: 300,
      F6: '其中：项目支出',
      G6: 200,
      D7: '财政拨款',
      E7: 500,
      F7: '其他资金',
      G7: 0,
      D8: '运转性支出',
      E8: 300,
      F8: '事业发展性支出',
      G8: 200,
      D9: '市本级预算',
      E9: 450,
      F9: '转移支付市县',
      G9: 50,
      C10: '年度重点工作任务',
      D10: '名称',
      E10: '主要实施内容',
      F10: '拟投入的资金（万元）',
      G10: '期望达到的目标',
      D11: '教师培训',
      E11: '全员培训',
      F11: '120.5',
      G11: '提升师资',
      C12: '绩效指标',
      D12: '一级指标',
      E12: '二级指标',
      F12: '三级指标',
      G12: '指标值',
      D13: '产出指标',
      E13: '数量指标',
      F13: '培训人次',
      G13: '≥200人次',
      D14: '满意度指标',
      E14: '服务对象满意度指标',
      F14: '学员满意度',
      G14: '》90%',
      C16: '2025年教师培训项目绩效目标表',
      C17: '项目名称',
      D17: '教师培训',
    },
    ['D5:G5'],
  );
  const form = readOne(grid);

  it('is found by its labels, starts at C3 and ends before the project form below', () => {
    expect(form.title).toBe('');
    expect(form.titleCell).toBeNull();
    expect(rangeToA1(form.range)).toBe('C3:G14');
    expect(form.unit).toBe('万元');
  });

  it('reads values written under their labels', () => {
    expect([form.name.text, a1(form.name.cell)]).toEqual(['某区教育局', 'C4']);
    expect([form.year?.text, a1(form.year?.cell)]).toEqual(['2024', 'D4']);
    expect([form.staff?.text, form.subunits?.text]).toEqual(['30', '0']);
    expect([amountOf(form.budget), a1(form.budget.cell)]).toEqual(['500', 'G4']);
    expect(form.summary?.text).toBe('办好人民满意的教育。');
  });

  it('reads splits whose labels start with 其中：', () => {
    const [type] = form.splits;
    expect(type.label).toBe('按支出类型');
    expect(type.parts.map((p) => [p.label, amountOf(p.field), a1(p.field.cell)])).toEqual([
      ['其中：基本支出', '300', 'E6'],
      ['其中：项目支出', '200', 'G6'],
    ]);
    expect(form.splits).toHaveLength(4);
  });

  it('reads the task and the indicators', () => {
    expect(form.tasks.map((t) => [t.name.text, amountOf(t.amount), a1(t.amount.cell)])).toEqual([
      ['教师培训', '120.5', 'F11'],
    ]);
    expect(form.indicators.map((i) => [i.level1.text, i.name.text, a1(i.values[0].cell)])).toEqual([
      ['产出指标', '培训人次', 'G13'],
      ['满意度指标', '学员满意度', 'G14'],
    ]);
  });
});

describe('indicators under a 一级 merged down its rows', () => {
  const _ = null;
  const grid = gridOf(
    [
      ['2024年度部门整体绩效目标表', _, _, _, _],
      ['部门名称', '某县水务局', _, _, _],
      ['部门预算金额', '300万元', _, _, _],
      ['预算整体情况', '基本支出', 100, '项目支出', 200],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
      [_, '产出指标：完成年度任务', '数量指标', '维修泵站数', '5座'],
      [_, _, _, '巡查河道长度', '≥120公里'],
      [_, _, '时效指标', _, _],
      [_, _, '成本指标', '维修成本', '≤50万元'],
      [_, '效益指标', '社会效益指标', '供水保障率', '≥99%'],
      [_, '满意度指标', _, _, _],
      ['财政部门审核意见', _, _, _, _],
    ],
    ['A1:E1', 'A5:A11', 'B6:B9', 'C6:C7'],
  );
  const form = readOne(grid);

  it('reads the year from the title and the unit suffix in the budget cell', () => {
    expect([form.year?.text, a1(form.year?.cell)]).toEqual(['2024年度', 'A1']);
    expect(amountOf(form.budget)).toBe('300');
    expect(form.splits.map((s) => s.key)).toEqual(['expense-type']);
    expect(form.tasks).toEqual([]);
  });

  it('gives every row under the merge its 一级, by name, at the merged cell', () => {
    expect(
      form.indicators.map((i) => [
        i.row,
        i.level1.text,
        a1(i.level1.cell),
        i.level2.text,
        a1(i.level2.cell),
        i.name.text,
        i.values[0].text,
      ]),
    ).toEqual([
      [5, '产出指标', 'B6', '数量指标', 'C6', '维修泵站数', '5座'],
      [6, '产出指标', 'B6', '数量指标', 'C6', '巡查河道长度', '≥120公里'],
      [8, '产出指标', 'B6', '成本指标', 'C9', '维修成本', '≤50万元'],
      [9, '效益指标', 'B10', '社会效益指标', 'C10', '供水保障率', '≥99%'],
    ]);
  });

  it('reports 时效指标 and a lone 满意度指标 as categories with no indicator', () => {
    expect(
      form.emptyCategories?.map((c) => [c.row, c.level1.text, c.level2.text, a1(c.level2.cell)]),
    ).toEqual([
      [7, '产出指标', '时效指标', 'C8'],
      [10, '满意度指标', '', 'C11'],
    ]);
  });
});

describe('several department forms on one sheet', () => {
  const _ = null;
  const block = (name: string, budget: number): CellValue[][] => [
    ['部门整体支出绩效目标表', _, _, _],
    ['部门名称', name, _, _],
    ['部门预算金额', budget, _, _],
    ['预算整体情况', '基本支出', budget, _],
    [_, '项目支出', 0, _],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
    [_, '产出指标', '数量指标', '检查次数', '≥10次'],
  ];
  const stacked = gridOf([...block('甲局', 10), [], ...block('乙局', 20)]);

  it('reads stacked forms separately', () => {
    const forms = departmentFormReader.read(stacked) as DepartmentForm[];
    expect(forms.map((f) => [f.name.text, amountOf(f.budget), rangeToA1(f.range)])).toEqual([
      ['甲局', '10', 'A1:E7'],
      ['乙局', '20', 'A9:E15'],
    ]);
    expect(forms.map((f) => f.indicators.length)).toEqual([1, 1]);
    expect(readSheet(stacked)).toHaveLength(2);
  });

  it('reads only the form starting in the window', () => {
    const forms = departmentFormReader.read(stacked, { top: 8, bottom: 14 }) as DepartmentForm[];
    expect(forms.map((f) => f.name.text)).toEqual(['乙局']);
  });

  it('reads forms side by side', () => {
    const left = block('甲局', 10);
    const right = block('乙局', 20);
    const pad = (row: CellValue[]) => [...row, ...Array<CellValue>(5 - row.length).fill(_)];
    const rows = left.map((row, i) => [...pad(row), _, _, ...right[i]]);
    const forms = departmentFormReader.read(gridOf(rows)) as DepartmentForm[];
    expect(forms.map((f) => [f.name.text, rangeToA1(f.range)])).toEqual([
      ['甲局', 'A1:E7'],
      ['乙局', 'H1:L7'],
    ]);
    const total = sum(forms.flatMap((f) => (f.budget.amount.ok ? [f.budget.amount.value] : [])));
    expect(total.toFixed()).toBe('30');
  });
});

describe('labels with their value in the same cell', () => {
  const _ = null;
  const grid = gridOf([
    ['部门整体支出绩效目标申报表', _, _],
    ['部门名称：某市统计局', _, '预算安排年度：2022年'],
    ['部门预算金额：1,250.5万元', _, _],
    ['预算整体情况', '财政拨款', 1200],
    [_, '其他资金', 50.5],
  ]);
  const form = readOne(grid);

  it('reads the text after the colon, at the label cell', () => {
    expect([form.name.text, a1(form.name.cell)]).toEqual(['某市统计局', 'A2']);
    expect([form.year?.text, a1(form.year?.cell)]).toEqual(['2022年', 'C2']);
    expect([form.budget.text, amountOf(form.budget), a1(form.budget.cell)]).toEqual([
      '1,250.5万元',
      '1250.5',
      'A3',
    ]);
    expect(form.splits.map((s) => s.key)).toEqual(['revenue-source']);
    expect(form.staff).toBeUndefined();
  });
});
