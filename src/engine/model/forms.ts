import type { CellRef, Range } from '../grid/address';
import type { Amount, MoneyUnit } from '../money/amount';

/** The three forms of docs/domain.md §1. */
export type FormKind = 'project-form' | 'project-list' | 'department-form';

/** Text read from one cell. `cell` is null when the form has no such cell at all (label not found). */
export interface TextField {
  readonly text: string;
  readonly cell: CellRef | null;
}

/** An amount read from one cell, in the form's own unit (`unit` of the form). */
export interface AmountField extends TextField {
  readonly amount: Amount;
}

/** 年度指标值 or 实施周期指标值 (docs/domain.md §3, Periods). */
export type Period = 'annual' | 'period';

export interface IndicatorValueField {
  readonly period: Period;
  /** the value exactly as written (trimmed) */
  readonly text: string;
  readonly cell: CellRef;
}

/**
 * One indicator row (or one item of a packed indicator cell). Level names are as written, resolved
 * through merges and blank continuation cells: `level1.cell` is the cell that holds the name.
 */
export interface Indicator {
  readonly level1: TextField;
  readonly level2: TextField;
  /** 三级指标 */
  readonly name: TextField;
  /** 绩效指标描述 (optional column) */
  readonly description?: TextField;
  /** one entry per value column present on the form, in column order */
  readonly values: ReadonlyArray<IndicatorValueField>;
  /** 指标值确定依据 (optional column) */
  readonly basis?: TextField;
  /**
   * 计量单位 and 指标方向 (optional columns): written beside the value (`≥` | `95` | `%`), they
   * complete it (`valueText`); the value cell itself holds `95`
   */
  readonly unit?: TextField;
  readonly direction?: TextField;
  /** the sheet row of the indicator (the packed cell's row for packed indicators) */
  readonly row: number;
  /** set for indicators unpacked from one cell of a project list: all cells point at that cell */
  readonly packed?: { readonly cell: CellRef; readonly index: number };
}

/** What an indicator-table header cell was read as (`ColumnRole` of forms/common/columns). */
export type TableColumnRole =
  | 'seq'
  | 'level1'
  | 'level2'
  | 'name'
  | 'description'
  | 'value'
  | 'basis'
  /** 计量单位 / 度量单位: the unit of the value written beside it (`95` | `%`) */
  | 'unit'
  /** 指标方向 / 指标性质: the comparison written beside the value (`≥` | `95`) */
  | 'direction'
  /** a known column that is not read (`评（计）分标准`, `分值`, `权重`, `备注`) */
  | 'ignored';

/** One labelled cell of an indicator table's header and the role the reader gave it. */
export interface TableHeaderCell {
  readonly cell: CellRef;
  /** last column the cell covers (its merge's right edge) */
  readonly right: number;
  readonly text: string;
  /** null: a label the reader does not know, or a second column for a role already taken */
  readonly role: TableColumnRole | null;
  /** for value columns */
  readonly period?: Period;
}

/**
 * Why a row under an indicator header was not read as an indicator, or why the table ended there.
 * `blank`: nothing in the table's columns; `repeated-header`: the header again (a table continued
 * on the next page); `category`: only a 一级/二级 name with no indicator under it; `number-only`:
 * only a 序号; `outside`: text only outside the table's columns. Ends: `note` (`注：`, `填报人`),
 * `title` (the next form), `label` (a label of the form such as 项目名称, 其他需要说明的情况),
 * `section` (one cell merged across the table), `gap` (more empty rows than a form holds), `left`
 * (text left of the table), `limit` (the form's last row).
 */
export type TableRowReason =
  | 'blank'
  | 'repeated-header'
  | 'category'
  | 'number-only'
  | 'outside'
  | 'note'
  | 'title'
  | 'label'
  | 'section'
  | 'gap'
  | 'left'
  | 'limit';

export interface TableRowSpan {
  /** first and last row (zero-based, inclusive) */
  readonly top: number;
  readonly bottom: number;
  readonly reason: TableRowReason;
}

/**
 * `read`: indicators read; `empty`: a complete header with nothing under it; `no-header`: no header
 * found where the table belongs; `incomplete`: a header without a column the table needs (三级指标,
 * 指标值); `unread`: a header with rows under it that could not be read as indicators.
 */
export type TableStatus = 'read' | 'empty' | 'no-header' | 'incomplete' | 'unread';

/** How a form's indicator table was read: for `form.unreadable` and `jixiao inspect`. */
export interface TableReading {
  readonly status: TableStatus;
  /** the header's first cell, or the cell where the table was expected */
  readonly cell: CellRef;
  /** the header rows (two for a `指标值` over `实施周期 | 年度` header); empty without a header */
  readonly headerRows: ReadonlyArray<number>;
  readonly header: ReadonlyArray<TableHeaderCell>;
  /** roles a readable table needs that the header lacks (`name`, `value`) */
  readonly missing: ReadonlyArray<TableColumnRole>;
  /** rows under the header that were not read as indicators, and why (runs of one reason merged) */
  readonly skipped: ReadonlyArray<TableRowSpan>;
  /** where and why the table ended; null when it ran to the form's last row */
  readonly end: TableRowSpan | null;
  /** rows with content after the table's end that look like indicator rows (for `unread`) */
  readonly unreadRows: ReadonlyArray<number>;
}

