/** `error` must be fixed before submission, `warning` is probably wrong, `info` is a normalisation. */
export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** One problem the engine found. */
export interface Finding {
  /** stable rule id from domain.md §4, e.g. `value.operator-typo` */
  readonly rule: string;
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 address without `$` or sheet name; the top-left cell of a merged area */
  readonly cell: string;
  readonly row: number;
  readonly col: number;
  /** what is wrong, in Simplified Chinese, for a clerk */
  readonly message: string;
  /** replacement texts for the cell, best first */
  readonly suggestions: ReadonlyArray<string>;
  /** index of the form (in the sheet's detection order) the finding belongs to */
  readonly form: number;
}
