import { describe, expect, it } from '@jest/globals';
import { fromA1, type CellRef } from '../grid/address';
import { parseAmount, type MoneyUnit } from '../money/amount';
import type { Finding, Severity } from '../model/finding';
import type {
  AmountField,
  DepartmentForm,
  Indicator,
  ListProject,
  ListUnit,
  Period,
  ProjectForm,
  ProjectList,
  TextField,
} from '../model/forms';
import type { Comparator, ParsedValue } from '../values/types';
import { INDICATOR_COLUMNS, PROJECT_COLUMNS, tableToMatrix } from './columns';
import { normalise, normaliseForm } from './normalise';
import { ruleLabel } from '../labels';

/** The 问题 cell for these rules: names beside ids (`比较符误写（value.operator-typo）`). */
const issues = (...ids: string[]) => ids.map(ruleLabel).join('；');

// ---- hand-built forms ----------------------------------------------------------------------

const at = (a1: string): CellRef => {
  const c = fromA1(a1);
  if (!c) throw new Error(a1);
  return c;
};
const text = (t: string, a1: string | null): TextField => ({ text: t, cell: a1 ? at(a1) : null });
const money = (v: string | number | null, a1: string): AmountField => ({
  text: v === null ? '' : String(v),
  cell: at(a1),
  amount: parseAmount(v),
});

/** An indicator on row `row` (1-based) of a table with columns A–F: 一级 二级 三级 描述 年度 [实施周期]. */
function ind(
  row: number,
  l1: string,
  l2: string,
  name: string,
  values: Array<[Period, string, string]>,
  extra: { description?: string; basis?: string; l1Row?: number } = {},
): Indicator {
  return {
    level1: text(l1, `A${extra.l1Row ?? row}`),
    level2: text(l2, `B${row}`),
    name: text(name, `C${row}`),
    ...(extra.description !== undefined ? { description: text(extra.description, `D${row}`) } : {}),
    values: values.map(([period, t, a1]) => ({ period, text: t, cell: at(a1) })),
    ...(extra.basis !== undefined ? { basis: text(extra.basis, `G${row}`) } : {}),
    row: row - 1,
  };
}

function projectForm(over: Partial<ProjectForm> = {}, unit: MoneyUnit = '万元'): ProjectForm {
  return {
    kind: 'project-form',
    sheet: '项目表',
    range: { top: 0, left: 0, bottom: 30, right: 6 },
    title: '2023年物业费项目绩效目标表',
    titleCell: at('A1'),
    unit,
    code: text('571-0101-YBN-NFOY', 'B3'),
    name: text('2023年物业费项目', 'B4'),
    implementer: text('天津市生态环境局财务处', 'D3'),
    budget: money(104, 'C5'),
    fiscal: money(100, 'C6'),
    other: money(4, 'C7'),
    spendingPlan: [],
    targets: [text('1.支撑保障市生态环境局正常工作开展。', 'B9')],
    targetsCell: at('B9'),
    valueColumns: ['annual'],
    indicators: [
      ind(12, '产出指标', '数量指标', '物业保障人员数量', [['annual', '≥5人', 'E12']], {
        description: '物业保障人员数量',
        basis: '计划标准',
      }),
      ind(13, '', '质量指标', '机关物业保洁率', [['annual', '100%', 'E13']], { l1Row: 12 }),
      ind(14, '效果指标', '22-社会效益', '局机关正常运转', [['annual', '保障正常运转', 'E14']]),
      ind(15, '满意度指标', '服务对象满意度', '局机关满意度', [['annual', '》90%', 'E15']]),
    ],
    ...over,
  };
}

const finding = (
  rule: string,
  a1: string,
  severity: Severity = 'error',
  form = 0,
  message = '',
): Finding => {
  const c = at(a1);
  return {
    rule,
    severity,
    sheet: '项目表',
    cell: a1,
    row: c.row,
    col: c.col,
    message,
    suggestions: [],
    form,
  };
};

