/**
 * Forms and findings in, the flat rows of docs/domain.md §5 out: one 指标 row per indicator value and one
 * 项目资金 row per project. Pure: no Node, no DOM, no workbook writing.
 */
import { toA1, type CellRef } from '../grid/address';
import { toWan, type MoneyUnit } from '../money/amount';
import type { Finding } from '../model/finding';
import type {
  AmountField,
  DepartmentForm,
  Form,
  Indicator,
  IndicatorValueField,
  ListProject,
  ProjectForm,
  ProjectList,
} from '../model/forms';
import { parseCached } from '../check';
import type { ParsedValue } from '../values/types';
import { completeValue } from '../values/beside';
import {
  INDICATOR_COLUMNS,
  INDICATOR_SHEET,
  PROJECT_COLUMNS,
  PROJECT_SHEET,
  type IndicatorRow,
  type NormalisedTable,
  type PeriodLabel,
  type ProjectFields,
  type ProjectRow,
} from './columns';
import { FORM_KIND_LABEL, PERIOD_LABEL, ruleLabel } from '../labels';
import { VALUE_KIND_LABEL } from './labels';
import { standardLevels } from './levels';

/** What normalising needs from one sheet: its forms (in detection order) and their findings. */
export interface SheetForms {
  readonly sheet: string;
  readonly forms: ReadonlyArray<Form>;
  /** findings of the sheet; `finding.form` is the index into `forms` */
  readonly findings: ReadonlyArray<Finding>;
}

/** One input workbook: its file name (the 来源文件 column) and its sheets (a `WorkbookReport` fits). */
export interface NormaliseInput {
  readonly source: string;
  readonly sheets: ReadonlyArray<SheetForms>;
}

/** The rows of one form. */
export interface NormalisedRows {
  readonly indicators: IndicatorRow[];
  readonly projects: ProjectRow[];
}

/** The two sheets of the normalised workbook. */
export interface NormalisedWorkbook {
  readonly indicators: NormalisedTable<IndicatorRow>;
  readonly projects: NormalisedTable<ProjectRow>;
}

export interface NormaliseOptions {
  /** parses an indicator value; the engine's memoised parser by default */
  readonly parse?: (text: string) => ParsedValue;
}

/** Normalises several workbooks into one pair of tables, in input order. */
export function normalise(
  inputs: ReadonlyArray<NormaliseInput>,
  options: NormaliseOptions = {},
): NormalisedWorkbook {
  const indicators: IndicatorRow[] = [];
  const projects: ProjectRow[] = [];
  for (const input of inputs) {
    for (const sheet of input.sheets) {
      const bySheetForm = groupFindings(sheet);
      sheet.forms.forEach((form, i) => {
        const rows = normaliseForm(form, bySheetForm.get(i) ?? [], input.source, options);
        // push one by one: spreading 10,000 rows into push() can overflow the stack
        for (const r of rows.indicators) indicators.push(r);
        for (const r of rows.projects) projects.push(r);
      });
    }
  }
  return {
    indicators: { name: INDICATOR_SHEET, columns: INDICATOR_COLUMNS, rows: indicators },
    projects: { name: PROJECT_SHEET, columns: PROJECT_COLUMNS, rows: projects },
  };
}

function groupFindings(sheet: SheetForms): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
  for (const f of sheet.findings) {
    if (f.sheet !== sheet.sheet) continue;
    const list = out.get(f.form);
    if (list) list.push(f);
    else out.set(f.form, [f]);
  }
  return out;
}

/**
 * Normalises one form. `findings` are the findings of this form (those with its sheet and index);
 * `source` is the file name for the 来源文件 column.
 */
export function normaliseForm(
  form: Form,
  findings: ReadonlyArray<Finding>,
  source: string,
  options: NormaliseOptions = {},
): NormalisedRows {
  const parse = options.parse ?? parseCached;
  const index = new FindingIndex(findings);
  switch (form.kind) {
    case 'project-form':
      return projectForm(form, index, source, parse);
    case 'department-form':
      return departmentForm(form, index, source, parse);
    case 'project-list':
      return projectList(form, index, source, parse);
  }
}

/** The rows of a form that is one project (a project form, or a department form as one row). */
function singleProject(
  head: ProjectFields,
  form: ProjectForm | DepartmentForm,
  index: FindingIndex,
  parse: (t: string) => ParsedValue,
): NormalisedRows {
  return {
    indicators: indicatorRows(head, form.indicators, index, parse),
    projects: [
      projectRow(head, form.name.cell ?? form.titleCell, form.indicators.length, index.all),
    ],
  };
}

function projectForm(
  form: ProjectForm,
  index: FindingIndex,
  source: string,
  parse: (t: string) => ParsedValue,
): NormalisedRows {
  const head: ProjectFields = {
    source,
    formKind: FORM_KIND_LABEL[form.kind],
    sheet: form.sheet,
    unitName: oneLine(form.implementer?.text || form.department?.text || ''),
    code: form.code?.text ?? '',
    project: oneLine(form.name.text),
    budget: wan(form.budget, form.unit),
    fiscal: wan(form.fiscal, form.unit),
    special: null,
    other: wan(form.other, form.unit),
  };
  return singleProject(head, form, index, parse);
}

