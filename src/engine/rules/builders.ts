/**
 * Builders for hand-made forms in rule tests: small, with defaults for everything a case does not
 * care about. Cells are given as A1 addresses. Not used outside tests.
 */
import { fromA1, type CellRef } from '../grid/address';
import { parseAmount } from '../money/amount';
import { amountsInFormUnit } from '../model/money-fields';
import type {
  AmountField,
  DepartmentForm,
  DepartmentSplit,
  FundingRow,
  Indicator,
  IndicatorValueField,
  KeyTask,
  ListProject,
  ListUnit,
  Period,
  ProjectForm,
  ProjectList,
  SpendingPlanEntry,
  TextField,
} from '../model/forms';

export function at(a1: string): CellRef {
  const ref = fromA1(a1);
  if (!ref) throw new Error(`bad cell ${a1}`);
  return ref;
}

export function text(t: string, a1: string | null): TextField {
  return { text: t, cell: a1 ? at(a1) : null };
}

/** An amount cell: a string is text typed into the cell, a number a numeric cell, null a blank one. */
export function amount(v: string | number | null, a1: string | null): AmountField {
  return { text: v === null ? '' : String(v), cell: a1 ? at(a1) : null, amount: parseAmount(v) };
}

/** One indicator row: `[一级, 二级, 三级, ...values]`; blank 一级/二级 continue the row above. */
export type Row = readonly [string, string, string, ...string[]];

export interface TableOptions {
  /** sheet row (1-based) of the first indicator */
  readonly firstRow: number;
  /** value columns in order; default one annual column */
  readonly periods?: ReadonlyArray<Period>;
  /** column letters of 一级, 二级, 三级 and the first value column; default A, B, C, E */
  readonly columns?: readonly [string, string, string, string];
}

function col(letter: string, row: number): string {
  return `${letter}${row}`;
}

function nextLetter(letter: string, by: number): string {
  return String.fromCharCode(letter.charCodeAt(0) + by);
}

/** Indicator rows of a project or department form, one sheet row each. */
export function table(rows: ReadonlyArray<Row>, opts: TableOptions): Indicator[] {
  const periods = opts.periods ?? ['annual'];
  const [c1, c2, c3, cv] = opts.columns ?? ['A', 'B', 'C', 'E'];
  let l1: TextField = text('', null);
  let l2: TextField = text('', null);
  return rows.map(([t1, t2, name, ...values], i) => {
    const r = opts.firstRow + i;
    if (t1 !== '') l1 = text(t1, col(c1, r));
    if (t2 !== '') l2 = text(t2, col(c2, r));
    const fields: IndicatorValueField[] = periods.map((period, k) => ({
      period,
      text: values[k] ?? '',
      cell: at(col(nextLetter(cv, k), r)),
    }));
    return { level1: l1, level2: l2, name: text(name, col(c3, r)), values: fields, row: r - 1 };
  });
}

export interface ProjectFormSpec {
  readonly name?: string;
  readonly budget?: string | number | null;
  readonly fiscal?: string | number | null;
  readonly other?: string | number | null;
  /** false: the form has no 其中 rows at all */
  readonly split?: boolean;
  readonly unit?: ProjectForm['unit'];
  readonly targets?: ReadonlyArray<string>;
  /** `[label, value]` pairs in columns B… of row 8 */
  readonly spendingPlan?: ReadonlyArray<readonly [string, string | number | null]>;
  readonly indicators?: ReadonlyArray<Row>;
  readonly periods?: ReadonlyArray<Period>;
}

/**
 * A project form laid out as Tianjin's: title A1, 项目名称 B3, 预算数 C5, 财政资金 C6, 其他资金 C7,
 * 资金支出计划 B8…, 绩效目标 B10, indicators from row 12 (一级 A, 二级 B, 三级 C, 指标值 E…).
 */
export function projectForm(spec: ProjectFormSpec = {}): ProjectForm {
  return amountsInFormUnit(buildProjectForm(spec));
}

function buildProjectForm(spec: ProjectFormSpec): ProjectForm {
  const split = spec.split ?? true;
  const periods = spec.periods ?? ['annual'];
  const plan: SpendingPlanEntry[] = (spec.spendingPlan ?? []).map(([label, v], i) => ({
    label,
    field: amount(v, col(nextLetter('B', i), 8)),
  }));
  const indicators = table(spec.indicators ?? COMPLETE_PROJECT, { firstRow: 12, periods });
  return {
    kind: 'project-form',
    sheet: 'Sheet1',
    range: { top: 0, left: 0, bottom: 11 + indicators.length, right: 5 },
    title: '2023年测试项目绩效目标表',
    titleCell: at('A1'),
    unit: spec.unit ?? '万元',
    indicators,
    name: text(spec.name ?? '2023年测试项目', 'B3'),
    budget: amount(spec.budget === undefined ? '104.00' : spec.budget, 'C5'),
    fiscal: split ? amount(spec.fiscal === undefined ? '104.00' : spec.fiscal, 'C6') : undefined,
    other: split ? amount(spec.other === undefined ? null : spec.other, 'C7') : undefined,
    spendingPlan: plan,
    targets: (spec.targets ?? ['1.支撑保障市生态环境局正常工作开展。']).map((t) => text(t, 'B10')),
    targetsCell: at('B10'),
    valueColumns: periods,
  };
}

