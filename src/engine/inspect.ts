/**
 * How the engine read a sheet, as plain data (JSON-serialisable, cells as A1 addresses, rows
 * 1-based): per form its kind, range, title, each field with its cell, the indicator table's header
 * with the role given to each column, each indicator row with its cells, and the rows read past
 * with the reason. `jixiao inspect` prints it; the task pane shows it for the active form. Reviewers
 * use it to trust a result, developers to debug a reader.
 */
import { rangeToA1, toA1, type CellRef } from './grid/address';
import { Grid } from './grid/grid';
import type { SheetData, WorkbookData } from './grid/sheet';
import type {
  DepartmentForm,
  Form,
  FormKind,
  Indicator,
  Period,
  ProjectForm,
  ProjectList,
  TableColumnRole,
  TableRowReason,
  TableStatus,
  TextField,
} from './model/forms';
import { readSheet } from './check';
import { findHeaders } from './forms/project-list/header';
import { ROLE_LABEL } from './forms/common/columns';
import { usedRowsIn } from './forms/common/cells';
import { FORM_KIND_LABEL, PERIOD_LABEL } from './labels';

export const TABLE_STATUS_LABEL: Readonly<Record<TableStatus, string>> = {
  read: '已读取',
  empty: '表头下没有填写指标',
  'no-header': '未找到指标表表头',
  incomplete: '表头缺少必需的列',
  unread: '表头下的行未能读取',
};

export const ROW_REASON_LABEL: Readonly<Record<TableRowReason, string>> = {
  blank: '空行',
  'repeated-header': '重复的表头（续页）',
  category: '只有一级/二级指标名称，下面没有指标',
  'number-only': '只有序号',
  outside: '内容不在指标表的列内',
  note: '说明行（“注：”“填报人”等），表格到此结束',
  title: '下一张表的标题，表格到此结束',
  label: '表单的其他栏目，表格到此结束',
  section: '跨列合并的说明行，表格到此结束',
  gap: '连续空行过多，表格到此结束',
  left: '指标表左侧的文字，表格到此结束',
  limit: '下一张表从这里开始',
};

export interface InspectedCell {
  /** A1 address, null when the form has no such cell */
  readonly cell: string | null;
  readonly text: string;
}

export interface InspectedField extends InspectedCell {
  /** the field's Chinese name: `项目名称`, `预算数`, `资金支出计划 3月底` */
  readonly label: string;
}

export interface InspectedColumn {
  readonly cell: string;
  readonly text: string;
  /**
   * the column's role (a `TableColumnRole`, or a project list's `name`, `total`, `fiscal`,
   * `special`, `other`, `target`, `indicators`); null: a label the reader does not know, or a second
   * column for a role already taken
   */
  readonly role: string | null;
  /** `三级指标`, `指标值（年度）`, `未识别` */
  readonly roleLabel: string;
}

export interface InspectedValue extends InspectedCell {
  readonly period: Period;
  readonly periodLabel: string;
}

export interface InspectedIndicator {
  /** 1-based sheet row */
  readonly row: number;
  readonly level1: InspectedCell;
  readonly level2: InspectedCell;
  readonly name: InspectedCell;
  readonly description?: InspectedCell;
  readonly values: ReadonlyArray<InspectedValue>;
  readonly basis?: InspectedCell;
  /** 1-based position inside a packed 绩效指标 cell */
  readonly packedItem?: number;
}

export interface InspectedRows {
  /** 1-based, inclusive */
  readonly top: number;
  readonly bottom: number;
  readonly reason: TableRowReason | 'other';
  readonly reasonLabel: string;
}

export interface InspectedTable {
  readonly status: TableStatus;
  readonly statusLabel: string;
  /** the header's first cell, or where the table was expected */
  readonly cell: string;
  /** 1-based header rows */
  readonly headerRows: ReadonlyArray<number>;
  readonly header: ReadonlyArray<InspectedColumn>;
  /** roles the header lacks, in Chinese */
  readonly missing: ReadonlyArray<string>;
  readonly rows: ReadonlyArray<InspectedIndicator>;
  readonly skipped: ReadonlyArray<InspectedRows>;
  /** where and why the table ended, null when it ran to the form's last row */
  readonly end: InspectedRows | null;
}

export interface InspectedProject {
  readonly row: number;
  readonly name: InspectedCell;
  readonly total: InspectedCell;
  readonly target: InspectedCell;
  readonly indicatorCell: InspectedCell;
  readonly indicators: ReadonlyArray<InspectedIndicator>;
}

export interface InspectedForm {
  /** index of the form in the sheet's detection order (as in `Finding.form`) */
  readonly index: number;
  readonly kind: FormKind;
  readonly kindLabel: string;
  readonly sheet: string;
  readonly range: string;
  readonly title: string;
  readonly titleCell: string | null;
  /** 万元 or 元 */
  readonly unit: string;
  readonly fields: ReadonlyArray<InspectedField>;
  readonly indicatorCount: number;
  /** the indicator table (project and department forms; a per-row project list's header) */
  readonly table: InspectedTable | null;
  /** a project list's projects with their packed indicators */
  readonly projects?: ReadonlyArray<InspectedProject>;
}

