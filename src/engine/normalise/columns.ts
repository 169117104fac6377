/**
 * The normalised sheets of docs/domain.md §5: row types and their column lists. This is the one place
 * that holds the Chinese headers; every writer (.xlsx, CSV, office-js) takes the columns from here.
 */

/** What a column holds, so that writers can store numbers as numbers and pick a number format. */
export type ColumnType =
  /** free text */
  | 'text'
  /** an amount in 万元 (number or blank) */
  | 'amount'
  /** any other number (the 数值 of a value) */
  | 'number'
  /** a count */
  | 'integer';

export interface Column<Row> {
  readonly key: keyof Row & string;
  /** the header cell, in Chinese */
  readonly header: string;
  readonly type: ColumnType;
  /** suggested column width in characters (not 9: exceljs drops a column of Excel's default width) */
  readonly width: number;
}

/** A cell of a normalised row: text, a number, or blank (null). */
export type NormalisedCell = string | number | null;

/** 期间 of a value (docs/domain.md §3, Periods); '' when the indicator has no value column at all. */
export type PeriodLabel = '年度' | '实施周期' | '';

/** The names and funding of one project, shared by all its rows on both sheets. */
export interface ProjectFields {
  /** 来源文件: the input file name */
  readonly source: string;
  /** 表单类型: `项目支出绩效目标表` … */
  readonly formKind: string;
  readonly sheet: string;
  /** 单位名称 */
  readonly unitName: string;
  /** 项目编码 */
  readonly code: string;
  /** 项目名称 (the department's name for a department form) */
  readonly project: string;
  /** 预算数 in 万元 */
  readonly budget: number | null;
  /** 财政资金 in 万元 (财政拨款 only on project lists; 财政专户拨款 has its own column) */
  readonly fiscal: number | null;
  /** 财政专户拨款 in 万元 (project lists only); on the 指标 sheet an extra column after the §5 set */
  readonly special: number | null;
  /** 其他资金 in 万元 */
  readonly other: number | null;
}

/** One row of the 指标 sheet: one indicator value of one period. */
export interface IndicatorRow extends ProjectFields {
  /** 单元格: A1 address of the value cell (the packed cell for project lists) */
  readonly cell: string;
  /** 一级指标, standard name when known, else as written */
  readonly level1: string;
  /** 二级指标, standard name when known, else as written */
  readonly level2: string;
  /** 三级指标 */
  readonly name: string;
  /** 指标描述 */
  readonly description: string;
  /** 期间 */
  readonly period: PeriodLabel;
  /** 指标值（原文） */
  readonly rawValue: string;
  /** 指标值（规范） */
  readonly normalisedValue: string;
  /** 比较符: `≥ ≤ = > <`; `=` for a number written without one; '' for text */
  readonly comparator: string;
  /** 数值: the number (the lower bound of a range) */
  readonly number: number | null;
  /** 计量单位 */
  readonly measureUnit: string;
  /** 定量/定性 */
  readonly valueKind: '定量' | '定性' | '';
  /** 确定依据 */
  readonly basis: string;
  /** 问题: the rules found on the indicator's cells, `名称（rule id）` joined by `；` */
  readonly issues: string;
  /** 数值上限: the upper bound of a range (`70-80个` → 80); an extra column after the §5 set */
  readonly upper: number | null;
}

/** One row of the 项目资金 sheet: one project (or one department form) with its funding. */
export interface ProjectRow extends ProjectFields {
  /** the project's name cell (the department name cell for a department form) */
  readonly cell: string;
  /** 指标数: indicators of the project (not value rows) */
  readonly indicatorCount: number;
  /** 错误数 / 警告数: findings of the project (the whole form; for a list project, its row) */
  readonly errorCount: number;
  readonly warningCount: number;
}