/** Tianjin form 1 (2023年物业费项目): complete, every category present. */
export const COMPLETE_PROJECT: ReadonlyArray<Row> = [
  ['产出指标', '数量指标', '物业保障人员数量', '≥5人'],
  ['', '质量指标', '机关物业保洁率', '100%'],
  ['', '时效指标', '每日保障时间', '≥8小时'],
  ['', '成本指标', '物业费支出成本', '≤104万元'],
  ['效益指标', '社会效益指标', '局机关正常运转', '保障正常运转'],
  ['满意度指标', '服务对象满意度指标', '局机关满意度', '≥90%'],
];

/** A packed item: `[一级, 二级, 三级, ...values]` (values in the list's period order). */
export type Item = readonly [string, string, string, ...string[]];

const PERIOD_LABEL: Record<Period, string> = { period: '实施周期指标值', annual: '年度指标值' };

/** The packed 绩效指标 text: style 2 (`1、1-产出指标；11-数量指标；…`) when a 二级 is given, else style 1. */
export function packText(items: ReadonlyArray<Item>, periods: ReadonlyArray<Period>): string {
  return items
    .map(([l1, l2, name, ...values], i) => {
      const vals = periods.map((p, k) => `${PERIOD_LABEL[p]}:${values[k] ?? ''}`);
      if (l2 === '') return `${i + 1}、${l1}：${name}，${vals.join('，')}。`;
      return `${i + 1}、${[l1, l2, name, ...vals].join('；')}。`;
    })
    .join('');
}

export interface ListProjectSpec {
  readonly name: string;
  /** sheet row, 1-based */
  readonly row: number;
  /** 总计, 财政拨款, 财政专户拨款, 其他资金 */
  readonly amounts: readonly [string | null, string | null, string | null, string | null];
  readonly target?: string;
  readonly items?: ReadonlyArray<Item>;
  /** the packed cell text when it should differ from `packText(items)` */
  readonly packedText?: string;
}

function fundingRow<R extends FundingRow['role']>(
  role: R,
  name: string,
  row: number,
  amounts: ListProjectSpec['amounts'],
): FundingRow & { role: R } {
  const [t, f, s, o] = amounts;
  return {
    role,
    name: text(name, `A${row}`),
    row: row - 1,
    total: amount(t, `B${row}`),
    fiscal: amount(f, `C${row}`),
    special: amount(s, `D${row}`),
    other: amount(o, `E${row}`),
  };
}

/** A list project in row `row`: columns A name, B–E money, F 绩效目标, G packed 绩效指标. */
export function listProject(
  spec: ListProjectSpec,
  periods: ReadonlyArray<Period> = ['period', 'annual'],
): ListProject {
  const items = spec.items ?? [];
  const cell = `G${spec.row}`;
  const indicators: Indicator[] = items.map(([l1, l2, name, ...values], index) => ({
    level1: text(l1, cell),
    level2: text(l2, l2 === '' ? null : cell),
    name: text(name, cell),
    values: periods.map((period, k) => ({ period, text: values[k] ?? '', cell: at(cell) })),
    row: spec.row - 1,
    packed: { cell: at(cell), index },
  }));
  return {
    ...fundingRow('project', spec.name, spec.row, spec.amounts),
    target: text(spec.target ?? '通过开展本项目，保障工作正常开展。', `F${spec.row}`),
    indicatorCell: text(spec.packedText ?? packText(items, periods), cell),
    indicators,
  };
}

export interface ProjectListSpec {
  /** the 合计 row: `[row, amounts]` */
  readonly total?: readonly [number, ListProjectSpec['amounts']] | null;
  readonly units: ReadonlyArray<{
    readonly name: string;
    /** -1 for projects listed before any unit row */
    readonly row: number;
    readonly amounts?: ListProjectSpec['amounts'];
    readonly projects: ReadonlyArray<ListProjectSpec>;
  }>;
  readonly periods?: ReadonlyArray<Period>;
  readonly unit?: ProjectList['unit'];
}

/** A project list laid out as Panyu's: title A1, header row 4, 合计 and unit rows, projects. */
export function projectList(spec: ProjectListSpec): ProjectList {
  return amountsInFormUnit(buildProjectList(spec));
}