interface FormBase {
  readonly kind: FormKind;
  readonly sheet: string;
  /** the cells the form covers, title row included */
  readonly range: Range;
  /** the form's title as written (`2023年物业费项目绩效目标表`), '' when there is none */
  readonly title: string;
  readonly titleCell: CellRef | null;
  /** 单位：万元 (default) or 单位：元 */
  readonly unit: MoneyUnit;
  /** indicator rows of the form, in sheet order */
  readonly indicators: ReadonlyArray<Indicator>;
  /**
   * formula text (without `=`) of the formula cells inside `range`, by A1 address; set by
   * `readSheet` when the sheet data carries formulas
   */
  readonly formulas?: ReadonlyMap<string, string>;
  /** hidden rows inside `range` (zero-based); set by `readSheet` */
  readonly hiddenRows?: ReadonlySet<number>;
  /**
   * how the indicator table was read (project and department forms); absent on forms built by hand
   * and on project lists, whose indicators are in packed cells
   */
  readonly table?: TableReading;
}

/** 资金支出计划（%）: one cumulative share per period end. */
export interface SpendingPlanEntry {
  /** `3月底`, `6月底`, `9月底`, `10月底`, `12月底` */
  readonly label: string;
  readonly field: AmountField;
}

/** 项目支出绩效目标表 (docs/domain.md §1.1). */
export interface ProjectForm extends FormBase {
  readonly kind: 'project-form';
  readonly code?: TextField;
  readonly name: TextField;
  readonly department?: TextField;
  readonly implementer?: TextField;
  /** 预算数 / 年度资金总额 */
  readonly budget: AmountField;
  /** 其中：财政资金 / 财政拨款 */
  readonly fiscal?: AmountField;
  readonly other?: AmountField;
  readonly purpose?: TextField;
  readonly spendingPlan: ReadonlyArray<SpendingPlanEntry>;
  /** 绩效目标 cells (one cell with numbered lines, or rows 目标1, 目标2 …); empty when none found */
  readonly targets: ReadonlyArray<TextField>;
  /** the cell where a missing 绩效目标 should be typed (for `form.missing-field`) */
  readonly targetsCell: CellRef | null;
  /** value columns on the form, in column order */
  readonly valueColumns: ReadonlyArray<Period>;
}

/** A row of the project list with the four money columns. */
export interface FundingRow {
  readonly role: 'total' | 'unit' | 'project';
  readonly name: TextField;
  readonly row: number;
  /** 总计 */
  readonly total: AmountField;
  /** 财政拨款 */
  readonly fiscal: AmountField;
  /** 财政专户拨款 */
  readonly special: AmountField;
  /** 其他资金 */
  readonly other: AmountField;
}

export interface ListProject extends FundingRow {
  readonly role: 'project';
  /** 绩效目标 */
  readonly target: TextField;
  /** the packed 绩效指标 cell */
  readonly indicatorCell: TextField;
  readonly indicators: ReadonlyArray<Indicator>;
}

export interface ListUnit extends FundingRow {
  readonly role: 'unit';
  readonly projects: ReadonlyArray<ListProject>;
}

/** 项目支出绩效目标表（含转移支付项目）(docs/domain.md §1.2). */
export interface ProjectList extends FormBase {
  readonly kind: 'project-list';
  /** 部门名称：… */
  readonly department?: TextField;
  /** the 合计 row, null when the list has none */
  readonly total: FundingRow | null;
  /** unit rows with their projects; projects listed before any unit row go into a unit whose `row` is -1 */
  readonly units: ReadonlyArray<ListUnit>;
}

/** The four splits of 预算整体情况 (docs/domain.md §1.3). */
export type DepartmentSplitKey =
  'expense-type' | 'revenue-source' | 'expense-nature' | 'budget-level';

export interface DepartmentSplit {
  readonly key: DepartmentSplitKey;
  /** `按支出类型` … */
  readonly label: string;
  /** the two parts, e.g. 基本支出 and 项目支出 */
  readonly parts: ReadonlyArray<{ readonly label: string; readonly field: AmountField }>;
}

export interface KeyTask {
  readonly row: number;
  readonly name: TextField;
  readonly content?: TextField;
  /** 拟投入的资金（万元） */
  readonly amount: AmountField;
  readonly goal?: TextField;
}

/**
 * An indicator category the form lists with no indicator under it: a 二级 cell such as `时效指标`
 * (or a 一级 cell with no 二级 at all) whose 三级指标 and 指标值 cells are all blank.
 */
export interface EmptyCategory {
  readonly level1: TextField;
  /** text '' when the 一级 stands alone */
  readonly level2: TextField;
  readonly row: number;
}

/** 部门整体支出绩效目标表 (docs/domain.md §1.3). */
export interface DepartmentForm extends FormBase {
  readonly kind: 'department-form';
  readonly name: TextField;
  readonly year?: TextField;
  readonly staff?: TextField;
  readonly subunits?: TextField;
  /** 部门预算金额 */
  readonly budget: AmountField;
  readonly summary?: TextField;
  readonly splits: ReadonlyArray<DepartmentSplit>;
  readonly tasks: ReadonlyArray<KeyTask>;
  /** skeleton rows of the indicator table (categories listed without an indicator); optional */
  readonly emptyCategories?: ReadonlyArray<EmptyCategory>;
}

export type Form = ProjectForm | ProjectList | DepartmentForm;