function departmentForm(
  form: DepartmentForm,
  index: FindingIndex,
  source: string,
  parse: (t: string) => ParsedValue,
): NormalisedRows {
  const revenue = form.splits.find((s) => s.key === 'revenue-source');
  const part = (re: RegExp) => revenue?.parts.find((p) => re.test(p.label))?.field;
  const head: ProjectFields = {
    source,
    formKind: FORM_KIND_LABEL[form.kind],
    sheet: form.sheet,
    unitName: oneLine(form.name.text),
    code: '',
    project: oneLine(form.name.text),
    budget: wan(form.budget, form.unit),
    fiscal: wan(part(/财政/), form.unit),
    special: null,
    other: wan(part(/其他/), form.unit),
  };
  return singleProject(head, form, index, parse);
}

function projectList(
  form: ProjectList,
  index: FindingIndex,
  source: string,
  parse: (t: string) => ParsedValue,
): NormalisedRows {
  const indicators: IndicatorRow[] = [];
  const projects: ProjectRow[] = [];
  for (const unit of form.units) {
    const unitName = oneLine(unit.row >= 0 ? unit.name.text : (form.department?.text ?? ''));
    for (const p of unit.projects) {
      const head: ProjectFields = {
        source,
        formKind: FORM_KIND_LABEL[form.kind],
        sheet: form.sheet,
        unitName,
        code: '',
        project: oneLine(p.name.text),
        budget: wan(p.total, form.unit),
        fiscal: wan(p.fiscal, form.unit),
        special: wan(p.special, form.unit),
        other: wan(p.other, form.unit),
      };
      for (const r of indicatorRows(head, p.indicators, index, parse)) indicators.push(r);
      projects.push(
        projectRow(head, p.name.cell, p.indicators.length, listProjectFindings(p, index)),
      );
    }
  }
  return { indicators, projects };
}

/**
 * Findings about one project of a list: those on its row or on one of its cells, including the
 * cells of its indicators (one indicator per row, below the project's row, in the 汇总表 template).
 */
function listProjectFindings(p: ListProject, index: FindingIndex): Finding[] {
  const cells = new Set<string>();
  for (const f of [p.name, p.total, p.fiscal, p.special, p.other, p.target, p.indicatorCell]) {
    if (f.cell) cells.add(key(f.cell));
  }
  for (const ind of p.indicators) {
    for (const f of [ind.level1, ind.level2, ind.name, ind.description, ind.basis, ...ind.values]) {
      if (f?.cell) cells.add(key(f.cell));
    }
  }
  return index.all.filter((f) => f.row === p.row || cells.has(key(f)));
}

function projectRow(
  head: ProjectFields,
  cell: CellRef | null,
  indicatorCount: number,
  findings: ReadonlyArray<Finding>,
): ProjectRow {
  let errorCount = 0;
  let warningCount = 0;
  for (const f of findings) {
    if (f.severity === 'error') errorCount++;
    else if (f.severity === 'warning') warningCount++;
  }
  return {
    ...head,
    cell: cell ? toA1(cell) : '',
    indicatorCount,
    errorCount,
    warningCount,
  };
}

/**
 * One row per value with text; an indicator whose values are all blank (or that has no value column)
 * still gets one row, so that its `value.empty` finding shows.
 */
function indicatorRows(
  head: ProjectFields,
  indicators: ReadonlyArray<Indicator>,
  index: FindingIndex,
  parse: (t: string) => ParsedValue,
): IndicatorRow[] {
  const out: IndicatorRow[] = [];
  for (const ind of indicators) {
    const written = ind.values.filter((v) => v.text.trim() !== '');
    const values: ReadonlyArray<IndicatorValueField | null> =
      written.length > 0 ? written : ind.values.length > 0 ? [ind.values[0]] : [null];
    const [level1, level2] = standardLevels(ind.level1.text, ind.level2.text);
    for (const v of values) {
      // a value split over 指标方向 | 指标值 | 计量单位 is normalised as the three together
      const parsed = parse(completeValue(v?.text ?? '', ind).text);
      const cell = v?.cell ?? ind.name.cell ?? ind.packed?.cell ?? ind.level1.cell;
      out.push({
        ...head,
        cell: cell ? toA1(cell) : '',
        level1,
        level2,
        name: oneLine(ind.name.text),
        description: oneLine(ind.description?.text ?? ''),
        period: v ? PERIOD_LABEL[v.period] : ('' as PeriodLabel),
        rawValue: v?.text ?? '',
        normalisedValue: parsed.normalised,
        comparator: comparatorOf(parsed),
        number: toNumber(parsed.number),
        measureUnit: parsed.unit ?? '',
        valueKind: VALUE_KIND_LABEL[parsed.kind],
        basis: ind.basis?.text ?? '',
        issues: index.ruleIds(ind, v, indicators).map(ruleLabel).join('；'),
        upper: toNumber(parsed.upper),
      });
    }
  }
  return out;
}