/** A tiny parser for these tests, so that they do not depend on the real one. */
function stubParse(raw: string): ParsedValue {
  const typo = /^[《》]/.test(raw.trim());
  const t = raw.trim().replace(/^[《》]/, '');
  const m = /^(≥|≤|>|<|=)?(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?(.*)$/.exec(t);
  if (!t)
    return {
      raw,
      normalised: '',
      kind: 'empty',
      comparator: null,
      number: null,
      upper: null,
      unit: null,
      problems: [],
    };
  if (!m)
    return {
      raw,
      normalised: t,
      kind: 'qualitative',
      comparator: null,
      number: null,
      upper: null,
      unit: null,
      problems: [],
    };
  return {
    raw,
    normalised: t,
    kind: 'quantitative',
    comparator: (m[1] as Comparator | undefined) ?? null,
    number: m[2],
    upper: m[3] ?? null,
    unit: m[4] || null,
    problems: typo ? [{ type: 'operator-typo', suggestions: [`≤${t}`, `<${t}`] }] : [],
  };
}
const opts = { parse: stubParse };

// ---- tests ---------------------------------------------------------------------------------

describe('columns', () => {
  it('are the §5 set with 来源文件 in front and the extras at the end', () => {
    expect(INDICATOR_COLUMNS.map((c) => c.header)).toEqual([
      '来源文件',
      '表单类型',
      '工作表',
      '单元格',
      '单位名称',
      '项目编码',
      '项目名称',
      '预算数',
      '财政资金',
      '其他资金',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标描述',
      '期间',
      '指标值（原文）',
      '指标值（规范）',
      '比较符',
      '数值',
      '计量单位',
      '定量/定性',
      '确定依据',
      '问题',
      '财政专户拨款',
      '数值上限',
    ]);
    expect(PROJECT_COLUMNS.map((c) => c.header)).toEqual([
      '来源文件',
      '表单类型',
      '工作表',
      '单元格',
      '单位名称',
      '项目编码',
      '项目名称',
      '预算数',
      '财政资金',
      '财政专户拨款',
      '其他资金',
      '指标数',
      '错误数',
      '警告数',
    ]);
  });

  it('have unique keys', () => {
    for (const cols of [INDICATOR_COLUMNS, PROJECT_COLUMNS] as const) {
      const keys = cols.map((c) => c.key);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});

describe('normaliseForm: project form', () => {
  const rows = normaliseForm(projectForm(), [], 'a.xlsx', opts);

  it('gives one row per indicator with the form head on every row', () => {
    expect(rows.indicators).toHaveLength(4);
    for (const r of rows.indicators) {
      expect(r).toMatchObject({
        source: 'a.xlsx',
        formKind: '项目支出绩效目标表',
        sheet: '项目表',
        unitName: '天津市生态环境局财务处',
        code: '571-0101-YBN-NFOY',
        project: '2023年物业费项目',
        budget: 104,
        fiscal: 100,
        other: 4,
        special: null,
      });
    }
  });

  it('parses the value into comparison, number and unit', () => {
    expect(rows.indicators[0]).toMatchObject({
      cell: 'E12',
      level1: '产出指标',
      level2: '数量指标',
      name: '物业保障人员数量',
      description: '物业保障人员数量',
      period: '年度',
      rawValue: '≥5人',
      normalisedValue: '≥5人',
      comparator: '≥',
      number: 5,
      measureUnit: '人',
      valueKind: '定量',
      basis: '计划标准',
      issues: '',
      upper: null,
    });
  });

  it('writes = for a number without a comparison and nothing for text', () => {
    expect(rows.indicators[1]).toMatchObject({ comparator: '=', number: 100, measureUnit: '%' });
    expect(rows.indicators[2]).toMatchObject({
      comparator: '',
      number: null,
      measureUnit: '',
      valueKind: '定性',
    });
  });

  it('puts 一级/二级 in their standard names (synonyms, codes, missing 指标)', () => {
    expect(rows.indicators.map((r) => [r.level1, r.level2])).toEqual([
      ['产出指标', '数量指标'],
      // a blank 一级 under a known 二级 takes its parent
      ['产出指标', '质量指标'],
      ['效益指标', '社会效益指标'],
      ['满意度指标', '服务对象满意度指标'],
    ]);
  });

  it('leaves 比较符 blank for a book-title mark that may mean either sign', () => {
    const f = projectForm({
      indicators: [ind(12, '产出指标', '成本指标', '评审会成本', [['annual', '《330', 'E12']])],
    });
    const [r] = normaliseForm(f, [], 'a.xlsx', opts).indicators;
    expect([r.comparator, r.number, r.valueKind]).toEqual(['', 330, '定量']);
  });

  it('joins a name wrapped over lines and drops <p> markup from names', () => {
    const f = projectForm({
      name: text('<p>监督执法与应急、\n信访专项经费</p>', 'B4'),
      indicators: [
        ind(12, '产出指标', '数量指标', '<p>系统\n数量', [['annual', '<p>2个</p>', 'E12']]),
      ],
    });
    const [r] = normaliseForm(f, [], 'a.xlsx', opts).indicators;
    expect([r.project, r.name, r.rawValue]).toEqual([
      '监督执法与应急、信访专项经费',
      '系统数量',
      '<p>2个</p>',
    ]);
  });

  it('keeps an unknown level name as written', () => {
    const f = projectForm({
      indicators: [ind(12, '其他指标', '奇怪指标', 'x', [['annual', '1个', 'E12']])],
    });
    const [r] = normaliseForm(f, [], 'a.xlsx', opts).indicators;
    expect([r.level1, r.level2]).toEqual(['其他指标', '奇怪指标']);
  });

  it('converts a form in 元 to 万元', () => {
    const f = projectForm(
      {
        budget: money(1040000, 'C5'),
        fiscal: money('1,000,000', 'C6'),
        other: money(40000.5, 'C7'),
      },
      '元',
    );
    const [r] = normaliseForm(f, [], 'a.xlsx', opts).indicators;
    expect([r.budget, r.fiscal, r.other]).toEqual([104, 100, 4.00005]);
  });

  it('leaves an amount that is not a number blank', () => {
    const f = projectForm({ budget: money('1O0', 'C5'), other: money(null, 'C7') });
    const [r] = normaliseForm(f, [], 'a.xlsx', opts).indicators;
    expect([r.budget, r.fiscal, r.other]).toEqual([null, 100, null]);
  });

  it('gives one project row with counts', () => {
    const findings = [
      finding('value.operator-typo', 'E15', 'error'),
      finding('indicator.unknown-level', 'A14', 'warning'),
      finding('value.not-normalised', 'E13', 'info'),
    ];
    const p = normaliseForm(projectForm(), findings, 'a.xlsx', opts).projects;
    expect(p).toEqual([
      {
        source: 'a.xlsx',
        formKind: '项目支出绩效目标表',
        sheet: '项目表',
        cell: 'B4',
        unitName: '天津市生态环境局财务处',
        code: '571-0101-YBN-NFOY',
        project: '2023年物业费项目',
        budget: 104,
        fiscal: 100,
        special: null,
        other: 4,
        indicatorCount: 4,
        errorCount: 1,
        warningCount: 1,
      },
    ]);
  });

  it('falls back to 主管部门 for 单位名称 and to blank 项目编码', () => {
    const base = projectForm();
    const f: ProjectForm = {
      ...base,
      code: undefined,
      implementer: undefined,
      department: text('天津市生态环境局', 'B2'),
    };
    const [r] = normaliseForm(f, [], 'a.xlsx', opts).indicators;
    expect([r.unitName, r.code]).toEqual(['天津市生态环境局', '']);
  });
});

describe('periods', () => {
  const twoPeriods = (values: Array<[Period, string, string]>) =>
    projectForm({
      valueColumns: ['period', 'annual'],
      indicators: [ind(12, '产出指标', '数量指标', '帮扶污染源数', values)],
    });

  it('gives two rows for an indicator with 实施周期 and 年度 values, in column order', () => {
    const rows = normaliseForm(
      twoPeriods([
        ['period', '≥450家', 'E12'],
        ['annual', '≥200家', 'F12'],
      ]),
      [],
      'a.xlsx',
      opts,
    ).indicators;
    expect(rows.map((r) => [r.period, r.cell, r.rawValue, r.number])).toEqual([
      ['实施周期', 'E12', '≥450家', 450],
      ['年度', 'F12', '≥200家', 200],
    ]);
  });

  it('skips a blank period value when the other is written', () => {
    const rows = normaliseForm(
      twoPeriods([
        ['period', '', 'E12'],
        ['annual', '2台', 'F12'],
      ]),
      [],
      'a.xlsx',
      opts,
    ).indicators;
    expect(rows.map((r) => r.period)).toEqual(['年度']);
  });

  it('keeps one row for an indicator with no value at all, with its findings', () => {
    const f = twoPeriods([
      ['period', '', 'E12'],
      ['annual', ' ', 'F12'],
    ]);
    const rows = normaliseForm(f, [finding('value.empty', 'E12')], 'a.xlsx', opts).indicators;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      period: '实施周期',
      cell: 'E12',
      valueKind: '',
      comparator: '',
      number: null,
      issues: issues('value.empty'),
    });
  });

  it('keeps one row with a blank 期间 for an indicator without value columns', () => {
    const f = projectForm({ indicators: [ind(12, '产出指标', '数量指标', '名称', [])] });
    const [r] = normaliseForm(f, [], 'a.xlsx', opts).indicators;
    expect(r).toMatchObject({ period: '', cell: 'C12', rawValue: '' });
  });

  it('reports a range with its upper bound', () => {
    const f = projectForm({
      indicators: [ind(12, '产出指标', '数量指标', '点位', [['annual', '70-80个', 'E12']])],
    });
    const [r] = normaliseForm(f, [], 'a.xlsx', opts).indicators;
    expect([r.number, r.upper, r.measureUnit]).toEqual([70, 80, '个']);
  });
});

describe('问题 column', () => {
  it('lists rule ids on the indicator cells and on this period value only', () => {
    const f = projectForm({
      valueColumns: ['period', 'annual'],
      indicators: [
        ind(12, '效果指标', '数量指标', '帮扶污染源数', [
          ['period', '《100家', 'E12'],
          ['annual', '≥200家', 'F12'],
        ]),
        ind(13, '', '质量指标', '合格率', [['annual', '100%', 'F13']], { l1Row: 12 }),
      ],
    });
    const findings = [
      finding('indicator.unknown-level', 'A12', 'warning'),
      finding('value.operator-typo', 'E12'),
      finding('value.period-annual-mismatch', 'F12', 'warning'),
      finding('value.not-normalised', 'F12', 'info'),
      finding('indicator.duplicate', 'C13', 'warning'),
      // on another form with the same cell: not this one's
      finding('value.empty', 'F13', 'error', 1),
    ].filter((x) => x.form === 0);
    const rows = normaliseForm(f, findings, 'a.xlsx', opts).indicators;
    expect(rows.map((r) => r.issues)).toEqual([
      issues('indicator.unknown-level', 'value.operator-typo'),
      issues('indicator.unknown-level', 'value.period-annual-mismatch', 'value.not-normalised'),
      // the 一级 cell is merged over both rows: its finding is about both indicators
      issues('indicator.unknown-level', 'indicator.duplicate'),
    ]);
  });

  it('lists each rule once', () => {
    const f = projectForm();
    const findings = [finding('value.operator-typo', 'E15'), finding('value.operator-typo', 'E15')];
    const rows = normaliseForm(f, findings, 'a.xlsx', opts).indicators;
    expect(rows[3].issues).toBe(issues('value.operator-typo'));
  });
});

// ---- project list --------------------------------------------------------------------------

function packed(
  row: number,
  index: number,
  l1: string,
  l2: string,
  name: string,
  values: Array<[Period, string]>,
): Indicator {
  const cell = at(`G${row}`);
  return {
    level1: { text: l1, cell },
    level2: { text: l2, cell },
    name: { text: name, cell },
    values: values.map(([period, t]) => ({ period, text: t, cell })),
    row: row - 1,
    packed: { cell, index },
  };
}

function listProject(
  row: number,
  name: string,
  amounts: [number, number | null, number | null, number | null],
  indicators: Indicator[],
): ListProject {
  return {
    role: 'project',
    name: text(name, `A${row}`),
    row: row - 1,
    total: money(amounts[0], `B${row}`),
    fiscal: money(amounts[1], `C${row}`),
    special: money(amounts[2], `D${row}`),
    other: money(amounts[3], `E${row}`),
    target: text('目标', `F${row}`),
    indicatorCell: text('…', `G${row}`),
    indicators,
  };
}

function list(): ProjectList {
  const p1 = listProject(
    6,
    '购置经费',
    [36, 36, null, null],
    [
      packed(6, 0, '1-产出指标', '11-数量指标', '购置车辆数量', [
        ['period', '车2台'],
        ['annual', '车2台'],
      ]),
      packed(6, 1, '2-效益指标', '24-可持续影响', '车辆使用率', [
        ['period', '100%'],
        ['annual', '100%'],
      ]),
    ],
  );
  const p2 = listProject(
    7,
    '评审经费',
    [239.22, 200, 27.45, 11.77],
    [
      packed(7, 0, '产出指标', '', '评审会成本', [['annual', '《330']]),
      packed(7, 1, '满意度指标', '', '服务对象满意度', [['annual', '≥90']]),
    ],
  );
  const unit: ListUnit = {
    role: 'unit',
    name: text('广州市环境技术中心（广州市水与\n海洋环境监测站）', 'A5'),
    row: 4,
    total: money(275.22, 'B5'),
    fiscal: money(236, 'C5'),
    special: money(27.45, 'D5'),
    other: money(11.77, 'E5'),
    projects: [p1, p2],
  };
  return {
    kind: 'project-list',
    sheet: '清单',
    range: { top: 0, left: 0, bottom: 7, right: 6 },
    title: '项目支出绩效目标表（含转移支付项目）',
    titleCell: at('A1'),
    unit: '万元',
    department: text('广州市生态环境局番禺分局', 'A2'),
    total: null,
    units: [unit],
    indicators: [...p1.indicators, ...p2.indicators],
  };
}

const listFinding = (
  rule: string,
  a1: string,
  message = '',
  severity: Severity = 'error',
): Finding => ({
  ...finding(rule, a1, severity, 0, message),
  sheet: '清单',
});

describe('normaliseForm: project list', () => {
  it('gives each packed indicator and period its row, with the project and unit row amounts', () => {
    const rows = normaliseForm(list(), [], 'gz.xlsx', opts).indicators;
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => [r.project, r.name, r.period, r.cell])).toEqual([
      ['购置经费', '购置车辆数量', '实施周期', 'G6'],
      ['购置经费', '购置车辆数量', '年度', 'G6'],
      ['购置经费', '车辆使用率', '实施周期', 'G6'],
      ['购置经费', '车辆使用率', '年度', 'G6'],
      ['评审经费', '评审会成本', '年度', 'G7'],
      ['评审经费', '服务对象满意度', '年度', 'G7'],
    ]);
    expect(rows[4]).toMatchObject({
      formKind: '项目支出绩效目标表（含转移支付项目）',
      unitName: '广州市环境技术中心（广州市水与海洋环境监测站）',
      code: '',
      budget: 239.22,
      fiscal: 200,
      special: 27.45,
      other: 11.77,
      level1: '产出指标',
      level2: '',
    });
    expect(rows[2]).toMatchObject({ level1: '效益指标', level2: '可持续影响指标' });
  });

  it('gives one project row per list project, with its own findings only', () => {
    const findings = [
      listFinding('funding.row-sum', 'B7'),
      listFinding('value.operator-typo', 'G7', '“《330”中的“《”应为比较符'),
      listFinding(
        'value.missing-unit',
        'G7',
        '满意度指标“服务对象满意度”的值“≥90”缺少单位',
        'warning',
      ),
      listFinding('funding.column-sum', 'B5'),
    ];
    const p = normaliseForm(list(), findings, 'gz.xlsx', opts).projects;
    expect(
      p.map((r) => [
        r.project,
        r.cell,
        r.unitName,
        r.budget,
        r.fiscal,
        r.special,
        r.other,
        r.indicatorCount,
        r.errorCount,
        r.warningCount,
      ]),
    ).toEqual([
      [
        '购置经费',
        'A6',
        '广州市环境技术中心（广州市水与海洋环境监测站）',
        36,
        36,
        null,
        null,
        2,
        0,
        0,
      ],
      [
        '评审经费',
        'A7',
        '广州市环境技术中心（广州市水与海洋环境监测站）',
        239.22,
        200,
        27.45,
        11.77,
        2,
        2,
        1,
      ],
    ]);
  });

  it('gives a finding on a packed cell to the indicator it quotes', () => {
    const wholeCell =
      '1、产出指标：评审会成本，年度指标值：≤330。2、满意度指标：服务对象满意度，年度指标值：≥90%。';
    const findings = [
      {
        ...listFinding('value.operator-typo', 'G7', '“《330”中的“《”应为比较符'),
        suggestions: [{ text: wholeCell, value: wholeCell, replacesFormula: false }],
      },
      listFinding(
        'value.missing-unit',
        'G7',
        '满意度指标“服务对象满意度”的值“≥90”缺少单位',
        'warning',
      ),
      listFinding('indicator.missing-category', 'G7', '缺少时效指标', 'warning'),
      // by position: the second item of the cell
      listFinding('indicator.duplicate', 'G7', '第 2 项指标与其他项重复', 'warning'),
    ];
    const rows = normaliseForm(list(), findings, 'gz.xlsx', opts).indicators;
    expect(rows.slice(4).map((r) => [r.name, r.issues])).toEqual([
      ['评审会成本', issues('value.operator-typo')],
      ['服务对象满意度', issues('value.missing-unit', 'indicator.duplicate')],
    ]);
    expect(rows.slice(0, 4).every((r) => r.issues === '')).toBe(true);
  });

  it('gives a finding on one period of a packed item to that period only', () => {
    const findings = [
      listFinding(
        'value.not-normalised',
        'G6',
        '第 2 项指标“车辆使用率”的实施周期指标值“100%。”含末尾句号，规范写法为“100%”。',
        'info',
      ),
    ];
    const rows = normaliseForm(list(), findings, 'gz.xlsx', opts).indicators;
    expect(rows.slice(0, 4).map((r) => [r.name, r.period, r.issues])).toEqual([
      ['购置车辆数量', '实施周期', ''],
      ['购置车辆数量', '年度', ''],
      ['车辆使用率', '实施周期', issues('value.not-normalised')],
      ['车辆使用率', '年度', ''],
    ]);
  });

  it('names the list department for projects listed before any unit row', () => {
    const l = list();
    const f: ProjectList = { ...l, units: [{ ...l.units[0], row: -1 }] };
    const [r] = normaliseForm(f, [], 'gz.xlsx', opts).indicators;
    expect(r.unitName).toBe('广州市生态环境局番禺分局');
  });
});

