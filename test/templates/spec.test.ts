import {
  BASIS_CHOICES,
  buildTemplate,
  departmentTemplate,
  evaluateFormulas,
  fieldsToCells,
  listTemplate,
  projectTemplate,
  UnknownFieldError,
  VALUE_ERROR,
  type SheetSpec,
  type TemplateSpec,
} from '../../src/templates';

function valueAt(sheet: SheetSpec, address: string): string | number | undefined {
  return sheet.cells.find((c) => c.address === address)?.value;
}

function labels(sheet: SheetSpec): string[] {
  return sheet.cells.filter((c) => typeof c.value === 'string').map((c) => String(c.value));
}

/** The address right of a label cell (its merge's right edge + 1). */
function rightOf(sheet: SheetSpec, label: string): string {
  const cell = sheet.cells.find((c) => c.value === label);
  if (!cell) throw new Error(`no label ${label}`);
  const merge = sheet.merges.find((m) => m.startsWith(`${cell.address}:`));
  const end = merge ? merge.split(':')[1] : cell.address;
  const [, col, row] = /^([A-Z]+)(\d+)$/.exec(end) as RegExpExecArray;
  return `${String.fromCharCode(col.charCodeAt(0) + 1)}${cell.address.replace(/^[A-Z]+/, '') || row}`;
}

const ALL: Array<[string, TemplateSpec]> = [
  ['project default', projectTemplate()],
  [
    'project multi-year first-level 元',
    projectTemplate({ year: 2026, multiYear: true, cost: 'first-level', unit: '元', rows: 1 }),
  ],
  ['department default', departmentTemplate({ year: 2026 })],
  [
    'department first-level 8 tasks',
    departmentTemplate({ cost: 'first-level', tasks: 8, rows: 2 }),
  ],
  ['list default', listTemplate({ year: 2026 })],
  [
    'list 2 units multi-year',
    listTemplate({ units: 2, projects: 2, rows: 3, multiYear: true, unit: '元' }),
  ],
];

