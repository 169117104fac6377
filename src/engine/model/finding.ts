/** `error` must be fixed before submission, `warning` is probably wrong, `info` is a normalisation. */
export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * One replacement for the finding's cell, as data (ESLint's `fix`): what to show, what to write and
 * whether writing it would destroy a formula. Hosts write `value` as it is and never interpret it.
 */
export interface Suggestion {
  /** the new content as the clerk reads it: `≤15万元`, `300.00` */
  readonly text: string;
  /** what to write: a number for an amount cell, otherwise the text */
  readonly value: string | number;
  /**
   * the cell holds a formula: applying would turn it into a constant, so no host applies it with
   * one click; the pane shows it as advice (check the parts the formula adds up)
   */
  readonly replacesFormula: boolean;
}

/** One problem the engine found. */
export interface Finding {
  /** stable rule id from docs/domain.md §4, e.g. `value.operator-typo` */
  readonly rule: string;
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 address without `$` or sheet name; the top-left cell of a merged area */
  readonly cell: string;
  readonly row: number;
  readonly col: number;
  /** what is wrong, in Simplified Chinese, for a clerk */
  readonly message: string;
  /** replacements for the cell, best first */
  readonly suggestions: ReadonlyArray<Suggestion>;
  /** index of the form (in the sheet's detection order) the finding belongs to */
  readonly form: number;
}
