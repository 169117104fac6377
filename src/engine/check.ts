import { Grid } from './grid/grid';
import { rangesOverlap } from './grid/address';
import { toA1 } from './grid/address';
import type { SheetData, WorkbookData } from './grid/sheet';
import type { Form } from './model/forms';
import { amountsInFormUnit } from './model/money-fields';
import { SEVERITY_ORDER, type Finding, type Suggestion } from './model/finding';
import type { FormReader, RowWindow } from './forms/reader';
import { projectListReader } from './forms/project-list';
import { departmentFormReader } from './forms/department-form';
import { projectFormReader } from './forms/project-form';
import { allRules } from './rules';
import {
  DEFAULT_OPTIONS,
  type CheckOptions,
  type Rule,
  type RuleContext,
  type SuggestionInput,
} from './rules/types';
import { parseValue } from './values';
import { titleKind } from './forms/common/labels';
import { rowCells } from './forms/common/cells';
import { isNormalisedExport } from './normalise/exported';
import type { ParsedValue } from './values/types';

/** Readers in priority order: a list's title also ends in 绩效目标表, so lists are claimed first. */
const READERS: ReadonlyArray<FormReader> = [
  projectListReader,
  departmentFormReader,
  projectFormReader,
];

/** Finds and reads every form on a sheet (or only those starting inside `window`). */
export function readSheet(grid: Grid, window?: RowWindow): Form[] {
  const out: Form[] = [];
  if (isNormalisedExport(grid)) return out;
  for (const reader of READERS) {
    for (const form of reader.read(grid, window)) {
      if (out.some((g) => rangesOverlap(g.range, form.range))) continue;
      out.push(withSheetFacts(grid, amountsInFormUnit(form)));
    }
  }
  out.sort((a, b) => a.range.top - b.range.top || a.range.left - b.range.left);
  return out;
}

/** The form with the formula cells and hidden rows of its range, when the grid has any. */
function withSheetFacts(grid: Grid, form: Form): Form {
  const { top, bottom, left, right } = form.range;
  let formulas: Map<string, string> | undefined;
  let hiddenRows: Set<number> | undefined;
  for (const r of grid.usedRows()) {
    if (r < top) continue;
    if (r > bottom) break;
    if (grid.isRowHidden(r)) (hiddenRows ??= new Set()).add(r);
    for (let c = left; c <= right; c++) {
      const f = grid.formula(r, c);
      if (f !== undefined) (formulas ??= new Map()).set(toA1({ row: r, col: c }), f);
    }
  }
  if (!formulas && !hiddenRows) return form;
  return { ...form, ...(formulas ? { formulas } : {}), ...(hiddenRows ? { hiddenRows } : {}) };
}

const PARSE_CACHE_LIMIT = 100_000;
const parseCache = new Map<string, ParsedValue>();

/** `parseValue` memoised: forms repeat the same values (`100%`, `≥90%`) thousands of times. */
export function parseCached(text: string): ParsedValue {
  let v = parseCache.get(text);
  if (v === undefined) {
    if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.clear();
    v = parseValue(text);
    parseCache.set(text, v);
  }
  return v;
}

export function resolveOptions(partial?: Partial<CheckOptions>): CheckOptions {
  return { ...DEFAULT_OPTIONS, ...partial };
}

/** Runs every enabled rule on one form. */
export function checkForm(
  form: Form,
  formIndex: number,
  options: CheckOptions = DEFAULT_OPTIONS,
  rules: ReadonlyArray<Rule> = allRules,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (options.disabledRules.has(rule.meta.id)) continue;
    if (!rule.meta.forms.includes(form.kind)) continue;
    const ctx: RuleContext = {
      options,
      parse: parseCached,
      report: (r) => {
        const cell = toA1(r.cell);
        const given = r.suggestions ?? [];
        if (given.length > 0 && !rule.meta.fixable)
          throw new Error(`rule ${rule.meta.id} suggests a fix but its meta.fixable is false`);
        const formula = form.formulas?.has(cell) ?? false;
        const hidden = form.hiddenRows?.has(r.cell.row) ?? false;
        findings.push({
          rule: rule.meta.id,
          severity: r.severity ?? rule.meta.severity,
          sheet: form.sheet,
          cell,
          row: r.cell.row,
          col: r.cell.col,
          message: hidden ? `${r.message}${HIDDEN_ROW_NOTE}` : r.message,
          suggestions: given.map((s) => toSuggestion(s, formula)),
          form: formIndex,
        });
      },
    };
    rule.check(form, ctx);
  }
  return findings.sort(compareFindings);
}

