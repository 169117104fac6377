import type { CellRef } from '../grid/address';
import type { Form, FormKind } from '../model/forms';
import type { Severity } from '../model/finding';
import type { ParsedValue } from '../values/types';

/** What the README, the CLI and the task pane list about a rule (ESLint's `meta`). */
export interface RuleMeta {
  /** stable id from docs/domain.md §4 */
  readonly id: string;
  /** the severity reported unless the rule says otherwise for one case (the most severe one it uses) */
  readonly severity: Severity;
  /** short Chinese title for lists: `比较符误写` */
  readonly title: string;
  /** one Chinese sentence: what it catches */
  readonly description: string;
  /** whether findings carry replacements; `checkForm` refuses suggestions from a rule without it */
  readonly fixable: boolean;
  /** the forms it applies to */
  readonly forms: ReadonlyArray<FormKind>;
}

export interface Report {
  /** the cell the finding is about (the anchor of a merge if the cell is merged) */
  readonly cell: CellRef;
  /** Chinese message */
  readonly message: string;
  /**
   * replacements, best first: a text is written as text; `{ text, value }` writes `value` (a number
   * for an amount cell). `checkForm` marks the ones that would overwrite a formula.
   */
  readonly suggestions?: ReadonlyArray<SuggestionInput>;
  /** overrides meta.severity for this finding (e.g. `value.rate-out-of-range` warning case) */
  readonly severity?: Severity;
}

/** What a rule suggests: plain text, or a text shown with the value to write. */
export type SuggestionInput = string | { readonly text: string; readonly value: string | number };

/** A number fix for an amount cell: shown as `text`, written as the number it reads. */
export function numberFix(text: string): SuggestionInput {
  return { text, value: Number(text) };
}

export interface CheckOptions {
  /** `value.low-satisfaction`: the lowest acceptable 满意度 target, in percent */
  readonly satisfactionFloor: number;
  /** rule ids switched off */
  readonly disabledRules: ReadonlySet<string>;
}

export const DEFAULT_OPTIONS: CheckOptions = {
  satisfactionFloor: 80,
  disabledRules: new Set(),
};

export interface RuleContext {
  readonly options: CheckOptions;
  report(report: Report): void;
  /** parses an indicator value (memoised) */
  parse(text: string): ParsedValue;
}

/** One rule: metadata and one function that reports problems on one form. */
export interface Rule {
  readonly meta: RuleMeta;
  check(form: Form, ctx: RuleContext): void;
}
