/**
 * Live mode: a `LiveChecker` started when the pane opens, its state fed into the 检查 store sheet by
 * sheet (live findings replace the per-sheet results as they update), the reviewer's remarks and the
 * 审核意见 export. Nothing of React here.
 */
import type { Finding } from '../engine';
import type { WorkbookHost } from '../host/types';
import { LiveChecker, type LiveCheckerOptions, type LiveSheet, type LiveState } from '../live';
import {
  exportReview,
  keepsRemarks,
  MemoryRemarkStore,
  RemarkBook,
  WorkbookRemarkStore,
  type RemarksStatus,
} from '../review';
import type { AppContext } from './context';
import { errorMessage, HostFailure, isAbort } from './errors';
import type { SheetResult } from './check/state';
import { suggestionSummary } from './check/fix-label';
import { moveSelection } from './selection';

/** The 检查 state's view of one live sheet. */
export function liveSheetResult(s: LiveSheet): SheetResult {
  return {
    sheet: s.sheet,
    forms: s.forms.map((f) => ({
      index: f.index,
      kind: f.kind,
      title: f.title,
      name: f.name,
      range: f.range,
    })),
    findings: s.findings,
  };
}

export interface LiveMode {
  /** the checker, null before `start` */
  readonly checker: () => LiveChecker | null;
  readonly remarks: RemarkBook;
  /**
   * Where the remarks are kept (in the workbook, or for this session only when the host cannot
   * keep them) and any problem reading or keeping them, for the 审核 tab to show.
   */
  remarksStatus(): RemarksStatus;
  /** null before `start` */
  getState(): LiveState | null;
  subscribe(listener: () => void): () => void;
  /** starts the checker and its full pass (progress and cancel in the 检查 tab) */
  start(): Promise<void>;
  /** the full pass again; false when live mode is not running */
  recheckAll(): Promise<boolean>;
  /** cancels the running full pass (the sheets checked so far stay) */
  cancel(): void;
  clearHighlights(): Promise<void>;
  showHighlights(): Promise<void>;
  /** writes the 审核意见 sheet; the new sheet's name and the number of rows */
  exportReview(): Promise<{ sheet: string; rows: number }>;
  stop(): Promise<void>;
}

export function createLiveMode(
  ctx: AppContext,
  host: WorkbookHost,
  options: LiveCheckerOptions = {},
): LiveMode {
  // remarks live in the workbook when the host can keep them there, else for the session
  const remarks = new RemarkBook(
    keepsRemarks(host) ? new WorkbookRemarkStore(host) : new MemoryRemarkStore(),
  );
  void remarks.open();
  const listeners = new Set<() => void>();
  let checker: LiveChecker | null = null;
  let synced: ReadonlyArray<LiveSheet> = [];
  let passAbort: AbortController | null = null;
  const unsubscribes: Array<() => void> = [];
  remarks.subscribe(() => emit());

  const emit = () => {
    for (const l of [...listeners]) l();
  };

  /** Dispatches the sheets that changed since the last snapshot (by identity), in one action. */
  const sync = (state: LiveState) => {
    if (state.sheets !== synced) {
      const before = new Map(synced.map((s) => [s.sheet, s]));
      const changed = state.sheets.filter((s) => before.get(s.sheet) !== s).map(liveSheetResult);
      if (changed.length > 0) ctx.store.dispatch({ type: 'check/sheetsChecked', results: changed });
      const now = new Set(state.sheets.map((s) => s.sheet));
      for (const s of synced)
        if (!now.has(s.sheet)) ctx.store.dispatch({ type: 'check/sheetRemoved', sheet: s.sheet });
      synced = state.sheets;
    }
    emit();
  };

  /**
   * After a pass: sheets it did not reach (cancelled) are listed again with their last results.
   * During a pass only the sheets it checks are dispatched, so a re-check fills the list sheet by
   * sheet like the first check, instead of re-sending every old result at once.
   */
  const relist = (state: LiveState | undefined) => {
    if (!state) return;
    const shown = new Set(ctx.store.getState().check.sheets.map((s) => s.sheet));
    const missing = state.sheets.filter((s) => !shown.has(s.sheet)).map(liveSheetResult);
    if (missing.length > 0) ctx.store.dispatch({ type: 'check/sheetsChecked', results: missing });
  };

  const pass = async (run: (signal: AbortSignal) => Promise<{ cancelled: boolean }>) => {
    const { store } = ctx;
    passAbort = new AbortController();
    store.dispatch({ type: 'check/started', scope: 'workbook', sheets: [] });
    try {
      const r = await run(passAbort.signal);
      store.dispatch({
        type: 'check/finished',
        status: r.cancelled ? 'cancelled' : 'done',
        at: ctx.now(),
      });
    } catch (e) {
      if (isAbort(e))
        store.dispatch({ type: 'check/finished', status: 'cancelled', at: ctx.now() });
      else store.dispatch({ type: 'check/failed', message: errorMessage(e, '检查') });
    } finally {
      relist(checker?.getState());
      passAbort = null;
    }
  };

  const onProgress = (done: number, total: number, sheet: string) =>
    ctx.store.dispatch({ type: 'check/progress', progress: { done, total, sheet } });

  return {
    checker: () => checker,
    remarks,
    remarksStatus: () => remarks.status(),
    getState: () => checker?.getState() ?? null,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async start() {
      if (checker) return;
      const c = new LiveChecker(host, options);
      checker = c;
      unsubscribes.push(c.subscribe(sync));
      const follow = await host.onChanged((change) => void remarks.followChange(change));
      if (follow.ok) unsubscribes.push(follow.value);
      emit();
      await pass((signal) => c.start({ signal, onProgress }));
    },
    cancel: () => passAbort?.abort(),
    async recheckAll() {
      const c = checker;
      if (!c) return false;
      if (passAbort) return true;
      await pass((s) => c.recheckAll({ signal: s, onProgress }));
      return true;
    },
    async clearHighlights() {
      const r = await checker?.clearHighlights();
      if (r && !r.ok) ctx.store.dispatch({ type: 'check/writeFailed', message: r.error.message });
    },
    async showHighlights() {
      const r = await checker?.showHighlights();
      if (r && !r.ok) ctx.store.dispatch({ type: 'check/writeFailed', message: r.error.message });
    },
    async exportReview() {
      const state = checker?.getState();
      const findings: Finding[] = [];
      for (const s of state?.sheets ?? []) findings.push(...s.findings);
      if (!state) for (const s of ctx.store.getState().check.sheets) findings.push(...s.findings);
      // the 建议 column shows the change, not the whole cell: read the cells' texts first
      await ctx.texts.load(host, findings);
      const r = await exportReview(host, {
        remarks: remarks.getState(),
        findings,
        sheetOrder: (state?.sheets ?? ctx.store.getState().check.sheets).map((s) => s.sheet),
        suggestion: (f) => suggestionSummary(f.suggestions, ctx.texts.get(f)),
      });
      if (!r.ok) throw new HostFailure(r.error);
      await moveSelection(host, ctx.store.dispatch, r.value.sheet, 'A1');
      return r.value;
    },
    async stop() {
      passAbort?.abort();
      for (const u of unsubscribes.splice(0)) u();
      await checker?.stop();
      checker = null;
      emit();
    },
  };
}