function buildProjectList(spec: ProjectListSpec): ProjectList {
  const periods = spec.periods ?? ['period', 'annual'];
  const units: ListUnit[] = spec.units.map((u) => {
    const projects = u.projects.map((p) => listProject(p, periods));
    if (u.row < 0) {
      const none = amount(null, null);
      return {
        role: 'unit',
        name: text('', null),
        row: -1,
        total: none,
        fiscal: none,
        special: none,
        other: none,
        projects,
      };
    }
    return {
      ...fundingRow('unit', u.name, u.row, u.amounts ?? [null, null, null, null]),
      projects,
    };
  });
  const projects = units.flatMap((u) => u.projects);
  const bottom = Math.max(5, ...projects.map((p) => p.row));
  return {
    kind: 'project-list',
    sheet: 'Sheet1',
    range: { top: 0, left: 0, bottom, right: 6 },
    title: '项目支出绩效目标表（含转移支付项目）',
    titleCell: at('A1'),
    unit: spec.unit ?? '万元',
    indicators: projects.flatMap((p) => p.indicators),
    department: text('广州市生态环境局番禺分局', 'A2'),
    total: spec.total ? fundingRow('total', '合计', spec.total[0], spec.total[1]) : null,
    units,
  };
}

export interface DepartmentFormSpec {
  readonly budget?: string | number | null;
  /** pairs `[label, value]` for the four splits, in the order of `DepartmentSplitKey` */
  readonly splits?: ReadonlyArray<{
    readonly key: DepartmentSplit['key'];
    readonly label: string;
    readonly parts: ReadonlyArray<readonly [string, string | number | null, string]>;
  }>;
  /** `[name, amount, row]` */
  readonly tasks?: ReadonlyArray<readonly [string, string | number | null]>;
  readonly indicators?: ReadonlyArray<Row>;
  readonly name?: string;
  readonly unit?: DepartmentForm['unit'];
}

/** Zhanjiang's 2020 department form: 部门预算金额 8254.22 万元 in F4, four splits, five key tasks. */
export const ZHANJIANG_SPLITS: NonNullable<DepartmentFormSpec['splits']> = [
  {
    key: 'expense-type',
    label: '按支出类型',
    parts: [
      ['基本支出', '4754.96', 'D8'],
      ['项目支出', '3499.26', 'D9'],
    ],
  },
  {
    key: 'revenue-source',
    label: '按收入来源',
    parts: [
      ['财政拨款', '8254.22', 'G8'],
      ['其他资金', '0', 'G9'],
    ],
  },
  {
    key: 'expense-nature',
    label: '按支出性质',
    parts: [
      ['运转性支出', '8254.22', 'D11'],
      ['事业发展性支出', '0', 'D12'],
    ],
  },
  {
    key: 'budget-level',
    label: '按预算级次',
    parts: [
      ['市本级预算', '8254.22', 'G11'],
      ['转移支付市县', '0', 'G12'],
    ],
  },
];

export const ZHANJIANG_TASKS: NonNullable<DepartmentFormSpec['tasks']> = [
  ['市环保环境质量常规性检测维护', '300'],
  ['湛江市生态环境智能指挥中心建设', '200'],
  ['落实国家海洋督察整改', '300'],
  ['排污许可证核发', '200'],
  ['湛江市“千吨万人”饮用水水源保护区划定', '650'],
];

export function departmentForm(spec: DepartmentFormSpec = {}): DepartmentForm {
  return amountsInFormUnit(buildDepartmentForm(spec));
}

function buildDepartmentForm(spec: DepartmentFormSpec): DepartmentForm {
  const tasks: KeyTask[] = (spec.tasks ?? ZHANJIANG_TASKS).map(([name, v], i) => ({
    row: 14 + i,
    name: text(name, `B${15 + i}`),
    amount: amount(v, `D${15 + i}`),
  }));
  const splits: DepartmentSplit[] = (spec.splits ?? ZHANJIANG_SPLITS).map((s) => ({
    key: s.key,
    label: s.label,
    parts: s.parts.map(([label, v, a1]) => ({ label, field: amount(v, a1) })),
  }));
  const indicators = table(spec.indicators ?? [], { firstRow: 30 });
  return {
    kind: 'department-form',
    sheet: 'Sheet1',
    range: { top: 0, left: 0, bottom: 29 + indicators.length, right: 6 },
    title: '部门整体支出绩效目标申报表',
    titleCell: at('A1'),
    unit: spec.unit ?? '万元',
    indicators,
    name: text(spec.name ?? '湛江市生态环境局', 'B3'),
    budget: amount(spec.budget === undefined ? '8254.22 万元' : spec.budget, 'F4'),
    summary: text('统一行使生态和城乡各类污染排放监管与行政执法职责。', 'B6'),
    splits,
    tasks,
  };
}