// ---- department form -----------------------------------------------------------------------

function departmentForm(): DepartmentForm {
  return {
    kind: 'department-form',
    sheet: '部门',
    range: { top: 0, left: 0, bottom: 40, right: 6 },
    title: '部门整体支出绩效目标申报表',
    titleCell: at('A2'),
    unit: '万元',
    name: text('湛江市生态环境局', 'B4'),
    budget: money('8254.22 万元', 'E6'),
    splits: [
      {
        key: 'revenue-source',
        label: '按收入来源',
        parts: [
          { label: '财政拨款', field: money(8254.22, 'G9') },
          { label: '其他资金', field: money(0, 'G10') },
        ],
      },
    ],
    tasks: [],
    indicators: [
      ind(30, '效益指标', '生态效益指标', '强化优良空气提升', [
        ['annual', '到2020年底空气质量优良率≥94%', 'E30'],
      ]),
    ],
  };
}

describe('normaliseForm: department form', () => {
  it('uses the department as 单位/项目 and 部门预算金额 with the revenue split', () => {
    const rows = normaliseForm(departmentForm(), [], 'zj.xlsx', opts);
    expect(rows.indicators[0]).toMatchObject({
      formKind: '部门整体支出绩效目标表',
      unitName: '湛江市生态环境局',
      project: '湛江市生态环境局',
      code: '',
      budget: 8254.22,
      fiscal: 8254.22,
      other: 0,
      level2: '生态效益指标',
      name: '强化优良空气提升',
    });
    expect(rows.projects).toEqual([
      expect.objectContaining({
        cell: 'B4',
        project: '湛江市生态环境局',
        budget: 8254.22,
        indicatorCount: 1,
      }),
    ]);
  });
});

