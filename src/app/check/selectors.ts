/** What the 检查 tab shows, derived from the state: counts, filtered groups, rules present. */
import { ruleTitle, type Finding, type Severity } from '../../engine';
import type { CheckState, FindingFilter, FormSummary, SheetResult } from './state';

export type SeverityCounts = Readonly<Record<Severity, number>>;

/** A stable key for one finding (for selection and React keys). */
export function findingKey(f: Finding): string {
  return `${f.sheet}!${f.cell}|${f.rule}|${f.form}|${f.message}`;
}

export function countBySeverity(findings: Iterable<Finding>): SeverityCounts {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function allFindings(state: Pick<CheckState, 'sheets'>): Finding[] {
  return state.sheets.flatMap((s) => s.findings);
}

export function formCount(state: Pick<CheckState, 'sheets'>): number {
  return state.sheets.reduce((n, s) => n + s.forms.length, 0);
}

export function matchesFilter(f: Finding, filter: FindingFilter): boolean {
  if (!filter.severities.includes(f.severity)) return false;
  if (filter.rule && f.rule !== filter.rule) return false;
  const q = filter.text.trim().toLowerCase();
  if (!q) return true;
  return [
    f.message,
    f.cell,
    f.sheet,
    f.rule,
    ruleTitle(f.rule),
    ...f.suggestions.map((s) => s.text),
  ].some((s) => s.toLowerCase().includes(q));
}

export interface FormGroup {
  readonly form: FormSummary | null;
  readonly findings: ReadonlyArray<Finding>;
}

export interface SheetGroup {
  readonly sheet: string;
  readonly counts: SeverityCounts;
  readonly forms: ReadonlyArray<FormGroup>;
}

/** Filtered findings grouped by sheet, then by form; sheets and forms with none left out. */
export function groupFindings(
  sheets: ReadonlyArray<SheetResult>,
  filter: FindingFilter,
): SheetGroup[] {
  const out: SheetGroup[] = [];
  for (const s of sheets) {
    const shown = s.findings.filter((f) => matchesFilter(f, filter));
    if (shown.length === 0) continue;
    const byForm = new Map<number, Finding[]>();
    for (const f of shown) {
      const list = byForm.get(f.form);
      if (list) list.push(f);
      else byForm.set(f.form, [f]);
    }
    const forms = [...byForm.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([i, findings]) => ({ form: s.forms.find((x) => x.index === i) ?? null, findings }));
    out.push({ sheet: s.sheet, counts: countBySeverity(shown), forms });
  }
  return out;
}

export interface RuleCount {
  readonly rule: string;
  readonly title: string;
  readonly count: number;
  /** findings of the rule with a suggestion (what "apply all" would fix) */
  readonly fixable: number;
}

/** Rules with findings, most frequent first. */
export function rulesPresent(sheets: ReadonlyArray<SheetResult>): RuleCount[] {
  const m = new Map<string, { count: number; fixable: number }>();
  for (const s of sheets)
    for (const f of s.findings) {
      const e = m.get(f.rule) ?? { count: 0, fixable: 0 };
      e.count++;
      if (f.suggestions.some((s) => !s.replacesFormula)) e.fixable++;
      m.set(f.rule, e);
    }
  return [...m.entries()]
    .map(([rule, e]) => ({ rule, title: ruleTitle(rule), ...e }))
    .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
}

/** Findings on one cell (hover and selection in the grid). */
export function findingsAt(
  sheets: ReadonlyArray<SheetResult>,
  sheet: string,
  row: number,
  col: number,
): Finding[] {
  const s = sheets.find((x) => x.sheet === sheet);
  return s ? s.findings.filter((f) => f.row === row && f.col === col) : [];
}

/** The finding with a key, wherever it is. */
export function findByKey(sheets: ReadonlyArray<SheetResult>, key: string): Finding | undefined {
  for (const s of sheets) for (const f of s.findings) if (findingKey(f) === key) return f;
  return undefined;
}
