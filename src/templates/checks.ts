/**
 * The checks every template carries without the add-in: data validations (with their Chinese
 * prompts) and the formulas of conditional formats. All Chinese wording of the checks lives here.
 */
import type { SheetBuilder } from './builder';
import { BASIS_CHOICES, level1Names, level2Names, type CostPlacement } from './framework';
import { HIGHLIGHT } from './styles';
import { absoluteA1, fromA1, toA1, type CellRef } from '../engine';

export function amountValidation(b: SheetBuilder, ranges: string[], unit: string): void {
  b.validate(
    ranges,
    { type: 'decimal', min: 0 },
    { title: '金额', text: `请输入不小于 0 的数字，单位：${unit}。` },
    { title: '金额无效', text: `金额应为不小于 0 的数字（单位：${unit}），不要输入文字或单位。` },
  );
}

export function spendingPlanValidation(b: SheetBuilder, ranges: string[]): void {
  b.validate(
    ranges,
    { type: 'decimal', min: 0, max: 100 },
    {
      title: '资金支出计划（%）',
      text: '截至该月底累计支出占预算数的百分比，0 到 100 之间，逐季不减少，12月底为 100。',
    },
    { title: '支出进度无效', text: '请输入 0 到 100 之间的数字（不带 % 号）。' },
  );
}

export function countValidation(b: SheetBuilder, ranges: string[], what: string): void {
  b.validate(
    ranges,
    { type: 'whole', min: 0 },
    { title: what, text: `请输入${what}（不小于 0 的整数）。` },
    { title: '数量无效', text: `${what}应为不小于 0 的整数。` },
  );
}

export function yearValidation(b: SheetBuilder, ranges: string[]): void {
  b.validate(
    ranges,
    { type: 'whole', min: 2000, max: 2100 },
    { title: '预算安排年度', text: '请输入四位年份，例如 2026。' },
    { title: '年度无效', text: '年度应为 2000 到 2100 之间的四位年份。' },
  );
}

export function levelValidations(
  b: SheetBuilder,
  level1: string[],
  level2: string[],
  cost: CostPlacement,
): void {
  b.validate(
    level1,
    { type: 'list', values: level1Names(cost), strict: true },
    { title: '一级指标', text: '从下拉列表中选择一级指标。' },
    { title: '一级指标无效', text: '请从下拉列表中选择标准的一级指标名称。' },
  );
  b.validate(
    level2,
    { type: 'list', values: level2Names(cost), strict: true },
    { title: '二级指标', text: '从下拉列表中选择二级指标，并与左侧的一级指标相对应。' },
    { title: '二级指标无效', text: '请从下拉列表中选择标准的二级指标名称。' },
  );
}

export function basisValidation(b: SheetBuilder, ranges: string[]): void {
  b.validate(
    ranges,
    { type: 'list', values: BASIS_CHOICES, strict: false },
    {
      title: '指标值确定依据',
      text: '从下拉列表中选择，也可填写其他依据（如合同约定、工作计划）。',
    },
    { title: '指标值确定依据', text: '不是列表中的标准依据。确定保留此内容吗？' },
  );
}

/** Colours `range` when a total (`total`, absolute) differs from the sum of `parts` (absolute). */
export function highlightTotal(
  b: SheetBuilder,
  range: string,
  total: string,
  parts: string[],
  description: string,
): void {
  const abs = absoluteA1;
  const sum = parts.map(abs).join('+');
  b.highlight(
    range,
    `AND(COUNT(${parts.map(abs).join(',')})>0,ROUND(${abs(total)}-(${sum}),2)<>0)`,
    HIGHLIGHT.error,
    description,
  );
}

/**
 * Colours a spending-plan cell that is below an earlier quarter, or above 100, and the last
 * quarter when it is not 100. `cells` are the quarter cells in order, on one row.
 */
export function highlightSpendingPlan(b: SheetBuilder, cells: string[]): void {
  const first = cells[0];
  const last = cells[cells.length - 1];
  const later = `${cells[1]}:${last}`;
  const rel = cells[1];
  // relative to cells[1]: everything from the first quarter to the column before this one
  b.highlight(
    later,
    `AND(ISNUMBER(${rel}),${rel}<MAX(${absoluteA1(first)}:${colBefore(rel)}))`,
    HIGHLIGHT.error,
    '资金支出计划逐季减少',
  );
  b.highlight(
    `${first}:${last}`,
    `AND(ISNUMBER(${first}),OR(${first}<0,${first}>100))`,
    HIGHLIGHT.error,
    '资金支出计划超出 0–100',
  );
  const absCells = cells.map(absoluteA1);
  b.highlight(
    last,
    `AND(COUNT(${absCells.join(',')})>0,${last}<>100)`,
    HIGHLIGHT.error,
    '资金支出计划 12月底不为 100',
  );
}

function colBefore(cell: string): string {
  const ref = fromA1(cell) as CellRef;
  return toA1({ row: ref.row, col: ref.col - 1 });
}

/** Colours an indicator value containing 《 》 〈 〉 (docs/domain.md §3: a sanitised comparison sign). */
export function highlightBookTitleMarks(b: SheetBuilder, range: string): void {
  const top = range.split(':')[0];
  const finds = ['《', '》', '〈', '〉'].map((m) => `ISNUMBER(FIND("${m}",${top}))`).join(',');
  b.highlight(range, `OR(${finds})`, HIGHLIGHT.warning, '指标值含《》〈〉，应改为 ≥ ≤ > <');
}
