/**
 * The Chinese labels of the department form (docs/domain.md §1.3), in one place. Labels are compared
 * after `normLabel`: no spaces or markup, ASCII parentheses and colon, no trailing colon, no
 * `(选填)` / `(必填)` and no money-unit suffix (`部门预算金额（万元）` → `部门预算金额`).
 */
import type { DepartmentSplitKey } from '../../model/forms';
import type { MoneyUnit } from '../../money/amount';

/** A department form title: 部门整体支出绩效目标表, …申报表, 部门整体绩效目标表 (with or without a year). */
/**
 * `部门整体支出绩效目标表`, `部门（单位）整体支出绩效目标申报表`, `单位整体支出绩效目标表` (after
 * `normText`, which turns full-width brackets into ASCII ones).
 */
export const TITLE =
  /(?:部门|单位)(?:\((?:部门|单位)\))?整体(?:支出)?绩效目标(?:申报|审核|批复)?表/;

/** Any other form title on the sheet ends the department form above it. */
export const OTHER_TITLE = /绩效(目标|自评|评价)(申报)?表/;

/** A section heading that holds no value (`基本情况` beside 财政供养人员数量): never a field's value. */
const SECTION_HEADING = /^(部门|单位)?基本情况$/;

/** A label that starts another kind of form (a project form without a title). */
export const OTHER_FORM_LABEL = /^项目名称/;

/** `单位：元`, `金额单位：万元` written anywhere on the form. */
export const UNIT_STATEMENT = /单位[:：]\s*(万元|亿元|元)/;

/** The year under the title: `(2020 年度)`, or in the title itself. */
export const YEAR_TEXT = /(\d{4})\s*年度?/;

export type FieldKey = 'name' | 'year' | 'staff' | 'subunits' | 'budget' | 'summary';
export type BlockKey =
  'budget-block' | 'tasks' | 'other-targets' | 'indicators' | 'notes' | 'review';

export const FIELD_LABELS: Readonly<Record<FieldKey, ReadonlyArray<string>>> = {
  name: [
    '部门名称',
    '部门(单位)名称',
    '单位(部门)名称',
    '单位名称',
    '预算部门名称',
    '预算单位名称',
  ],
  year: ['预算安排年度', '预算年度', '预算编制年度'],
  staff: ['财政供养人员数量', '财政供养人员数', '财政供养人数', '财政供养人员'],
  subunits: ['下属单位数量', '下属单位数', '所属单位数量', '下属单位个数'],
  budget: [
    '部门预算金额',
    '部门预算总额',
    '部门预算数',
    '部门预算',
    '部门预算总金额',
    // the national layout: the tasks table's total row
    '金额合计',
    '预算金额合计',
    // a 年度部门整体支出预算 block split into 资金总额 / 财政拨款 / 其他资金
    '资金总额',
    '年度资金总额',
  ],
  summary: [
    '年度整体绩效目标概述',
    '年度整体绩效目标',
    '整体绩效目标概述',
    '部门整体绩效目标',
    '年度绩效目标概述',
    '年度绩效目标',
    '年度总体目标',
    '年度总体绩效目标',
    '整体绩效目标',
  ],
};

export const BLOCK_LABELS: Readonly<Record<BlockKey, ReadonlyArray<string>>> = {
  'budget-block': ['预算整体情况', '部门预算整体情况', '整体预算情况'],
  tasks: [
    '年度重点工作任务',
    '重点工作任务',
    '年度重点任务',
    '年度主要工作任务',
    '年度主要任务',
    '主要工作任务',
  ],
  'other-targets': ['其他需达到的目标', '其他需要达到的目标'],
  indicators: ['绩效指标', '年度绩效指标', '部门整体绩效指标', '整体绩效指标'],
  notes: ['其他需要说明的情况', '其他需说明的情况', '其他说明事项', '其他说明'],
  review: ['财政部门审核意见', '财政部门意见', '审核意见', '主管部门审核意见'],
};

/** The four splits of 预算整体情况 with the spellings of their labels and parts. */
export interface SplitSpec {
  readonly key: DepartmentSplitKey;
  /** the standard label, used when the form has none */
  readonly label: string;
  readonly labels: RegExp;
  /** the two parts: standard name and accepted spellings */
  readonly parts: readonly [PartSpec, PartSpec];
}

export interface PartSpec {
  readonly label: string;
  readonly pattern: RegExp;
}

