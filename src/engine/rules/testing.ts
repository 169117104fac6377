/**
 * A small RuleTester in the manner of ESLint's: each rule gets a table of valid cases (no finding of
 * that rule) and invalid cases (exactly the expected findings: rule, severity, cell, suggestions and,
 * when given, the message). Forms are built by hand (see `builders.ts`), never read from sheets.
 *
 * Fixes are checked as ESLint checks `output`: the first suggestion of every finding of an invalid
 * case is written into the form (`withCellValue`), the rule runs again, and that finding must be
 * gone. Suggestions on amount cells must write numbers, and a rule whose `meta.fixable` is true must
 * show at least one invalid case with a suggestion.
 */
import { describe, expect, it } from '@jest/globals';
import { cellText } from '../grid/cell';
import { toA1, type CellRef } from '../grid/address';
import type { Finding, Severity } from '../model/finding';
import type { Form, ListProject } from '../model/forms';
import { amountsInFormUnit, moneyFields } from '../model/money-fields';
import { parseAmount } from '../money/amount';
import { packedIndicators } from '../forms/project-list/indicators';
import { checkForm, resolveOptions } from '../check';
import type { CheckOptions, Rule } from './types';

export interface RuleCase {
  /** what the case shows, in a few words */
  readonly name: string;
  readonly form: Form;
  readonly options?: Partial<CheckOptions>;
}

export interface ExpectedFinding {
  /** A1 address of the cell the finding is about */
  readonly cell: string;
  /** defaults to the rule's meta.severity */
  readonly severity?: Severity;
  /** defaults to none */
  readonly suggestions?: ReadonlyArray<string>;
  /** the whole message, or a pattern it must match */
  readonly message?: string | RegExp;
}

export interface InvalidCase extends RuleCase {
  readonly findings: ReadonlyArray<ExpectedFinding>;
}

export interface RuleCases {
  readonly valid: ReadonlyArray<RuleCase>;
  readonly invalid: ReadonlyArray<InvalidCase>;
}

/** Runs one rule on one form through `checkForm`, without the form readers. */
export function runRule(rule: Rule, form: Form, options?: Partial<CheckOptions>): Finding[] {
  return checkForm(form, 0, resolveOptions(options), [rule]);
}

const CJK = /[\u4e00-\u9fff]/;

/** Declares a jest `describe` block with one test per case. */
export function testRule(rule: Rule, cases: RuleCases): void {
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(runRule(rule, c.form, c.options).map(summary)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = runRule(rule, c.form, c.options);
        expect(found.map(summary)).toEqual(
          c.findings.map((e) => ({
            rule: rule.meta.id,
            severity: e.severity ?? rule.meta.severity,
            cell: e.cell,
            suggestions: [...(e.suggestions ?? [])],
          })),
        );
        found.forEach((f, i) => {
          expect(f.message).toMatch(CJK);
          const m = c.findings[i].message;
          if (typeof m === 'string') expect(f.message).toBe(m);
          else if (m) expect(f.message).toMatch(m);
        });
      });
      it(`invalid: ${c.name} — the first suggestion fixes each finding`, () => {
        expectFixesApply(rule, c);
      });
    }
    if (rule.meta.fixable) {
      it('fixable: at least one invalid case has a suggestion', () => {
        const suggested = cases.invalid.some((c) =>
          c.findings.some((f) => (f.suggestions ?? []).length > 0),
        );
        expect(suggested).toBe(true);
      });
    }
  });
}

/**
 * Writes the first suggestion of every finding of `c` into its form, runs the rule again and checks
 * that the finding is gone (the same rule no longer reports that message on that cell, and reports
 * one finding fewer there). Suggestions that would replace a formula are never applied.
 */
function expectFixesApply(rule: Rule, c: InvalidCase): void {
  const amountCells = new Set(moneyFields(c.form).flatMap((f) => (f.cell ? [toA1(f.cell)] : [])));
  for (const f of runRule(rule, c.form, c.options)) {
    const fix = f.suggestions[0];
    if (fix === undefined || fix.replacesFormula) continue;
    if (amountCells.has(f.cell)) {
      // an amount is written as a number, never as text
      expect(f.suggestions.map((s) => typeof s.value)).toEqual(f.suggestions.map(() => 'number'));
    }
    expect(fix.text).not.toBe('');
    const fixed = withCellValue(c.form, { row: f.row, col: f.col }, fix.value);
    const after = runRule(rule, fixed, c.options).filter((g) => g.cell === f.cell);
    const before = runRule(rule, c.form, c.options).filter((g) => g.cell === f.cell);
    const left = after.filter((g) => g.message === f.message).map((g) => g.message);
    expect({ fix: fix.text, left }).toEqual({ fix: fix.text, left: [] });
    expect(after.length).toBeLessThan(before.length);
  }
}

/**
 * The form as the readers would give it after `value` is written into `cell`: every text and amount
 * field of that cell takes the new content, a packed 绩效指标 cell is unpacked again, and amounts in
 * another unit are converted to the form's. The original form is left as it is.
 */
export function withCellValue(form: Form, cell: CellRef, value: string | number): Form {
  const text = cellText(value);
  const at = (ref: unknown): boolean => {
    const r = ref as CellRef | null | undefined;
    return !!r && r.row === cell.row && r.col === cell.col;
  };
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    if (Object.getPrototypeOf(node) !== Object.prototype) return node; // Big, Map, Set
    const o = node as Record<string, unknown>;
    if ('indicatorCell' in o) return packedProject(o as unknown as ListProject);
    if ('text' in o && 'cell' in o && at(o.cell)) {
      return 'amount' in o ? { ...o, text, amount: parseAmount(value) } : { ...o, text };
    }
    return walkEntries(o);
  };
  const walkEntries = (o: object): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = walk(v);
    return out;
  };
  /** A list project: its fields as any other, its indicators unpacked again from a new packed text. */
  const packedProject = (p: ListProject): ListProject => {
    const { indicators, ...rest } = p;
    const next = walkEntries(rest) as Omit<ListProject, 'indicators'>;
    const packed = p.indicatorCell.cell;
    if (!packed || !at(packed)) return { ...next, indicators };
    return { ...next, indicators: packedIndicators(text, packed, p.row) };
  };
  const { indicators, ...rest } = form;
  const next = walkEntries(rest) as unknown as Form;
  let all = walk(indicators) as Form['indicators'];
  if (form.kind === 'project-list' && next.kind === 'project-list') {
    // a list's indicators are its projects' (kept apart above), then any the reader left loose
    const projects = new Set(form.units.flatMap((u) => u.projects.flatMap((p) => p.indicators)));
    const loose = indicators.filter((i) => !projects.has(i));
    all = [
      ...next.units.flatMap((u) => u.projects.flatMap((p) => p.indicators)),
      ...(walk(loose) as Form['indicators']),
    ];
  }
  return amountsInFormUnit({ ...next, indicators: all } as Form);
}

function summary(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    cell: f.cell,
    suggestions: f.suggestions.map((s) => s.text),
  };
}