export interface SheetInspection {
  readonly sheet: string;
  readonly forms: ReadonlyArray<InspectedForm>;
}

const a1 = (c: CellRef | null): string | null => (c ? toA1(c) : null);
const cellOf = (f: TextField | undefined): InspectedCell => ({
  cell: a1(f?.cell ?? null),
  text: f?.text ?? '',
});

/** How the engine reads one sheet. */
export function inspectSheet(sheet: SheetData | Grid): SheetInspection {
  const grid = sheet instanceof Grid ? sheet : new Grid(sheet);
  const forms = readSheet(grid).map((form, index) => inspectForm(grid, form, index));
  return { sheet: grid.name, forms };
}

/** How the engine reads a workbook, or only its sheet named `sheetName`. */
export function inspectWorkbook(wb: WorkbookData, sheetName?: string): SheetInspection[] {
  return wb.sheets.filter((s) => sheetName === undefined || s.name === sheetName).map(inspectSheet);
}

/** One form as read (the grid is needed for a project list's header only). */
export function inspectForm(grid: Grid, form: Form, index: number): InspectedForm {
  const base = {
    index,
    kind: form.kind,
    kindLabel: FORM_KIND_LABEL[form.kind],
    sheet: form.sheet,
    range: rangeToA1(form.range),
    title: form.title,
    titleCell: a1(form.titleCell),
    unit: form.unit,
    indicatorCount: form.indicators.length,
  };
  switch (form.kind) {
    case 'project-form':
      return { ...base, fields: projectFields(form), table: indicatorTable(form) };
    case 'department-form':
      return { ...base, fields: departmentFields(form), table: indicatorTable(form) };
    case 'project-list':
      return { ...base, fields: listFields(form), ...listTable(grid, form) };
  }
}

/** A list of fields and the function that adds one (skipping a field the form does not have). */
function fieldList(): [InspectedField[], (label: string, field: TextField | undefined) => void] {
  const out: InspectedField[] = [];
  return [out, (label, field) => field && out.push({ label, ...cellOf(field) })];
}

function projectFields(f: ProjectForm): InspectedField[] {
  const [out, add] = fieldList();
  add('项目编码', f.code);
  add('项目名称', f.name);
  add('主管部门', f.department);
  add('实施单位', f.implementer);
  add('预算数', f.budget);
  add('财政资金', f.fiscal);
  add('其他资金', f.other);
  add('资金用途', f.purpose);
  for (const p of f.spendingPlan) add(`资金支出计划 ${p.label}`, p.field);
  if (f.targets.length === 0) add('绩效目标', { text: '', cell: f.targetsCell });
  f.targets.forEach((t, i) => add(f.targets.length > 1 ? `绩效目标 ${i + 1}` : '绩效目标', t));
  return out;
}

function departmentFields(f: DepartmentForm): InspectedField[] {
  const [out, add] = fieldList();
  add('部门名称', f.name);
  add('预算安排年度', f.year);
  add('财政供养人员数量', f.staff);
  add('下属单位数量', f.subunits);
  add('部门预算金额', f.budget);
  add('年度整体绩效目标概述', f.summary);
  for (const s of f.splits) for (const p of s.parts) add(`${s.label}：${p.label}`, p.field);
  f.tasks.forEach((t, i) => {
    add(`重点工作任务 ${i + 1} 名称`, t.name);
    add(`重点工作任务 ${i + 1} 拟投入的资金`, t.amount);
  });
  return out;
}

function listFields(f: ProjectList): InspectedField[] {
  const out: InspectedField[] = [];
  if (f.department) out.push({ label: '部门名称', ...cellOf(f.department) });
  if (f.total) out.push({ label: '合计 总计', ...cellOf(f.total.total) });
  for (const u of f.units) {
    if (u.row < 0) continue;
    out.push({ label: `资金使用单位（第 ${u.row + 1} 行）`, ...cellOf(u.name) });
    out.push({ label: `资金使用单位（第 ${u.row + 1} 行）总计`, ...cellOf(u.total) });
  }
  return out;
}

function inspectIndicator(ind: Indicator): InspectedIndicator {
  return {
    row: ind.row + 1,
    level1: cellOf(ind.level1),
    level2: cellOf(ind.level2),
    name: cellOf(ind.name),
    ...(ind.description ? { description: cellOf(ind.description) } : {}),
    values: ind.values.map((v) => ({
      period: v.period,
      periodLabel: PERIOD_LABEL[v.period],
      cell: toA1(v.cell),
      text: v.text,
    })),
    ...(ind.basis ? { basis: cellOf(ind.basis) } : {}),
    ...(ind.packed ? { packedItem: ind.packed.index + 1 } : {}),
  };
}

