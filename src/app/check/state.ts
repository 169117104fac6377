/**
 * The 检查 domain: results per sheet, progress, filter, selection and the pane's undo stack.
 * Actions and reducer are plain data so that live checking can feed the same state sheet by sheet.
 */
import type { CellValue, Finding, FormKind, Range, Severity, UnreadTitle } from '../../engine';

/** What the list shows about one form found on a sheet. */
export interface FormSummary {
  /** index in the sheet's detection order (`Finding.form`) */
  readonly index: number;
  readonly kind: FormKind;
  /** the form's title as written, '' when none */
  readonly title: string;
  /** the project's or department's name when the form has one */
  readonly name: string;
  readonly range: Range;
}

/** The latest result of one sheet. */
export interface SheetResult {
  readonly sheet: string;
  readonly forms: ReadonlyArray<FormSummary>;
  readonly findings: ReadonlyArray<Finding>;
  /** form titles with no form read under them (the engine's `unreadTitles`) */
  readonly unreadTitles?: ReadonlyArray<UnreadTitle>;
}

export type CheckScope = 'workbook' | 'sheet';
export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface Progress {
  readonly done: number;
  readonly total: number;
  /** the sheet being worked on */
  readonly sheet: string;
}

export interface FindingFilter {
  /** severities shown */
  readonly severities: ReadonlyArray<Severity>;
  /** one rule id, or null for all */
  readonly rule: string | null;
  /** free text matched against message, cell, sheet and rule */
  readonly text: string;
}

/** One cell the pane wrote, with what was there before. */
export interface AppliedEdit {
  readonly sheet: string;
  readonly cell: string;
  /** the value before (a formula's cached result when `beforeFormula` is set) */
  readonly before: CellValue;
  /** the formula the cell held before (without `=`), restored by an undo */
  readonly beforeFormula?: string;
  readonly after: CellValue;
}

export interface UndoEntry {
  readonly id: number;
  /** what the user did, in Chinese: `应用建议“≥90%”` */
  readonly label: string;
  readonly edits: ReadonlyArray<AppliedEdit>;
}

export interface CheckState {
  readonly status: RunStatus;
  readonly scope: CheckScope | null;
  readonly progress: Progress | null;
  /** in sheet order */
  readonly sheets: ReadonlyArray<SheetResult>;
  /** sheets that could not be checked, with why */
  readonly skipped: ReadonlyArray<{ readonly sheet: string; readonly message: string }>;
  readonly error: string | null;
  /** a short success message (applied, undone) */
  readonly notice: string | null;
  readonly filter: FindingFilter;
  /** key of the finding last clicked */
  readonly selected: string | null;
  /** a suggestion or undo is being written */
  readonly writing: boolean;
  /** newest last */
  readonly undo: ReadonlyArray<UndoEntry>;
  readonly checkedAt: number | null;
  /** how far the last run got (sheets done of total), for the message after it */
  readonly lastRun: { readonly done: number; readonly total: number } | null;
}

export const ALL_SEVERITIES: ReadonlyArray<Severity> = ['error', 'warning', 'info'];

export const initialCheckState: CheckState = {
  status: 'idle',
  scope: null,
  progress: null,
  sheets: [],
  skipped: [],
  error: null,
  notice: null,
  filter: { severities: ALL_SEVERITIES, rule: null, text: '' },
  selected: null,
  writing: false,
  undo: [],
  checkedAt: null,
  lastRun: null,
};

export type CheckAction =
  | { type: 'check/started'; scope: CheckScope; sheets: ReadonlyArray<string> }
  | { type: 'check/progress'; progress: Progress }
  /** one sheet's fresh result; replaces the previous one (used by live checking too) */
  | { type: 'check/sheetChecked'; result: SheetResult }
  /** several sheets' fresh results at once (one render for a burst of live updates) */
  | { type: 'check/sheetsChecked'; results: ReadonlyArray<SheetResult> }
  | { type: 'check/sheetSkipped'; sheet: string; message: string }
  | { type: 'check/sheetRemoved'; sheet: string }
  | { type: 'check/finished'; status: 'done' | 'cancelled'; at: number }
  | { type: 'check/failed'; message: string }
  | { type: 'check/filterChanged'; filter: Partial<FindingFilter> }
  | { type: 'check/selected'; key: string | null }
  | { type: 'check/writeStarted' }
  | { type: 'check/applied'; entry: UndoEntry; notice: string }
  | { type: 'check/undone'; id: number; notice: string }
  | { type: 'check/writeFailed'; message: string }
  | { type: 'check/dismissed'; what: 'error' | 'notice' }
  | { type: 'check/reset' };