/** The 指标 sheet: docs/domain.md §5 with 来源文件 in front and two extra columns at the end. */
export const INDICATOR_COLUMNS: ReadonlyArray<Column<IndicatorRow>> = [
  { key: 'source', header: '来源文件', type: 'text', width: 24 },
  { key: 'formKind', header: '表单类型', type: 'text', width: 20 },
  { key: 'sheet', header: '工作表', type: 'text', width: 12 },
  { key: 'cell', header: '单元格', type: 'text', width: 8 },
  { key: 'unitName', header: '单位名称', type: 'text', width: 24 },
  { key: 'code', header: '项目编码', type: 'text', width: 16 },
  { key: 'project', header: '项目名称', type: 'text', width: 30 },
  { key: 'budget', header: '预算数', type: 'amount', width: 12 },
  { key: 'fiscal', header: '财政资金', type: 'amount', width: 12 },
  { key: 'other', header: '其他资金', type: 'amount', width: 12 },
  { key: 'level1', header: '一级指标', type: 'text', width: 12 },
  { key: 'level2', header: '二级指标', type: 'text', width: 16 },
  { key: 'name', header: '三级指标', type: 'text', width: 30 },
  { key: 'description', header: '指标描述', type: 'text', width: 24 },
  { key: 'period', header: '期间', type: 'text', width: 10 },
  { key: 'rawValue', header: '指标值（原文）', type: 'text', width: 20 },
  { key: 'normalisedValue', header: '指标值（规范）', type: 'text', width: 20 },
  { key: 'comparator', header: '比较符', type: 'text', width: 8 },
  { key: 'number', header: '数值', type: 'number', width: 10 },
  { key: 'measureUnit', header: '计量单位', type: 'text', width: 10 },
  { key: 'valueKind', header: '定量/定性', type: 'text', width: 10 },
  { key: 'basis', header: '确定依据', type: 'text', width: 12 },
  { key: 'issues', header: '问题', type: 'text', width: 30 },
  { key: 'special', header: '财政专户拨款', type: 'amount', width: 13 },
  { key: 'upper', header: '数值上限', type: 'number', width: 10 },
];

/** The 项目资金 sheet. */
export const PROJECT_COLUMNS: ReadonlyArray<Column<ProjectRow>> = [
  { key: 'source', header: '来源文件', type: 'text', width: 24 },
  { key: 'formKind', header: '表单类型', type: 'text', width: 20 },
  { key: 'sheet', header: '工作表', type: 'text', width: 12 },
  { key: 'cell', header: '单元格', type: 'text', width: 8 },
  { key: 'unitName', header: '单位名称', type: 'text', width: 24 },
  { key: 'code', header: '项目编码', type: 'text', width: 16 },
  { key: 'project', header: '项目名称', type: 'text', width: 36 },
  { key: 'budget', header: '预算数', type: 'amount', width: 12 },
  { key: 'fiscal', header: '财政资金', type: 'amount', width: 12 },
  { key: 'special', header: '财政专户拨款', type: 'amount', width: 13 },
  { key: 'other', header: '其他资金', type: 'amount', width: 12 },
  { key: 'indicatorCount', header: '指标数', type: 'integer', width: 8 },
  { key: 'errorCount', header: '错误数', type: 'integer', width: 8 },
  { key: 'warningCount', header: '警告数', type: 'integer', width: 8 },
];

/** A sheet to write: its name, its columns and its rows. */
export interface NormalisedTable<Row> {
  /** the sheet name: `指标` or `项目资金` */
  readonly name: string;
  readonly columns: ReadonlyArray<Column<Row>>;
  readonly rows: ReadonlyArray<Row>;
}

export const INDICATOR_SHEET = '指标';
export const PROJECT_SHEET = '项目资金';

/** The header row of a table. */
export function headerRow<Row>(table: NormalisedTable<Row>): string[] {
  return table.columns.map((c) => c.header);
}

/** One row as cells, in column order. */
export function rowCells<Row>(columns: ReadonlyArray<Column<Row>>, row: Row): NormalisedCell[] {
  return columns.map((c) => row[c.key] as unknown as NormalisedCell);
}

/** A whole table as a matrix, header first: what a writer puts into a new worksheet. */
export function tableToMatrix<Row>(table: NormalisedTable<Row>): NormalisedCell[][] {
  const out: NormalisedCell[][] = [headerRow(table)];
  for (const r of table.rows) out.push(rowCells(table.columns, r));
  return out;
}
