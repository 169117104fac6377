/**
 * The application layer: one store split by domain (templates, check, export) and the commands the
 * pane calls. It knows a `WorkbookHost` and the engine, nothing of React or Office.
 *
 * Live checking plugs in here: subscribe to `host.onChanged`, re-check the touched sheet (or form)
 * with the engine and dispatch `check/sheetChecked`; highlights go through `host.applyHighlights`.
 */
import { resolveOptions, type CheckOptions, type Finding } from '../engine';
import type { TemplateKind } from '../templates';
import type { WorkbookHost } from '../host/types';
import {
  applyRule,
  applySuggestion,
  goToFinding,
  recheckSheets,
  runCheck,
  undoLast,
} from './check/commands';
import { checkReducer, initialCheckState, type FindingFilter } from './check/state';
import type { AppAction, AppContext, AppState, Downloader } from './context';
import { runExport } from './export/commands';
import { exportReducer, initialExportState, type ExportTarget } from './export/state';
import { createLiveMode, type LiveMode } from './live';
import type { LiveCheckerOptions } from '../live';
import { yieldToUi } from './schedule';
import { createStore, type Store } from './store';
import { errorMessage, unwrap } from './errors';
import { initialSelectionState, moveSelection, selectionReducer } from './selection';
import { inspectActiveForm, type InspectResult } from './inspect';
import { FindingTexts } from './check/texts';
import { insertTemplate } from './templates/commands';
import {
  initialTemplatesState,
  templatesReducer,
  type TemplateOptionsState,
} from './templates/state';

export function appReducer(state: AppState, action: AppAction): AppState {
  const templates = templatesReducer(state.templates, action as never);
  const check = checkReducer(state.check, action as never);
  const exp = exportReducer(state.export, action as never);
  const selection = selectionReducer(state.selection, action as never);
  if (
    templates === state.templates &&
    check === state.check &&
    exp === state.export &&
    selection === state.selection
  )
    return state;
  return { templates, check, export: exp, selection };
}

export function initialAppState(year = new Date().getFullYear() + 1): AppState {
  return {
    templates: initialTemplatesState(year),
    check: initialCheckState,
    export: initialExportState,
    selection: initialSelectionState,
  };
}

export interface AppOptions {
  readonly host: WorkbookHost;
  /** the workbook's name for exports; default 工作簿 */
  readonly source?: string | (() => string);
  readonly download?: Downloader;
  readonly check?: Partial<CheckOptions>;
  readonly now?: () => number;
  readonly initialState?: AppState;
  /** options of the live checker (`startLive`) */
  readonly live?: LiveCheckerOptions;
}

/** The commands the pane calls; every one reports its errors into the store (never throws). */
export interface App {
  readonly store: Store<AppState, AppAction>;
  readonly host: WorkbookHost;
  /** live checking, remarks and the 审核意见 export */
  readonly live: LiveMode;
  /** the cell text of each finding with suggestions (fix labels) */
  readonly texts: FindingTexts;
  /** reads the cell texts of findings that have none yet (the list shows them) */
  loadTexts(findings: Iterable<Finding>): void;
  /** stops live checking and following the selection (the standalone page opened another file) */
  stop(): Promise<void>;
  /** selects a cell (the 识别结果 section's addresses); the selection follows */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** how the engine read the form the selection is in (识别结果) */
  inspectActiveForm(): Promise<InspectResult>;
  /** starts live checking with the reviewer's full pass (when the pane opens) */
  startLive(): Promise<void>;
  checkWorkbook(): Promise<void>;
  checkActiveSheet(): Promise<void>;
  cancelCheck(): void;
  recheckSheets(names: ReadonlyArray<string>): Promise<void>;
  goToFinding(finding: Finding): Promise<void>;
  applySuggestion(finding: Finding, index?: number): Promise<void>;
  applyRule(rule: string): Promise<void>;
  undo(): Promise<void>;
  setFilter(filter: Partial<FindingFilter>): void;
  chooseTemplate(kind: TemplateKind): void;
  setTemplateOptions<K extends TemplateKind>(
    kind: K,
    options: Partial<TemplateOptionsState[K]>,
  ): void;
  insertTemplate(): Promise<string | null>;
  exportTo(target: ExportTarget): Promise<void>;
  cancelExport(): void;
  dismiss(what: 'templates' | 'check-error' | 'check-notice' | 'export'): void;
}