describe.each(ALL)('%s: a well-formed spec', (_name, spec) => {
  const sheet = spec.sheet;

  it('is plain data (survives JSON)', () => {
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it('maps every input field to an unlocked cell and every output to a formula', () => {
    const byAddress = new Map(sheet.cells.map((c) => [c.address, c]));
    for (const [field, address] of Object.entries(sheet.inputs)) {
      const cell = byAddress.get(address);
      expect({ field, found: !!cell }).toEqual({ field, found: true });
      expect({ field, locked: sheet.styles[cell!.style].locked }).toEqual({ field, locked: false });
      expect(cell!.formula).toBeUndefined();
    }
    for (const [field, address] of Object.entries(sheet.outputs)) {
      expect({ field, formula: typeof byAddress.get(address)?.formula }).toEqual({
        field,
        formula: 'string',
      });
    }
    // only input cells are unlocked
    const inputs = new Set(Object.values(sheet.inputs));
    for (const c of sheet.cells) {
      if (!sheet.styles[c.style].locked) expect(inputs.has(c.address)).toBe(true);
    }
  });

  it('has no overlapping merges and refers only to defined styles', () => {
    const seen = new Set<string>();
    for (const m of sheet.merges) {
      const [a, b] = m.split(':');
      const col = (x: string) => x.replace(/\d+/, '').charCodeAt(0) - 64;
      const row = (x: string) => Number(x.replace(/^[A-Z]+/, ''));
      for (let r = row(a); r <= row(b); r++) {
        for (let c = col(a); c <= col(b); c++) {
          const key = `${c},${r}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
      }
    }
    for (const c of sheet.cells) expect(sheet.styles[c.style]).toBeDefined();
  });

  it('prints on A4 fitted to the page width, with a protected layout and no password', () => {
    expect(sheet.print).toMatchObject({ paper: 'A4', fitToPageWidth: true, gridlines: false });
    expect(sheet.print.titleRows).toMatch(/^\d+:\d+$/);
    expect(sheet.protection).toMatchObject({ sheet: true, password: null });
    expect(sheet.columnWidths.length).toBeGreaterThan(5);
  });

  it('computes every formula without an error on a blank form', () => {
    const results = evaluateFormulas(sheet, {});
    for (const [address, r] of Object.entries(results)) {
      expect({ address, r }).not.toEqual({ address, r: VALUE_ERROR });
    }
  });
});

describe('项目支出绩效目标表', () => {
  it('carries the labels the project-form reader looks for, values right of them', () => {
    const s = projectTemplate({ year: 2026 }).sheet;
    for (const l of [
      '项目编码',
      '项目名称',
      '主管部门',
      '实施单位',
      '预算数',
      '其中：财政资金',
      '其他资金',
      '资金用途',
      '资金支出计划（%）',
      '绩效目标',
      '3月底',
      '6月底',
      '9月底',
      '12月底',
    ]) {
      expect(labels(s)).toContain(l);
    }
    expect(valueAt(s, 'A1')).toBe('2026年项目支出绩效目标表');
    expect(valueAt(s, 'A2')).toBe('单位：万元');
    expect(s.inputs['project.name']).toBe(rightOf(s, '项目名称'));
    expect(s.inputs['budget.fiscal']).toBe(rightOf(s, '其中：财政资金'));
    expect(s.inputs['budget.other']).toBe(rightOf(s, '其他资金'));
    expect(s.outputs['budget.total']).toBe(rightOf(s, '预算数'));
  });

  it('has the indicator header and the standard skeleton, 成本 under 产出 by default', () => {
    const s = projectTemplate({ rows: 1 }).sheet;
    const header = s.cells.find((c) => c.value === '一级指标')!;
    const row = header.address.replace(/^[A-Z]+/, '');
    const headerTexts = s.cells
      .filter((c) => c.address.replace(/^[A-Z]+/, '') === row)
      .map((c) => c.value);
    expect(headerTexts).toEqual([
      '一级指标',
      '二级指标',
      '三级指标',
      '绩效指标描述',
      '年度指标值',
      '指标值确定依据',
    ]);
    const level2 = Object.keys(s.inputs)
      .filter((f) => f.endsWith('.level2'))
      .map((f) => valueAt(s, s.inputs[f]));
    expect(level2).toEqual([
      '数量指标',
      '质量指标',
      '时效指标',
      '成本指标',
      '经济效益指标',
      '社会效益指标',
      '生态效益指标',
      '可持续影响指标',
      '服务对象满意度指标',
    ]);
    // rows of one 一级 share its merged cell
    expect(s.inputs['indicator[0].level1']).toBe(s.inputs['indicator[3].level1']);
    expect(valueAt(s, s.inputs['indicator[4].level1'])).toBe('效益指标');
  });

  it('puts 成本指标 first-level with its three 二级 on request, and two value columns for multi-year', () => {
    const s = projectTemplate({ cost: 'first-level', multiYear: true, rows: 1, unit: '元' }).sheet;
    expect(valueAt(s, 'A2')).toBe('单位：元');
    const level1 = [
      ...new Set(
        Object.keys(s.inputs)
          .filter((f) => f.endsWith('.level1'))
          .map((f) => valueAt(s, s.inputs[f])),
      ),
    ];
    expect(level1).toEqual(['产出指标', '成本指标', '效益指标', '满意度指标']);
    expect(labels(s)).toEqual(
      expect.arrayContaining(['实施周期指标值', '年度指标值', '实施期目标', '年度目标']),
    );
    expect(s.inputs['indicator[0].period']).toBeDefined();
    expect(s.inputs['targets.period']).toBeDefined();
  });

  it('gives each 二级 the rows asked for', () => {
    expect(
      Object.keys(projectTemplate({ rows: 3 }).sheet.inputs).filter((f) =>
        /^indicator.*\.name$/.test(f),
      ),
    ).toHaveLength(27);
    const s = projectTemplate({ rows: { 数量指标: 4, 经济效益指标: 0 } }).sheet;
    const l2 = Object.keys(s.inputs)
      .filter((f) => f.endsWith('.level2'))
      .map((f) => valueAt(s, s.inputs[f]));
    expect(l2.filter((x) => x === '数量指标')).toHaveLength(4);
    expect(l2).not.toContain('经济效益指标');
    expect(l2.filter((x) => x === '质量指标')).toHaveLength(2);
  });

  it('offers dropdowns, amount and percentage validation, and the three conditional formats', () => {
    const s = projectTemplate().sheet;
    const lists = s.validations.filter((v) => v.rule.type === 'list');
    expect(lists.map((v) => v.rule.type === 'list' && v.rule.values)).toContainEqual([
      ...BASIS_CHOICES,
    ]);
    expect(lists.some((v) => v.rule.type === 'list' && v.rule.values.includes('产出指标'))).toBe(
      true,
    );
    const amount = s.validations.find((v) => v.ranges.includes(s.inputs['budget.fiscal']))!;
    expect(amount.rule).toEqual({ type: 'decimal', min: 0 });
    expect(amount.error.text).toMatch(/不小于 0/);
    const plan = s.validations.find((v) => v.ranges.includes(s.inputs['spendingPlan.mar']))!;
    expect(plan.rule).toEqual({ type: 'decimal', min: 0, max: 100 });
    const cf = s.conditionalFormats.map((c) => c.formula).join('\n');
    expect(cf).toMatch(/MAX\(/); // decreasing plan
    expect(cf).toMatch(/《/);
    expect(cf).toMatch(/〉/);
    expect(cf).toMatch(/ROUND\(/); // a total that does not add up
  });

  it('computes 预算数 = 财政资金 + 其他资金', () => {
    const s = projectTemplate().sheet;
    const cells = fieldsToCells(s, { 'budget.fiscal': 104.5, 'budget.other': 20.25 });
    expect(evaluateFormulas(s, cells)[s.outputs['budget.total']]).toBeCloseTo(124.75, 10);
    expect(evaluateFormulas(s, {})[s.outputs['budget.total']]).toBe('');
  });

  it('refuses an unknown field', () => {
    expect(() => fieldsToCells(projectTemplate().sheet, { 'budget.nope': 1 })).toThrow(
      UnknownFieldError,
    );
  });
});

describe('部门整体支出绩效目标表', () => {
  const s = departmentTemplate({ year: 2026, tasks: 3 }).sheet;

  it('carries the labels of the department form', () => {
    expect(labels(s)).toEqual(
      expect.arrayContaining([
        '部门名称',
        '预算安排年度',
        '财政供养人员数量',
        '下属单位数量',
        '部门预算金额',
        '年度整体绩效目标概述',
        '预算整体情况',
        '基本支出',
        '项目支出',
        '财政拨款',
        '其他资金',
        '运转性支出',
        '事业发展性支出',
        '市本级预算',
        '转移支付市县',
        '年度重点工作任务',
        '名称',
        '主要实施内容',
        '拟投入的资金（万元）',
        '期望达到的目标',
        '绩效指标',
        '三级指标',
        '指标值',
      ]),
    );
    expect(s.inputs['budget.total']).toBe(rightOf(s, '部门预算金额'));
    expect(valueAt(s, s.inputs['department.year'])).toBe(2026);
  });

  it('checks each split against 部门预算金额 and the key tasks against 项目支出', () => {
    const cells = fieldsToCells(s, {
      'budget.total': 8254.22,
      'split.basic': 4754.96,
      'split.project': 3499.26,
      'split.fiscal': 8254.22,
      'split.other': 0,
      'split.operating': 8254.22,
      'split.development': 1,
      'split.cityLevel': 8000,
      'split.transfer': 254.22,
      'task[0].amount': 300,
      'task[1].amount': 200,
      'task[2].amount': 650,
    });
    const r = evaluateFormulas(s, cells);
    expect(r[s.outputs['check.expenseType']]).toBe('');
    expect(r[s.outputs['check.revenueSource']]).toBe('');
    expect(r[s.outputs['check.expenseNature']]).toMatch(/不等于部门预算金额/);
    expect(r[s.outputs['check.budgetLevel']]).toBe('');
    expect(r[s.outputs['tasks.total']]).toBe(1150);
    expect(r[s.outputs['check.tasks']]).toBe('');
    const over = evaluateFormulas(s, { ...cells, ...fieldsToCells(s, { 'task[2].amount': 3000 }) });
    expect(over[s.outputs['check.tasks']]).toBe('重点工作任务拟投入资金合计超过项目支出');
  });
});

describe('项目支出绩效目标汇总表', () => {
  const s = listTemplate({ units: 2, projects: 2, rows: 2 }).sheet;

  it('has the list header with 绩效指标 split into one indicator per row', () => {
    expect(labels(s)).toEqual(
      expect.arrayContaining([
        '项目名称（资金使用单位）',
        '总计',
        '财政拨款',
        '财政专户拨款',
        '其他资金',
        '绩效目标',
        '绩效指标',
        '一级指标',
        '二级指标',
        '三级指标',
        '指标值',
        '合计',
      ]),
    );
    expect(valueAt(s, 'A1')).toBe('项目支出绩效目标表（含转移支付项目）');
    expect(s.inputs['unit[1].project[1].indicator[1].annual']).toBeDefined();
  });

  it('sums projects into units, units into 合计, and sources into 总计', () => {
    const cells = fieldsToCells(s, {
      'unit[0].project[0].fiscal': 36,
      'unit[0].project[1].fiscal': 590.9,
      'unit[0].project[1].other': 9.1,
      'unit[1].project[0].special': 100,
      'unit[1].project[1].fiscal': 0.05,
    });
    const r = evaluateFormulas(s, cells);
    expect(r[s.outputs['unit[0].project[1].total']]).toBeCloseTo(600, 10);
    expect(r[s.outputs['unit[0].fiscal']]).toBeCloseTo(626.9, 10);
    expect(r[s.outputs['unit[0].total']]).toBeCloseTo(636, 10);
    expect(r[s.outputs['unit[1].special']]).toBe(100);
    expect(r[s.outputs['total.fiscal']]).toBeCloseTo(626.95, 10);
    expect(r[s.outputs['total.total']]).toBeCloseTo(736.05, 10);
    expect(r[s.outputs['total.other']]).toBeCloseTo(9.1, 10);
  });

  it('rejects impossible counts', () => {
    expect(() => buildTemplate('list', { units: 0 })).toThrow();
    expect(() => buildTemplate('department', { tasks: 0 })).toThrow();
  });
});