function upsert(
  sheets: ReadonlyArray<SheetResult>,
  result: SheetResult,
  order?: ReadonlyArray<string>,
) {
  const i = sheets.findIndex((s) => s.sheet === result.sheet);
  if (i >= 0) return sheets.map((s, j) => (j === i ? result : s));
  const next = [...sheets, result];
  if (order) next.sort((a, b) => order.indexOf(a.sheet) - order.indexOf(b.sheet));
  return next;
}

export function checkReducer(state: CheckState, action: CheckAction): CheckState {
  switch (action.type) {
    case 'check/started':
      return {
        ...state,
        status: 'running',
        scope: action.scope,
        progress: { done: 0, total: action.sheets.length, sheet: action.sheets[0] ?? '' },
        // a whole-workbook check starts afresh; a sheet check keeps the other sheets' results
        sheets:
          action.scope === 'workbook'
            ? []
            : state.sheets.filter((s) => !action.sheets.includes(s.sheet)),
        skipped:
          action.scope === 'workbook'
            ? []
            : state.skipped.filter((s) => !action.sheets.includes(s.sheet)),
        error: null,
        notice: null,
        selected: null,
      };
    case 'check/progress':
      return { ...state, progress: action.progress };
    case 'check/sheetChecked':
      return {
        ...state,
        sheets: upsert(state.sheets, action.result),
        skipped: state.skipped.filter((s) => s.sheet !== action.result.sheet),
      };
    case 'check/sheetsChecked': {
      if (action.results.length === 0) return state;
      const fresh = new Map(action.results.map((r) => [r.sheet, r]));
      const sheets = state.sheets.map((s) => {
        const r = fresh.get(s.sheet);
        if (r) fresh.delete(s.sheet);
        return r ?? s;
      });
      return {
        ...state,
        sheets: [...sheets, ...fresh.values()],
        skipped: state.skipped.filter((s) => !action.results.some((r) => r.sheet === s.sheet)),
      };
    }
    case 'check/sheetSkipped':
      return {
        ...state,
        skipped: [
          ...state.skipped.filter((s) => s.sheet !== action.sheet),
          { sheet: action.sheet, message: action.message },
        ],
      };
    case 'check/sheetRemoved':
      return { ...state, sheets: state.sheets.filter((s) => s.sheet !== action.sheet) };
    case 'check/finished': {
      const p = state.progress;
      const total = p && p.total > 0 ? p.total : state.sheets.length + state.skipped.length;
      // a workbook run starts from no sheets, so what it has is what it checked
      const got = state.scope === 'workbook' ? state.sheets.length : (p?.done ?? 0);
      const done = action.status === 'done' ? total : Math.min(got, total);
      return {
        ...state,
        status: action.status,
        progress: null,
        checkedAt: action.at,
        lastRun: { done, total },
      };
    }
    case 'check/failed':
      return { ...state, status: 'error', progress: null, error: action.message, lastRun: null };
    case 'check/filterChanged':
      return { ...state, filter: { ...state.filter, ...action.filter } };
    case 'check/selected':
      return { ...state, selected: action.key };
    case 'check/writeStarted':
      return { ...state, writing: true, error: null, notice: null };
    case 'check/applied':
      return {
        ...state,
        writing: false,
        undo: [...state.undo, action.entry].slice(-50),
        notice: action.notice,
      };
    case 'check/undone':
      return {
        ...state,
        writing: false,
        undo: state.undo.filter((e) => e.id !== action.id),
        notice: action.notice,
      };
    case 'check/writeFailed':
      return { ...state, writing: false, error: action.message };
    case 'check/dismissed':
      return action.what === 'error' ? { ...state, error: null } : { ...state, notice: null };
    case 'check/reset':
      return { ...initialCheckState, filter: state.filter };
    default:
      return state;
  }
}