/** Appended to the message of a finding on a hidden row, so that a reviewer knows where to look. */
export const HIDDEN_ROW_NOTE = '（该行已隐藏）';

function toSuggestion(s: SuggestionInput, replacesFormula: boolean): Suggestion {
  return typeof s === 'string'
    ? { text: s, value: s, replacesFormula }
    : { text: s.text, value: s.value, replacesFormula };
}

export interface SheetReport {
  readonly sheet: string;
  readonly forms: ReadonlyArray<Form>;
  readonly findings: ReadonlyArray<Finding>;
  /**
   * Form titles (`…绩效目标表`) that no form read covers: a form the readers could not make out,
   * which must be said rather than passed over (absent when there is none)
   */
  readonly unreadTitles?: ReadonlyArray<UnreadTitle>;
}

function rowHoldsTitlesOnly(grid: Grid, r: number): boolean {
  return rowCells(grid, r).every((c) => {
    const t = c.text.trim();
    return t === '' || titleKind(t) !== null;
  });
}

/** A form title on a sheet where no form was read. */
export interface UnreadTitle {
  /** `A12` */
  readonly cell: string;
  readonly text: string;
}

/**
 * Titles no form covers: a cheap pass over the stored text cells that mention 绩效目标. A title
 * stands alone in its row (or beside another title); a row with other text is a table's row (a
 * list of form kinds, an export), not a title.
 */
export function unreadTitles(grid: Grid, forms: ReadonlyArray<Form>): UnreadTitle[] {
  const out: UnreadTitle[] = [];
  if (isNormalisedExport(grid)) return out;
  for (const r of grid.usedRows()) {
    for (const c of grid.storedCols(r)) {
      const v = grid.raw(r, c);
      if (typeof v !== 'string' || v.indexOf('绩效目标') < 0 || titleKind(v.trim()) === null)
        continue;
      const m = grid.mergeAt(r, c);
      if (m && (m.top !== r || m.left !== c)) continue;
      if (!rowHoldsTitlesOnly(grid, r)) continue;
      const covered = forms.some(
        (f) => f.range.top <= r && r <= f.range.bottom && f.range.left <= c && c <= f.range.right,
      );
      if (!covered) out.push({ cell: toA1({ row: r, col: c }), text: v.trim() });
    }
  }
  return out;
}

export interface WorkbookReport {
  readonly sheets: ReadonlyArray<SheetReport>;
  /** all findings, by sheet order, then row, column, severity and rule */
  readonly findings: ReadonlyArray<Finding>;
}

/** Detects, extracts and checks every form on one sheet. */
export function checkSheet(
  sheet: SheetData | Grid,
  options: CheckOptions = DEFAULT_OPTIONS,
): SheetReport {
  const grid = sheet instanceof Grid ? sheet : new Grid(sheet);
  const forms = readSheet(grid);
  const findings: Finding[] = [];
  // no spread into push: a large list can have more findings than the call stack has room for
  forms.forEach((form, i) => {
    for (const f of checkForm(form, i, options)) findings.push(f);
  });
  findings.sort(compareFindings);
  const unread = unreadTitles(grid, forms);
  return {
    sheet: grid.name,
    forms,
    findings,
    ...(unread.length > 0 ? { unreadTitles: unread } : {}),
  };
}

/** Detects, extracts and checks every form of a workbook. */
export function checkWorkbook(wb: WorkbookData, options?: Partial<CheckOptions>): WorkbookReport {
  const opts = resolveOptions(options);
  const sheets = wb.sheets.map((s) => checkSheet(s, opts));
  return { sheets, findings: sheets.flatMap((s) => s.findings) };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.row - b.row ||
    a.col - b.col ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}