// ---- several inputs ------------------------------------------------------------------------

describe('normalise', () => {
  it('joins several workbooks with their source names and matches findings by sheet and form', () => {
    const f0 = projectForm();
    const f1 = projectForm({ name: text('第二个项目', 'B40') });
    const wb = normalise(
      [
        {
          source: 'a.xlsx',
          sheets: [
            {
              sheet: '项目表',
              forms: [f0, f1],
              findings: [finding('value.operator-typo', 'E15', 'error', 1)],
            },
          ],
        },
        { source: 'b.xlsx', sheets: [{ sheet: '部门', forms: [departmentForm()], findings: [] }] },
      ],
      opts,
    );
    expect(wb.indicators.name).toBe('指标');
    expect(wb.projects.name).toBe('项目资金');
    expect(wb.indicators.rows.map((r) => r.source)).toEqual([...Array(8).fill('a.xlsx'), 'b.xlsx']);
    expect(wb.indicators.rows[3].issues).toBe('');
    expect(wb.indicators.rows[7].issues).toBe(issues('value.operator-typo'));
    expect(wb.projects.rows.map((r) => [r.source, r.project, r.errorCount])).toEqual([
      ['a.xlsx', '2023年物业费项目', 0],
      ['a.xlsx', '第二个项目', 1],
      ['b.xlsx', '湛江市生态环境局', 0],
    ]);
  });

  it('gives a matrix with the header first and numbers as numbers', () => {
    const wb = normalise(
      [{ source: 'a.xlsx', sheets: [{ sheet: '项目表', forms: [projectForm()], findings: [] }] }],
      opts,
    );
    const m = tableToMatrix(wb.indicators);
    expect(m[0][0]).toBe('来源文件');
    expect(m).toHaveLength(5);
    const budgetCol = INDICATOR_COLUMNS.findIndex((c) => c.key === 'budget');
    expect(m[1][budgetCol]).toBe(104);
  });

  it('uses the engine parser by default', () => {
    const [r] = normaliseForm(projectForm(), [], 'a.xlsx').indicators;
    expect(r).toMatchObject({ rawValue: '≥5人', comparator: '≥', number: 5, measureUnit: '人' });
  });
});

