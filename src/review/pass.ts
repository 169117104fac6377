/**
 * The reviewer's pass: every sheet checked with progress and cancel, a per-sheet summary, the
 * findings highlighted in one write; and clearing every highlight in one command.
 */
import type { CheckOptions, Finding } from '../engine';
import type { HostError, HostResult, WorkbookHost } from '../host/types';
import { checkAllSheets } from '../live/pass';
import type { LiveState } from '../live/types';

export interface SheetSummary {
  readonly sheet: string;
  readonly forms: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly findings: ReadonlyArray<Finding>;
}

export interface ReviewReport {
  /** checked sheets in tab order */
  readonly sheets: ReadonlyArray<SheetSummary>;
  readonly totals: Omit<SheetSummary, 'sheet' | 'findings'> & { readonly sheets: number };
  /** stopped by the signal: `sheets` holds those checked before */
  readonly cancelled: boolean;
  /** sheets that could not be read or highlighted, with the Chinese reason */
  readonly skipped: ReadonlyArray<HostError>;
}

export interface ReviewPassOptions {
  readonly signal?: AbortSignal;
  /** before sheet `sheetIndex` (0-based) of `total`, and once more with `total, total` */
  readonly onProgress?: (sheetIndex: number, total: number, sheet: string) => void;
  /** each sheet's summary as soon as it is checked (the pane fills its table as it goes) */
  readonly onSheet?: (summary: SheetSummary) => void;
  readonly check?: Partial<CheckOptions>;
  readonly includeHidden?: boolean;
  /** write highlights for the checked sheets (one write); default true */
  readonly highlight?: boolean;
  readonly yieldToUi?: () => Promise<void>;
}

function summary(sheet: string, forms: number, findings: ReadonlyArray<Finding>): SheetSummary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { sheet, forms, errors, warnings, infos, findings };
}

function totalsOf(sheets: ReadonlyArray<SheetSummary>): ReviewReport['totals'] {
  return sheets.reduce(
    (t, s) => ({
      sheets: t.sheets + 1,
      forms: t.forms + s.forms,
      errors: t.errors + s.errors,
      warnings: t.warnings + s.warnings,
      infos: t.infos + s.infos,
    }),
    { sheets: 0, forms: 0, errors: 0, warnings: 0, infos: 0 },
  );
}

/** Checks every sheet (cancellable between sheets) and summarises each. */
export async function reviewPass(
  host: WorkbookHost,
  options: ReviewPassOptions = {},
): Promise<ReviewReport> {
  const sheets: SheetSummary[] = [];
  const result = await checkAllSheets(host, {
    signal: options.signal,
    onProgress: options.onProgress,
    check: options.check,
    includeHidden: options.includeHidden,
    yieldToUi: options.yieldToUi,
    onSheet: (r) => {
      const s = summary(r.sheet, r.forms.length, r.findings.flat());
      sheets.push(s);
      options.onSheet?.(s);
    },
  });
  const skipped = [...result.skipped];
  if (options.highlight !== false && sheets.length > 0) {
    const written = await host.applyHighlights(new Map(sheets.map((s) => [s.sheet, s.findings])));
    if (written.ok) skipped.push(...written.value.skipped);
    else skipped.push(written.error);
  }
  return { sheets, totals: totalsOf(sheets), cancelled: result.cancelled, skipped };
}

/** The same summary from a running live checker's state. */
export function summariseLive(state: LiveState): SheetSummary[] {
  return state.sheets.map((s) => summary(s.sheet, s.forms.length, s.findings));
}

/** Removes the add-in's highlights from every sheet (≤2 round trips). */
export function clearAllHighlights(host: WorkbookHost): Promise<HostResult<void>> {
  return host.clearHighlights();
}