/** An amount in 万元 as a number; null when the cell is blank or not a number. */
function wan(field: AmountField | undefined, unit: MoneyUnit): number | null {
  if (!field || !field.amount.ok) return null;
  return Number(toWan(field.amount.value, unit).toString());
}

function toNumber(s: string | null): number | null {
  if (s === null || s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * Names in a flat table: lines of a wrapped cell joined (Chinese needs no space) and web markup left
 * in by a copy from a budget system (`<p>购置经费</p>`) dropped. Values keep their text as written.
 */
function oneLine(s: string): string {
  return s
    .replace(/<\/?p>|&nbsp;/gi, '')
    .replace(/\s*\n\s*/g, '')
    .trim();
}

/**
 * 比较符: the comparison written; `=` for a number written without one (docs/domain.md §3); blank for
 * text. Also blank where the sign is not known: a book-title mark (`《330`) that may mean either of
 * two signs (the parser reads it as the inclusive one, the 问题 column carries `value.operator-typo`
 * with both readings; `《=` is unambiguous and keeps its `≤`), and an approximate number (`约90家`).
 */
function comparatorOf(p: ParsedValue): string {
  const ambiguous = p.problems.some((x) => x.type === 'operator-typo' && x.suggestions.length > 1);
  if (ambiguous) return '';
  if (p.comparator) return p.comparator;
  if (p.kind !== 'quantitative' || p.approximate) return '';
  return '=';
}

function key(ref: CellRef): string {
  return `${ref.row}:${ref.col}`;
}

/** Findings of one form by cell, to find those about one indicator. */
class FindingIndex {
  private readonly byCell = new Map<string, Finding[]>();

  constructor(readonly all: ReadonlyArray<Finding>) {
    for (const f of all) {
      const k = key(f);
      const list = this.byCell.get(k);
      if (list) list.push(f);
      else this.byCell.set(k, [f]);
    }
  }

  /**
   * Rule ids of the findings on the indicator's cells: its 一级/二级/三级/描述/依据 cells and the
   * value cell of this row (not the other period's). On a packed cell, which every indicator of a
   * list project shares, a finding goes to the item its message names (`第 N 项`, else the quoted
   * name or value); one that names no item is about the whole project and is left to its 项目资金 row.
   */
  ruleIds(
    ind: Indicator,
    value: IndicatorValueField | null,
    siblings: ReadonlyArray<Indicator>,
  ): string[] {
    if (this.all.length === 0) return [];
    const ids: string[] = [];
    const add = (f: Finding) => {
      if (!ids.includes(f.rule)) ids.push(f.rule);
    };
    if (ind.packed) {
      for (const f of this.byCell.get(key(ind.packed.cell)) ?? []) {
        if (packedFindingIsAbout(f, ind, value, siblings)) add(f);
      }
      return ids;
    }
    const cells: Array<CellRef | null | undefined> = [
      ind.level1.cell,
      ind.level2.cell,
      ind.name.cell,
      ind.description?.cell,
      ind.basis?.cell,
      value?.cell,
    ];
    const seen = new Set<string>();
    for (const c of cells) {
      if (!c) continue;
      const k = key(c);
      if (seen.has(k)) continue;
      seen.add(k);
      for (const f of this.byCell.get(k) ?? []) add(f);
    }
    return ids;
  }
}

function packedFindingIsAbout(
  f: Finding,
  ind: Indicator,
  value: IndicatorValueField | null,
  siblings: ReadonlyArray<Indicator>,
): boolean {
  // only the message: a packed cell's suggestions are the whole cell, naming every indicator
  const text = f.message;
  const sameCell = siblings.filter(
    (s) => s.packed && ind.packed && key(s.packed.cell) === key(ind.packed.cell),
  );
  // the rules name a packed item by its position: `第 4 项指标“评审会成本”…`
  const positions = new Set([...text.matchAll(/第\s*(\d+)\s*项/g)].map((m) => Number(m[1]) - 1));
  let about = sameCell.filter((s) => s.packed && positions.has(s.packed.index));
  const quotes = (t: string) => t !== '' && text.includes(`“${t}”`);
  // else by name (quoted, else written; a name inside a longer named one does not count), else by value
  if (about.length === 0) about = sameCell.filter((s) => quotes(s.name.text));
  if (about.length === 0) {
    const named = sameCell.filter((s) => s.name.text !== '' && text.includes(s.name.text));
    about = named.filter(
      (s) => !named.some((o) => o.name.text !== s.name.text && o.name.text.includes(s.name.text)),
    );
  }
  if (about.length === 0) about = sameCell.filter((s) => s.values.some((v) => quotes(v.text)));
  // a finding that names no item is about the cell or the project as a whole (`indicator.missing-category`,
  // `<p>` around the cell): it counts on the 项目资金 row, not on every indicator
  if (!about.includes(ind)) return false;
  if (!value) return true;
  // this row's period: the one the message names (`的实施周期指标值“…”`), else the values it quotes
  const named = ind.values.filter((v) => text.includes(`${PERIOD_LABEL[v.period]}指标值`));
  const periods = named.length > 0 ? named : ind.values.filter((v) => quotes(v.text));
  return periods.length === 0 || periods.includes(value);
}
