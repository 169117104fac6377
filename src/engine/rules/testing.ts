/**
 * A small RuleTester in the manner of ESLint's: each rule gets a table of valid cases (no finding of
 * that rule) and invalid cases (exactly the expected findings: rule, severity, cell, suggestions and,
 * when given, the message). Forms are built by hand (see `builders.ts`), never read from sheets.
 */
import { describe, expect, it } from '@jest/globals';
import type { Finding, Severity } from '../model/finding';
import type { Form } from '../model/forms';
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
    }
  });
}

function summary(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    cell: f.cell,
    suggestions: f.suggestions.map((s) => s.text),
  };
}