function rows(top: number, bottom: number, reason: InspectedRows['reason']): InspectedRows {
  return {
    top: top + 1,
    bottom: bottom + 1,
    reason,
    reasonLabel: reason === 'other' ? '不属于任何项目' : ROW_REASON_LABEL[reason],
  };
}

function roleLabel(role: TableColumnRole | null, period: Period | undefined): string {
  if (role === null) return '未识别';
  if (role === 'value' && period) return `${ROLE_LABEL.value}（${PERIOD_LABEL[period]}）`;
  return ROLE_LABEL[role];
}

function indicatorTable(form: ProjectForm | DepartmentForm): InspectedTable | null {
  const t = form.table;
  if (!t) return null;
  return {
    status: t.status,
    statusLabel: TABLE_STATUS_LABEL[t.status],
    cell: toA1(t.cell),
    headerRows: t.headerRows.map((r) => r + 1),
    header: t.header.map((h) => ({
      cell: toA1(h.cell),
      text: h.text,
      role: h.role,
      roleLabel: roleLabel(h.role, h.period),
    })),
    missing: t.missing.map((r) => ROLE_LABEL[r]),
    rows: form.indicators.map(inspectIndicator),
    skipped: t.skipped.map((s) => rows(s.top, s.bottom, s.reason)),
    end: t.end ? rows(t.end.top, t.end.bottom, t.end.reason) : null,
  };
}

/** A project list's header (found again on the grid: the model keeps only what rules need). */
function listTable(
  grid: Grid,
  form: ProjectList,
): { table: InspectedTable | null; projects: InspectedProject[] } {
  const projects = form.units.flatMap((u) =>
    u.projects.map((p): InspectedProject => ({
      row: p.row + 1,
      name: cellOf(p.name),
      total: cellOf(p.total),
      target: cellOf(p.target),
      indicatorCell: cellOf(p.indicatorCell),
      indicators: p.indicators.map(inspectIndicator),
    })),
  );
  const header = findHeaders(grid, form.range.top, form.range.bottom)[0];
  if (!header) return { table: null, projects };
  const labels: Record<string, string> = {
    name: '项目名称',
    total: '总计',
    fiscal: '财政拨款',
    special: '财政专户拨款',
    other: '其他资金',
    target: '绩效目标',
    indicators: '绩效指标（多项写在一格）',
    level1: ROLE_LABEL.level1,
    level2: ROLE_LABEL.level2,
    level3: ROLE_LABEL.name,
    description: ROLE_LABEL.description,
    basis: ROLE_LABEL.basis,
  };
  const roleAt = new Map<number, { role: string; label: string }>();
  for (const [key, col] of Object.entries(header.columns)) {
    if (typeof col === 'number') roleAt.set(col, { role: key, label: labels[key] ?? key });
  }
  for (const v of header.columns.values)
    roleAt.set(v.col, { role: 'value', label: `${ROLE_LABEL.value}（${PERIOD_LABEL[v.period]}）` });
  const columns: InspectedColumn[] = [];
  for (let c = header.left; c <= header.right; c++) {
    const row =
      header.bottom > header.row && grid.text(header.bottom, c) !== '' ? header.bottom : header.row;
    const text = grid.text(row, c);
    const role = roleAt.get(c);
    if (text === '' && !role) continue;
    columns.push({
      cell: toA1({ row, col: c }),
      text,
      role: role?.role ?? null,
      roleLabel: role?.label ?? '未识别',
    });
  }
  // rows of the list that are no 合计, unit, project or indicator row
  const known = new Set<number>();
  if (form.total) known.add(form.total.row);
  for (const u of form.units) {
    known.add(u.row);
    for (const p of u.projects) {
      known.add(p.row);
      for (const i of p.indicators) known.add(i.row);
      if (p.target.cell) known.add(p.target.cell.row);
    }
  }
  const skipped: InspectedRows[] = [];
  for (const r of usedRowsIn(grid, header.bottom + 1, form.range.bottom)) {
    if (known.has(r)) continue;
    const prev = skipped[skipped.length - 1];
    if (prev && prev.bottom === r) skipped[skipped.length - 1] = { ...prev, bottom: r + 1 };
    else skipped.push(rows(r, r, 'other'));
  }
  const table: InspectedTable = {
    status: 'read',
    statusLabel: TABLE_STATUS_LABEL.read,
    cell: toA1({ row: header.row, col: header.left }),
    headerRows: header.bottom > header.row ? [header.row + 1, header.bottom + 1] : [header.row + 1],
    header: columns,
    missing: [],
    rows: form.indicators.filter((i) => !i.packed).map(inspectIndicator),
    skipped,
    end: null,
  };
  return { table, projects };
}
