/**
 * The normalised sheets of docs/domain.md §5: forms + findings + source file name → flat rows.
 *
 * API:
 * - `normalise(inputs)` → `NormalisedWorkbook` { indicators: 指标 table, projects: 项目资金 table };
 *   an input is `{ source, sheets }` where `sheets` is `WorkbookReport['sheets']` (forms + findings).
 * - `normaliseForm(form, findings, source)` → the rows of one form.
 * - `IndicatorRow`, `ProjectRow`: the row types; `INDICATOR_COLUMNS`, `PROJECT_COLUMNS`: the column
 *   lists (key, Chinese header, type, width) — the only place with the headers; `tableToMatrix`,
 *   `headerRow`, `rowCells` turn a table into cells for any writer (.xlsx, CSV, office-js).
 * - `standardLevels(一级, 二级)`: standard names through the indicator framework.
 *
 * Decisions:
 * - 指标 sheet = §5 columns with 来源文件 in front, plus 财政专户拨款 and 数值上限 at the end.
 * - Amounts in 万元 as numbers (元 and 亿元 forms converted exactly, then to a JS number); an amount
 *   cell that is blank or not a number gives a blank cell.
 * - 财政资金 of a list project = its 财政拨款 only; 财政专户拨款 has its own column, so that
 *   预算数 = 财政资金 + 财政专户拨款 + 其他资金 holds for lists as the form states it (总计 = the three).
 *   Department forms: 预算数 = 部门预算金额, 财政资金/其他资金 from the 按收入来源 split.
 * - One row per written value: two for 实施周期 + 年度; a blank value beside a written one gives no
 *   row; an indicator with no value at all keeps one row (so its `value.empty` shows).
 * - 比较符: as written; `=` for a bare number; blank for text, for an approximate number (`约90家`)
 *   and for an ambiguous book-title mark (`《330`, either ≤ or <: `value.operator-typo` in 问题).
 * - 问题: rule ids on the indicator's own cells (一级/二级/三级/描述/依据 and this row's value cell).
 *   On a packed list cell, a finding goes to the item its message names (`第 N 项`, else the quoted
 *   name or value) and to the period it names; one naming no item (e.g. `indicator.missing-category`)
 *   only counts on the project's 项目资金 row.
 * - 错误数/警告数: all findings of a project form or department form; for a list project, those on
 *   its row (合计 and unit-row findings belong to no project).
 */
export * from './columns';
export * from './labels';
export { standardLevel1, standardLevel2, standardLevels } from './levels';
export * from './normalise';
export { isNormalisedExport } from './exported';