export const SPLITS: ReadonlyArray<SplitSpec> = [
  {
    key: 'expense-type',
    label: '按支出类型',
    labels: /^(按)?支出(类型|分类)$/,
    parts: [
      { label: '基本支出', pattern: /^基本支出$/ },
      { label: '项目支出', pattern: /^项目支出$/ },
    ],
  },
  {
    key: 'revenue-source',
    label: '按收入来源',
    labels: /^(按)?(收入|资金)来源$/,
    parts: [
      { label: '财政拨款', pattern: /^财政(拨款|资金)(收入)?$/ },
      { label: '其他资金', pattern: /^(其他资金|其他收入|非财政(拨款|资金)(收入)?)$/ },
    ],
  },
  {
    key: 'expense-nature',
    label: '按支出性质',
    labels: /^(按)?支出性质$/,
    parts: [
      { label: '运转性支出', pattern: /^运转性?支出$/ },
      { label: '事业发展性支出', pattern: /^(事业)?发展性?支出$/ },
    ],
  },
  {
    key: 'budget-level',
    label: '按预算级次',
    labels: /^(按)?预算级次$/,
    parts: [
      { label: '市本级预算', pattern: /^(市|县|区|省)?本级(预算|支出)?$/ },
      {
        label: '转移支付市县',
        pattern: /^(对下)?转移支付(市县|县区|区县|下级)?(预算|支出)?$/,
      },
    ],
  },
];

/** Cells of the 预算整体情况 block that are neither a part nor an amount. */
export const SPLIT_FILLER = /^(其中|预算金额|金额|预算数)$/;

/** Column headers of 年度重点工作任务. */
export const TASK_HEADERS = {
  name: /^(重点工作)?(任务)?名称$/,
  content: /实施内容|主要内容|工作内容/,
  amount: /拟投入|投入.*资金|资金|金额|预算申请|预算数/,
  goal: /目标/,
} as const;

/** Rows of the task table that sum the others. */
export const TASK_TOTAL = /^(金额|预算|资金)?(合计|小计|总计)$/;

/** Removes spaces, `<p>` markup, required-field marks (`*`) and colon/parenthesis width differences. */
export function normText(s: string): string {
  return s
    .replace(/<\/?p>|&nbsp;/gi, '')
    .replace(/[\s\u3000]+/g, '')
    .replace(/^[*＊★]+/, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':');
}

export interface LabelForm {
  /** the label as compared */
  readonly key: string;
  /** a money unit written after the label: `（元）` */
  readonly unit?: MoneyUnit;
}

/** The comparable form of a label cell's text (see the module comment). */
export function normLabel(s: string): LabelForm {
  let key = normText(s).replace(/:$/, '');
  key = key.replace(/\((选填|必填|可选)\)$/, '');
  const m = /\((?:单位:)?(万元|亿元|元)\)$/.exec(key);
  if (m) key = key.slice(0, m.index);
  return m ? { key, unit: m[1] as MoneyUnit } : { key };
}

export type LabelHit =
  | {
      readonly kind: 'field';
      readonly key: FieldKey;
      readonly unit?: MoneyUnit;
      readonly inline?: string;
    }
  | { readonly kind: 'block'; readonly key: BlockKey; readonly inline?: string };

function lookup(key: string, unit?: MoneyUnit): LabelHit | null {
  for (const [k, list] of Object.entries(FIELD_LABELS) as Array<
    [FieldKey, ReadonlyArray<string>]
  >) {
    if (list.includes(key))
      return unit ? { kind: 'field', key: k, unit } : { kind: 'field', key: k };
  }
  for (const [k, list] of Object.entries(BLOCK_LABELS) as Array<
    [BlockKey, ReadonlyArray<string>]
  >) {
    if (list.includes(key)) return { kind: 'block', key: k };
  }
  return null;
}

/**
 * What a cell's text labels, if anything: a whole-cell label (`部门名称`, `预算整体情况`) or a label
 * with its value after a colon in the same cell (`部门名称：湛江市生态环境局`).
 */
export function classifyLabel(text: string): LabelHit | null {
  if (text.length > 40 && !/[:：]/.test(text.slice(0, 20))) return null;
  const whole = normLabel(text);
  const hit = lookup(whole.key, whole.unit);
  if (hit) return hit;
  const colon = /[:：]/.exec(text);
  if (!colon) return null;
  const head = normLabel(text.slice(0, colon.index));
  const rest = text.slice(colon.index + 1).trim();
  const inline = lookup(head.key, head.unit);
  if (!inline || rest === '') return null;
  return { ...inline, inline: rest };
}

/** Whether a cell's text is a label of the form (so that it is never read as a value). */
export function isLabelText(text: string): boolean {
  if (classifyLabel(text)) return true;
  const key = normLabel(text).key.replace(/^其中:?/, '');
  if (SECTION_HEADING.test(key)) return true;
  if (key === '' || SPLIT_FILLER.test(key)) return true;
  return SPLITS.some((s) => s.labels.test(key) || s.parts.some((p) => p.pattern.test(key)));
}

export { levelName } from '../common/labels';