describe('with the engine parser', () => {
  const one = (value: string) =>
    normaliseForm(
      projectForm({
        indicators: [ind(12, '产出指标', '数量指标', 'x', [['annual', value, 'E12']])],
      }),
      [],
      'a.xlsx',
    ).indicators[0];

  it.each([
    // value, 比较符, 数值, 计量单位, 定量/定性
    ['≥90%', '≥', 90, '%', '定量'],
    ['100%', '=', 100, '%', '定量'],
    ['＞4000', '>', 4000, '', '定量'],
    ['>=90%', '≥', 90, '%', '定量'],
    ['《=15万元', '≤', 15, '万元', '定量'],
    ['《330', '', 330, '', '定量'],
    ['约90家', '', 90, '家', '定量'],
    ['≥5次/年', '≥', 5, '次/年', '定量'],
    ['有效提升', '', null, '', '定性'],
    ['2023年底前', '', null, '', '定性'],
    ['', '', null, '', ''],
  ])('%s → %s %s %s %s', (value, comparator, number, unit, kind) => {
    const r = one(value);
    expect([r.comparator, r.number, r.measureUnit, r.valueKind]).toEqual([
      comparator,
      number,
      unit,
      kind,
    ]);
  });

  it('gives a range its upper bound', () => {
    expect([one('70-80个').number, one('70-80个').upper]).toEqual([70, 80]);
  });
});
