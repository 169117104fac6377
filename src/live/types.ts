/** What the live checker shows: its state (one immutable snapshot per change) and its options. */
import type { CheckOptions, Finding, FormKind, Range, RowWindow, Severity } from '../engine';
import type { CellLocation, HostError } from '../host/types';
import type { Scheduler } from './scheduler';

export type SeverityCounts = Readonly<Record<Severity, number>>;

export const NO_COUNTS: SeverityCounts = Object.freeze({ error: 0, warning: 0, info: 0 });

/** One form on a sheet as the live checker keeps it (compatible with the pane's `FormSummary`). */
export interface LiveForm {
  /** stable while the form exists (kept across re-checks and row shifts): a React key */
  readonly id: number;
  /** position in the sheet's forms, top to bottom (`Finding.form`) */
  readonly index: number;
  readonly kind: FormKind;
  /** the title as written, '' when none */
  readonly title: string;
  /** the project's or department's name, '' when none */
  readonly name: string;
  /** the cells the form covers */
  readonly range: Range;
  /** the rows re-read when the form is edited: from its first row to the row before the next form */
  readonly window: RowWindow;
  /** sorted by row, column, severity, rule */
  readonly findings: ReadonlyArray<Finding>;
  readonly counts: SeverityCounts;
}

export interface LiveSheet {
  readonly sheet: string;
  /** rows known to hold something (grows with edits, follows inserted and deleted rows) */
  readonly rowCount: number;
  readonly forms: ReadonlyArray<LiveForm>;
  /** every finding of the sheet, sorted */
  readonly findings: ReadonlyArray<Finding>;
  readonly counts: SeverityCounts;
}

export interface LiveProgress {
  /** sheets finished */
  readonly done: number;
  readonly total: number;
  /** the sheet being checked, '' when finished */
  readonly sheet: string;
}

/** What the last incremental update did (for the pane's status line and the benchmark). */
export interface LiveUpdate {
  readonly sheets: ReadonlyArray<string>;
  /** forms re-checked */
  readonly forms: number;
  /** rows re-read */
  readonly rows: number;
  /** `context.sync` calls it cost (0 in memory) */
  readonly syncs: number;
  /** from the first change of the batch to the highlights written, on the scheduler's clock */
  readonly ms: number;
}

export type LivePhase = 'stopped' | 'full-pass' | 'live';

export interface LiveState {
  readonly phase: LivePhase;
  /** the full pass's progress, null outside it */
  readonly progress: LiveProgress | null;
  /** the last full pass was cancelled: sheets not reached are checked on their first change */
  readonly cancelled: boolean;
  /** changes queued or being re-checked */
  readonly busy: boolean;
  /** sheets in tab order (sheets added later at the end) */
  readonly sheets: ReadonlyArray<LiveSheet>;
  /** the whole workbook */
  readonly counts: SeverityCounts;
  readonly formCount: number;
  readonly selection: CellLocation | null;
  /** the form containing the selection, null outside any form */
  readonly activeForm: (LiveForm & { readonly sheet: string }) | null;
  /** the findings at the selected cell(s): the messages the pane shows for a highlighted cell */
  readonly selectedFindings: ReadonlyArray<Finding>;
  /** false after `clearHighlights()` until `showHighlights()` */
  readonly highlighting: boolean;
  /** what went wrong lately (sheets skipped, reads refused), Chinese messages */
  readonly problems: ReadonlyArray<HostError>;
  readonly lastUpdate: LiveUpdate | null;
  /** increases with every new snapshot */
  readonly version: number;
}

export interface LiveCheckerOptions {
  /** quiet time after the last change before re-checking; default 150 ms */
  readonly debounceMs?: number;
  /** timers and clock (tests pass a `ManualScheduler`) */
  readonly scheduler?: Scheduler;
  /** awaited between sheets of the full pass so that the pane paints and takes 取消 */
  readonly yieldToUi?: () => Promise<void>;
  readonly check?: Partial<CheckOptions>;
  /** severities written as highlights; default all three */
  readonly highlightSeverities?: ReadonlyArray<Severity>;
  /** check hidden sheets too; default false */
  readonly includeHidden?: boolean;
  /** sheets read per round trip in the full pass; default 8 */
  readonly readBatch?: number;
}

export interface FullPassOptions {
  readonly signal?: AbortSignal;
  /** before sheet `sheetIndex` (0-based) of `total` is checked, and once more with `total, total` */
  readonly onProgress?: (sheetIndex: number, total: number, sheet: string) => void;
}

export interface FullPassResult {
  readonly cancelled: boolean;
  readonly sheets: number;
  readonly forms: number;
  readonly counts: SeverityCounts;
  readonly skipped: ReadonlyArray<HostError>;
}