/**
 * Keeps the store's selection in step with the host's: the current one, then every change a person
 * makes. Returns the unsubscribe function.
 */
function followSelection(
  host: WorkbookHost,
  store: Store<AppState, AppAction>,
): () => Promise<void> {
  let off: (() => Promise<void>) | null = null;
  let stopped = false;
  const started = (async () => {
    const sub = await host.onSelectionChanged((selection) =>
      store.dispatch({ type: 'selection/changed', selection }),
    );
    if (sub.ok) off = sub.value;
    if (stopped) await off?.();
    const now = await host.activeSelection();
    if (now.ok && !stopped && store.getState().selection.current === null)
      store.dispatch({ type: 'selection/changed', selection: now.value });
  })().catch(() => undefined);
  return async () => {
    stopped = true;
    await started;
    await off?.();
  };
}

export function createApp(options: AppOptions): App {
  const store = createStore(appReducer, options.initialState ?? initialAppState());
  const source = options.source ?? '工作簿';
  const texts = new FindingTexts();
  const ctx: AppContext = {
    host: options.host,
    store,
    options: resolveOptions(options.check),
    source: typeof source === 'function' ? source : () => source,
    download:
      options.download ??
      (() => {
        throw new Error('download unavailable');
      }),
    now: options.now ?? Date.now,
    live: () => live.checker(),
    texts,
  };
  const live = createLiveMode(ctx, options.host, {
    check: options.check,
    yieldToUi,
    ...options.live,
  });
  const stopSelection = followSelection(options.host, store);
  let checkAbort: AbortController | null = null;
  let exportAbort: AbortController | null = null;

  const check = async (scope: 'workbook' | 'sheet') => {
    const checker = live.checker();
    if (checker && scope === 'workbook') {
      await live.recheckAll();
      return;
    }
    if (checker) {
      try {
        const sel = unwrap(await options.host.activeSelection());
        await checker.recheckSheet(sel.sheet);
      } catch (e) {
        store.dispatch({ type: 'check/failed', message: errorMessage(e, '检查') });
      }
      return;
    }
    checkAbort = new AbortController();
    try {
      await runCheck(ctx, scope, checkAbort.signal);
    } finally {
      checkAbort = null;
    }
  };

  return {
    store,
    host: options.host,
    live,
    texts,
    loadTexts: (findings) => void texts.load(options.host, findings),
    stop: async () => {
      await stopSelection();
      await live.stop();
    },
    selectCell: async (sheet, cell) => {
      const r = await moveSelection(options.host, store.dispatch, sheet, cell);
      if (!r.ok) store.dispatch({ type: 'check/writeFailed', message: r.error.message });
    },
    inspectActiveForm: () => {
      const s = store.getState();
      return inspectActiveForm(options.host, s.check.sheets, s.selection.current);
    },
    startLive: () => live.start(),
    checkWorkbook: () => check('workbook'),
    checkActiveSheet: () => check('sheet'),
    cancelCheck: () => {
      checkAbort?.abort();
      live.cancel();
    },
    recheckSheets: (names) => recheckSheets(ctx, names),
    goToFinding: (f) => goToFinding(ctx, f),
    applySuggestion: (f, i) => applySuggestion(ctx, f, i),
    applyRule: (rule) => applyRule(ctx, rule),
    undo: () => undoLast(ctx),
    setFilter: (filter) => store.dispatch({ type: 'check/filterChanged', filter }),
    chooseTemplate: (kind) => store.dispatch({ type: 'templates/kindChosen', kind }),
    setTemplateOptions: (kind, opts) =>
      store.dispatch({ type: 'templates/optionsChanged', kind, options: opts }),
    insertTemplate: () => insertTemplate(ctx),
    exportTo: async (target) => {
      exportAbort = new AbortController();
      try {
        await runExport(ctx, target, exportAbort.signal);
      } finally {
        exportAbort = null;
      }
    },
    cancelExport: () => exportAbort?.abort(),
    dismiss: (what) => {
      if (what === 'templates') store.dispatch({ type: 'templates/dismissed' });
      else if (what === 'export') store.dispatch({ type: 'export/dismissed' });
      else
        store.dispatch({
          type: 'check/dismissed',
          what: what === 'check-error' ? 'error' : 'notice',
        });
    },
  };
}
