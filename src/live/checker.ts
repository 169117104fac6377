/**
 * The live checker: a full pass over the workbook, then, on every change a person makes, a re-read
 * of only the rows of the forms the change touched (one round trip), a re-check of those forms and
 * one highlight write (one round trip). UI-agnostic: the pane subscribes to snapshots of its state.
 *
 *   const live = new LiveChecker(host);
 *   const off = live.subscribe((s) => render(s));
 *   await live.start({ signal, onProgress });
 *
 * Bursts of typing are debounced and coalesced; updates never overlap; a change arriving while an
 * update runs is queued for the next one.
 */
import {
  checkForm,
  compareFindings,
  formName,
  rangeFromA1,
  readSheet,
  resolveOptions,
  SEVERITY_ORDER,
  type CheckOptions,
  type Finding,
  type Form,
  type RowWindow,
  type Severity,
} from '../engine';
import type {
  CellEdit,
  CellLocation,
  FindingsBySheet,
  HighlightSummary,
  HostError,
  HostResult,
  SheetChange,
  Unsubscribe,
  WorkbookHost,
} from '../host/types';
import { gridFromRows } from './grid';
import { checkAllSheets, checkSheetData, type SheetCheck } from './pass';
import {
  bandAfterDelete,
  bandAfterInsert,
  deleteRows,
  insertRows,
  LOOKBACK_ROWS,
  rowAfterDelete,
  windowsFor,
  type Band,
  type FormEntry,
} from './rows';
import { abortError, realScheduler, type Scheduler } from './scheduler';
import {
  NO_COUNTS,
  type FullPassOptions,
  type FullPassResult,
  type LiveCheckerOptions,
  type LiveForm,
  type LiveSheet,
  type LiveState,
  type SeverityCounts,
} from './types';

export const DEFAULT_DEBOUNCE_MS = 150;
/** Attempts for a re-read Excel refused (busy, a cell being edited) before giving up. */
const MAX_ATTEMPTS = 3;
/** Findings listed for a selection of many cells. */
const MAX_SELECTED_FINDINGS = 200;
const ALL_SEVERITIES: ReadonlyArray<Severity> = ['error', 'warning', 'info'];

/** A change to re-check: a person's change, or a re-check the checker asks itself (after a write). */
interface Queued {
  readonly change: SheetChange;
  /** arrived while the full pass was reading: row shifts cannot be trusted for that sheet */
  readonly duringPass: boolean;
  readonly at: number;
  readonly attempt: number;
}

interface SheetIndex {
  readonly name: string;
  rowCount: number;
  /** sorted by first row */
  forms: FormEntry[];
  view: LiveSheet | null;
  /** the view's findings are the forms' findings in form order (no sort was needed) */
  inFormOrder: boolean;
}

type Listener = (state: LiveState) => void;

export class LiveChecker {
  private readonly scheduler: Scheduler;
  private readonly debounceMs: number;
  private readonly options: CheckOptions;
  private readonly severities: ReadonlySet<Severity>;
  private readonly sheets = new Map<string, SheetIndex>();
  private order: string[] = [];
  private hidden = new Set<string>();
  private queue: Queued[] = [];
  private timer: unknown = null;
  private due = false;
  private loop: Promise<void> | null = null;
  private passRunning = false;
  private readonly waiters: Array<() => void> = [];
  private readonly listeners = new Set<Listener>();
  private readonly unsubscribes: Unsubscribe[] = [];
  private selection: CellLocation | null = null;
  private highlighting = true;
  private problems: HostError[] = [];
  private nextFormId = 1;
  private formViews = new WeakMap<FormEntry, LiveForm>();
  private state: LiveState;

  constructor(
    private readonly host: WorkbookHost,
    private readonly opts: LiveCheckerOptions = {},
  ) {
    this.scheduler = opts.scheduler ?? realScheduler;
    this.debounceMs = opts.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.options = resolveOptions(opts.check);
    this.severities = new Set(opts.highlightSeverities ?? ALL_SEVERITIES);
    this.state = {
      phase: 'stopped',
      progress: null,
      cancelled: false,
      busy: false,
      sheets: [],
      counts: NO_COUNTS,
      formCount: 0,
      selection: null,
      activeForm: null,
      selectedFindings: [],
      highlighting: true,
      problems: [],
      lastUpdate: null,
      version: 0,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Observable state

  getState(): LiveState {
    return this.state;
  }

  /** Calls `listener` with every new snapshot; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** The findings at one cell (a hovered highlight). */
  findingsAt(sheet: string, row: number, col: number): Finding[] {
    const st = this.sheets.get(sheet);
    if (!st) return [];
    const out: Finding[] = [];
    for (const f of formsAtRow(st.forms, row))
      for (const x of f.findings) if (x.row === row && x.col === col) out.push(x);
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle

  /**
   * Subscribes to changes (every sheet, also sheets added later) and the selection, then checks
   * the whole workbook. Cancelling keeps the sheets already checked (and highlights them); the
   * checker stays live, and a sheet not reached is checked on its first change.
   */
  async start(pass: FullPassOptions = {}): Promise<FullPassResult> {
    if (this.state.phase !== 'stopped') return this.recheckAll(pass);
    const changes = await this.host.onChanged((c) => this.onChange(c));
    if (!changes.ok) throw changes.error;
    this.unsubscribes.push(changes.value);
    const selection = await this.host.onSelectionChanged((s) => this.onSelection(s));
    if (selection.ok) this.unsubscribes.push(selection.value);
    const current = await this.host.activeSelection();
    if (current.ok) this.selection = current.value;
    return this.recheckAll(pass);
  }

  /** The full pass again (the reviewer's 重新检查): every sheet read and checked, highlights rewritten. */
  async recheckAll(pass: FullPassOptions = {}): Promise<FullPassResult> {
    while (this.loop) await this.loop;
    if (pass.signal?.aborted) throw abortError();
    this.passRunning = true;
    // Changes so far are in what the pass reads.
    this.queue = [];
    this.publish({ phase: 'full-pass', progress: { done: 0, total: 0, sheet: '' } });
    const checked: string[] = [];
    try {
      const result = await checkAllSheets(this.host, {
        signal: pass.signal,
        yieldToUi: this.opts.yieldToUi,
        check: this.options,
        includeHidden: this.opts.includeHidden,
        readBatch: this.opts.readBatch,
        onProgress: (done, total, sheet) => {
          pass.onProgress?.(done, total, sheet);
          this.publish({ progress: { done, total, sheet } });
        },
        onSheet: (r) => {
          this.install(r);
          checked.push(r.sheet);
          this.publish({});
        },
      });
      this.hidden = new Set(result.hidden);
      if (!result.cancelled) {
        const present = new Set(result.names);
        for (const name of [...this.sheets.keys()])
          if (!present.has(name) && !result.skipped.some((e) => e.sheet === name))
            this.sheets.delete(name);
        this.order = [
          ...result.names.filter((n) => this.sheets.has(n)),
          ...this.order.filter((n) => this.sheets.has(n) && !present.has(n)),
        ];
      }
      this.problems = [...result.skipped];
      if (this.highlighting && checked.length > 0) await this.writeHighlights(checked);
      this.publish({ phase: 'live', progress: null, cancelled: result.cancelled });
      const counts = this.state.counts;
      return {
        cancelled: result.cancelled,
        sheets: checked.length,
        forms: checked.reduce((n, s) => n + (this.sheets.get(s)?.forms.length ?? 0), 0),
        counts,
        skipped: result.skipped,
      };
    } finally {
      this.passRunning = false;
      if (this.state.phase === 'full-pass') this.publish({ phase: 'live', progress: null });
      this.pump();
      this.settle();
    }
  }

  /** Stops following changes and the selection. Highlights stay (see `clearHighlights`). */
  async stop(): Promise<void> {
    if (this.timer !== null) this.scheduler.cancel(this.timer);
    this.timer = null;
    this.queue = [];
    const offs = this.unsubscribes.splice(0);
    for (const off of offs) await off();
    while (this.loop) await this.loop;
    this.publish({ phase: 'stopped', busy: false });
    this.settle();
  }

  /** Resolves when nothing is queued, due or running (a debounce timer still waiting counts as queued). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Runs what is queued now, without waiting for the debounce; resolves when done. */
  flush(): Promise<void> {
    if (this.queue.length > 0) this.runNow();
    return this.idle();
  }

  // -------------------------------------------------------------------------------------------
  // Commands

  /** Re-checks one sheet entirely (one read of the sheet). */
  recheckSheet(sheet: string): Promise<void> {
    this.enqueue({ sheet, kind: 'unknown', address: '', rows: null }, null);
    return this.idle();
  }

  /**
   * Writes a suggestion the user clicked and re-checks its cell. The host does not report the
   * add-in's own writes as changes, so the re-check is queued here.
   */
  async applySuggestion(finding: Finding, index = 0): Promise<HostResult<void>> {
    const s = finding.suggestions[index];
    // a formula is never replaced by a constant with one click
    if (s === undefined || s.replacesFormula) return { ok: true, value: undefined };
    return this.setCellValues([{ sheet: finding.sheet, cell: finding.cell, value: s.value }]);
  }

  /** Writes values the user asked for (suggestions, an undo) and re-checks their rows. */
  async setCellValues(edits: ReadonlyArray<CellEdit>): Promise<HostResult<void>> {
    const r = await this.host.setCellValues(edits);
    if (!r.ok) return r;
    for (const e of edits) {
      const cell = rangeFromA1(e.cell);
      if (!cell) continue;
      this.enqueue(
        {
          sheet: e.sheet,
          kind: 'edit',
          address: e.cell,
          rows: { top: cell.top, bottom: cell.bottom },
        },
        null,
      );
    }
    await this.idle();
    return r;
  }

  /** Removes every highlight of the add-in (one command); live checking goes on without highlights. */
  async clearHighlights(): Promise<HostResult<void>> {
    while (this.loop) await this.loop;
    this.highlighting = false;
    const r = await this.host.clearHighlights();
    this.publish({});
    return r;
  }

  /** Shows the highlights again after `clearHighlights`. */
  async showHighlights(): Promise<HostResult<void>> {
    while (this.loop) await this.loop;
    this.highlighting = true;
    const r = await this.writeHighlights([...this.sheets.keys()]);
    this.publish({});
    return r;
  }

  // -------------------------------------------------------------------------------------------
  // Events

  private onChange(change: SheetChange): void {
    if (this.state.phase === 'stopped') return;
    this.enqueue(change, this.debounceMs);
  }

  private onSelection(selection: CellLocation): void {
    this.selection = selection;
    this.publish({});
  }

  /** Queues a change; `delay` null runs the queue at once (the add-in's own writes). */
  private enqueue(change: SheetChange, delay: number | null): void {
    this.queue.push({
      change,
      duringPass: this.passRunning,
      at: this.scheduler.now(),
      attempt: 0,
    });
    if (delay === null) this.runNow();
    else this.arm(delay);
    if (!this.state.busy) this.publish({});
  }

  /** Runs the queue without waiting for the debounce (what is queued goes along). */
  private runNow(): void {
    if (this.timer !== null) this.scheduler.cancel(this.timer);
    this.timer = null;
    this.due = true;
    this.pump();
  }

  /** (Re)starts the debounce: the queue runs `delay` ms after the last change. */
  private arm(delay: number): void {
    if (this.timer !== null) this.scheduler.cancel(this.timer);
    this.due = false;
    this.timer = this.scheduler.schedule(() => {
      this.timer = null;
      this.due = true;
      this.pump();
      this.settle();
    }, delay);
  }

  private pump(): void {
    if (this.loop || this.passRunning || !this.due) return;
    if (this.queue.length === 0) {
      this.due = false;
      return;
    }
    this.loop = this.drain().finally(() => {
      this.loop = null;
      if (this.queue.length === 0) this.due = false;
      this.pump();
      this.publish({});
      this.settle();
    });
  }

  private async drain(): Promise<void> {
    while (this.due && this.queue.length > 0 && !this.passRunning) {
      const batch = this.queue.splice(0);
      try {
        await this.update(batch);
      } catch (e) {
        this.problems = [
          ...this.problems.slice(-9),
          {
            code: 'unknown',
            message: `实时检查出错：${e instanceof Error ? e.message : String(e)}`,
          },
        ];
      }
    }
  }

  private isIdle(): boolean {
    return (
      this.loop === null && !this.passRunning && this.timer === null && this.queue.length === 0
    );
  }

  private settle(): void {
    if (!this.isIdle()) return;
    if (this.state.busy) this.publish({});
    for (const w of this.waiters.splice(0)) w();
  }

  // -------------------------------------------------------------------------------------------
  // One update: apply row shifts, re-read the touched windows, re-check, write highlights

  private async update(batch: ReadonlyArray<Queued>): Promise<void> {
    const started = batch.reduce((t, q) => Math.min(t, q.at), Infinity);
    const syncsBefore = this.host.syncCount;
    const full = new Set<string>();
    const bands = new Map<string, Band[]>();
    for (const q of batch) this.plan(q, full, bands);

    const changed = new Set<string>();
    let forms = 0;
    let rows = 0;
    const retry: Queued[] = [];
    if (full.size > 0) {
      const names = [...full];
      const read = await this.host.readSheets(names);
      const data = read.ok ? read.value : null;
      for (let i = 0; i < names.length; i++) {
        const r = data
          ? { ok: true as const, value: data[i] }
          : await this.host.readSheet(names[i]);
        if (!r.ok) {
          this.failed(names[i], r.error, null, batch, retry);
          continue;
        }
        const result = this.install(checkSheetData(r.value, this.options));
        changed.add(names[i]);
        forms += result.forms.length;
        rows += r.value.cells.length;
      }
    }
    /** rows re-checked per sheet (not read whole): only their highlights are rewritten */
    const touched = new Map<string, Band>();
    for (const [name, list] of bands) {
      const st = this.sheets.get(name);
      if (!st || full.has(name)) continue;
      for (const w of windowsFor(st.forms, st.rowCount, list)) {
        const r = await this.recheckWindow(st, w);
        if (!r.ok) {
          this.failed(name, r.error, w, batch, retry);
          if (r.error.code === 'sheet-missing') break;
          continue;
        }
        changed.add(name);
        forms += r.value.forms;
        rows += r.value.rows;
        const b = touched.get(name);
        const done = r.value.window;
        touched.set(
          name,
          b ? { top: Math.min(b.top, done.top), bottom: Math.max(b.bottom, done.bottom) } : done,
        );
      }
    }
    if (changed.size > 0) {
      this.problems = this.problems.filter((p) => !p.sheet || !changed.has(p.sheet));
      this.publish({});
    }
    if (this.highlighting && changed.size > 0) {
      const whole = [...changed].filter((n) => this.sheets.has(n) && !touched.has(n));
      if (whole.length > 0) await this.writeHighlights(whole);
      for (const [name, band] of touched)
        if (this.sheets.has(name)) await this.writeHighlightRows(name, band);
    }
    this.publish({
      lastUpdate: {
        sheets: [...changed],
        forms,
        rows,
        syncs: this.host.syncCount - syncsBefore,
        ms: this.scheduler.now() - started,
      },
    });
    if (retry.length > 0) {
      this.queue.push(...retry);
      this.arm(Math.max(this.debounceMs, 50) * 2);
    }
  }

  /** Applies one change to the index (row shifts at once) and notes what to re-read. */
  private plan(q: Queued, full: Set<string>, bands: Map<string, Band[]>): void {
    const c = q.change;
    if (this.hidden.has(c.sheet) || full.has(c.sheet)) return;
    const st = this.sheets.get(c.sheet);
    if (!st || c.rows === null) {
      full.add(c.sheet);
      return;
    }
    const list = bands.get(c.sheet) ?? [];
    bands.set(c.sheet, list);
    const { top, bottom } = c.rows;
    const count = bottom - top + 1;
    switch (c.kind) {
      case 'edit':
        list.push({ top, bottom });
        st.rowCount = Math.max(st.rowCount, bottom + 1);
        return;
      case 'rows-inserted':
        if (q.duringPass) break;
        st.forms = insertRows(st.forms, top, count);
        st.view = null;
        if (top < st.rowCount) st.rowCount += count;
        bands.set(c.sheet, [...list.map((b) => bandAfterInsert(b, top, count)), { top, bottom }]);
        return;
      case 'rows-deleted': {
        if (q.duringPass) break;
        st.forms = deleteRows(st.forms, top, bottom);
        st.view = null;
        st.rowCount = (rowAfterDelete(st.rowCount - 1, top, bottom) ?? top - 1) + 1;
        const moved = list
          .map((b) => bandAfterDelete(b, top, bottom))
          .filter((b): b is Band => b !== null);
        bands.set(c.sheet, [...moved, { top: Math.max(0, top - 1), bottom: top }]);
        return;
      }
      default:
        break;
    }
    full.add(c.sheet);
    bands.delete(c.sheet);
  }

  private failed(
    sheet: string,
    error: HostError,
    window: RowWindow | null,
    batch: ReadonlyArray<Queued>,
    retry: Queued[],
  ): void {
    if (error.code === 'sheet-missing') {
      // deleted (or renamed) meanwhile
      this.sheets.delete(sheet);
      this.order = this.order.filter((n) => n !== sheet);
      return;
    }
    this.problems = [...this.problems.filter((p) => p.sheet !== sheet), error];
    const attempt = batch.reduce(
      (n, q) => (q.change.sheet === sheet ? Math.max(n, q.attempt) : n),
      0,
    );
    if (attempt + 1 >= MAX_ATTEMPTS) return;
    retry.push({
      change: {
        sheet,
        kind: window ? 'edit' : 'unknown',
        address: '',
        rows: window ? { top: window.top, bottom: window.bottom } : null,
      },
      duringPass: false,
      at: this.scheduler.now(),
      attempt: attempt + 1,
    });
  }

  /** Re-reads one window (one round trip) and replaces the forms starting in it. */
  private async recheckWindow(
    st: SheetIndex,
    w: RowWindow,
  ): Promise<HostResult<{ forms: number; rows: number; window: RowWindow }>> {
    let readTop = Math.max(0, w.top - LOOKBACK_ROWS);
    const first = await this.host.readRows(st.name, readTop, w.bottom);
    if (!first.ok) return first;
    let grid = gridFromRows(st.name, first.value);
    let rows = w.bottom - readTop + 1;
    let window = w;
    let found = readSheet(grid, window);
    // The form that started at the window's top is gone (its title or labels were cleared): its
    // rows may now continue the form above, which is then re-read with them.
    const at = lowerBound(st.forms, w.top);
    const startsHere = st.forms[at]?.range.top === w.top;
    const above = at > 0 ? st.forms[at - 1] : null;
    if (startsHere && above && !found.some((f) => f.range.top === w.top)) {
      window = { top: above.range.top, bottom: w.bottom };
      if (above.range.top < readTop) {
        readTop = Math.max(0, above.range.top - LOOKBACK_ROWS);
        const again = await this.host.readRows(st.name, readTop, w.bottom);
        if (!again.ok) return again;
        grid = gridFromRows(st.name, again.value);
        rows += w.bottom - readTop + 1;
      }
      found = readSheet(grid, window);
    }
    this.replace(st, window, found);
    return { ok: true, value: { forms: found.length, rows, window } };
  }

  /**
   * The forms starting in `window` give way to `found`, checked at their final positions. The
   * sheet's view is patched where only those forms changed, so an edit costs the same on a sheet
   * of 10 forms and one of 1,000.
   */
  private replace(st: SheetIndex, window: RowWindow, found: ReadonlyArray<Form>): void {
    const forms = st.forms;
    const first = lowerBound(forms, window.top);
    let end = first;
    while (end < forms.length && forms[end].range.top <= window.bottom) end++;
    const ids = new Map<string, number>();
    for (let i = first; i < end; i++) {
      const f = forms[i];
      ids.set(`${f.kind}@${f.range.top}:${f.range.left}`, f.id);
    }
    const sorted = [...found].sort(
      (a, b) => a.range.top - b.range.top || a.range.left - b.range.left,
    );
    const entries = sorted.map((form, j) =>
      this.entry(
        form,
        first + j,
        ids.get(`${form.kind}@${form.range.top}:${form.range.left}`) ?? this.nextFormId++,
      ),
    );
    const next = [...forms.slice(0, first), ...entries, ...forms.slice(end)];
    const order = (a: FormEntry | undefined, b: FormEntry | undefined) =>
      !a ||
      !b ||
      a.range.top < b.range.top ||
      (a.range.top === b.range.top && a.range.left <= b.range.left);
    if (
      !order(next[first - 1], next[first]) ||
      !order(next[first + entries.length - 1], next[first + entries.length])
    ) {
      // a form found outside the window: place everything by position (indexes change)
      next.sort((a, b) => a.range.top - b.range.top || a.range.left - b.range.left);
      st.forms = next;
      st.rowCount = Math.max(st.rowCount, ...found.map((f) => f.range.bottom + 1));
      st.view = null;
      return;
    }
    st.forms = next;
    const rowCount = Math.max(st.rowCount, ...found.map((f) => f.range.bottom + 1));
    const same = entries.length === end - first && rowCount === st.rowCount;
    st.rowCount = rowCount;
    st.view = same && st.view && st.inFormOrder ? this.patchView(st, st.view, first, end) : null;
  }

  /** The view with forms `first..end-1` replaced by the entries now at those indexes. */
  private patchView(st: SheetIndex, old: LiveSheet, first: number, end: number): LiveSheet | null {
    const forms = old.forms.slice();
    let start = 0;
    for (let i = 0; i < first; i++) start += old.forms[i].findings.length;
    let oldCount = 0;
    const counts = { ...old.counts };
    const fresh: Finding[] = [];
    for (let i = first; i < end; i++) {
      const was = old.forms[i];
      oldCount += was.findings.length;
      counts.error -= was.counts.error;
      counts.warning -= was.counts.warning;
      counts.info -= was.counts.info;
      const e = st.forms[i];
      counts.error += e.counts.error;
      counts.warning += e.counts.warning;
      counts.info += e.counts.info;
      for (const f of e.findings) fresh.push(f);
    }
    // the form above the window ends where the first re-read one starts
    for (let i = Math.max(0, first - 1); i < end; i++) forms[i] = this.liveForm(st, i);
    const before = old.findings[start - 1];
    const after = old.findings[start + oldCount];
    const head = fresh[0];
    const tail = fresh[fresh.length - 1];
    if (
      (before && head && compareFindings(before, head) > 0) ||
      (after && tail && compareFindings(tail, after) > 0) ||
      (before && after && fresh.length === 0 && compareFindings(before, after) > 0)
    )
      return null;
    const findings = old.findings.slice(0, start);
    for (const f of fresh) findings.push(f);
    for (let i = start + oldCount; i < old.findings.length; i++) findings.push(old.findings[i]);
    return { sheet: old.sheet, rowCount: st.rowCount, forms, findings, counts };
  }

  /** The view of form `i` of a sheet (cached while it stays the same). */
  private liveForm(st: SheetIndex, i: number): LiveForm {
    const e = st.forms[i];
    const next = st.forms[i + 1];
    const bottom = next ? next.range.top - 1 : Math.max(st.rowCount - 1, e.range.bottom);
    let form = this.formViews.get(e);
    if (!form || form.index !== i || form.window.bottom !== bottom) {
      form = { ...e, index: i, window: { top: e.range.top, bottom } };
      this.formViews.set(e, form);
    }
    return form;
  }

  private entry(form: Form, index: number, id?: number): FormEntry {
    const findings = checkForm(form, index, this.options);
    return {
      id: id ?? this.nextFormId++,
      kind: form.kind,
      title: form.title,
      name: formName(form),
      range: form.range,
      findings,
      counts: countOf(findings),
    };
  }

  /** A sheet checked as a whole (full pass, a sheet added, columns inserted). */
  private install(r: SheetCheck): SheetIndex {
    const old = this.sheets.get(r.sheet);
    const ids = new Map<string, number>();
    for (const f of old?.forms ?? []) ids.set(`${f.kind}@${f.range.top}:${f.range.left}`, f.id);
    const st: SheetIndex = {
      name: r.sheet,
      rowCount: r.rowCount,
      forms: r.forms.map((form, i) => ({
        id: ids.get(`${form.kind}@${form.range.top}:${form.range.left}`) ?? this.nextFormId++,
        kind: form.kind,
        title: form.title,
        name: formName(form),
        range: form.range,
        findings: r.findings[i],
        counts: countOf(r.findings[i]),
      })),
      view: null,
      inFormOrder: false,
    };
    this.sheets.set(r.sheet, st);
    this.hidden.delete(r.sheet);
    if (!this.order.includes(r.sheet)) this.order.push(r.sheet);
    return st;
  }

  private async writeHighlights(names: ReadonlyArray<string>): Promise<HostResult<void>> {
    const map = new Map<string, ReadonlyArray<Pick<Finding, 'row' | 'col' | 'severity'>>>();
    for (const n of names) {
      const view = this.view(n);
      if (!view) continue;
      map.set(
        n,
        this.severities.size === ALL_SEVERITIES.length
          ? view.findings
          : view.findings.filter((f) => this.severities.has(f.severity)),
      );
    }
    if (map.size === 0) return { ok: true, value: undefined };
    return this.noteHighlightResult(await this.host.applyHighlights(map as FindingsBySheet));
  }

  private noteHighlightResult(r: HostResult<HighlightSummary>): HostResult<void> {
    if (!r.ok) {
      this.problems = [...this.problems.slice(-9), r.error];
      return r;
    }
    if (r.value.skipped.length > 0) {
      const skipped = new Set(r.value.skipped.map((s) => s.sheet));
      this.problems = [...this.problems.filter((p) => !skipped.has(p.sheet)), ...r.value.skipped];
    }
    return { ok: true, value: undefined };
  }

  /**
   * Rewrites the highlights of rows `band` of one sheet (after an edit): the cost follows the band,
   * not the sheet. A host without row updates gets the whole sheet's highlights.
   */
  private async writeHighlightRows(name: string, band: Band): Promise<HostResult<void>> {
    const st = this.sheets.get(name);
    if (!st) return { ok: true, value: undefined };
    if (!this.host.updateHighlightRows) return this.writeHighlights([name]);
    const findings: Array<Pick<Finding, 'row' | 'col' | 'severity'>> = [];
    for (const f of formsOverlapping(st.forms, band.top, band.bottom))
      for (const x of f.findings)
        if (x.row >= band.top && x.row <= band.bottom && this.severities.has(x.severity))
          findings.push(x);
    const r = await this.host.updateHighlightRows({
      sheet: name,
      top: band.top,
      bottom: band.bottom,
      findings,
    });
    return this.noteHighlightResult(r);
  }

  // -------------------------------------------------------------------------------------------
  // Snapshots

  private view(name: string): LiveSheet | null {
    const st = this.sheets.get(name);
    if (!st) return null;
    if (st.view) return st.view;
    const forms: LiveForm[] = [];
    const findings: Finding[] = [];
    let sorted = true;
    let last: Finding | null = null;
    const counts = { error: 0, warning: 0, info: 0 };
    const entries = st.forms;
    for (let i = 0; i < entries.length; i++) {
      let e = entries[i];
      if (e.findings.length > 0 && e.findings[0].form !== i) {
        e = { ...e, findings: e.findings.map((f) => ({ ...f, form: i })) };
        entries[i] = e;
      }
      forms.push(this.liveForm(st, i));
      if (e.findings.length > 0) {
        // each form's findings are sorted: only where two forms meet can the order break
        if (sorted && last && compareFindings(last, e.findings[0]) > 0) sorted = false;
        last = e.findings[e.findings.length - 1];
        for (const f of e.findings) findings.push(f);
      }
      counts.error += e.counts.error;
      counts.warning += e.counts.warning;
      counts.info += e.counts.info;
    }
    st.inFormOrder = sorted;
    if (!sorted) findings.sort(compareFindings);
    st.view = { sheet: name, rowCount: st.rowCount, forms, findings, counts };
    return st.view;
  }

  private publish(patch: Partial<LiveState>): void {
    const sheets: LiveSheet[] = [];
    const counts = { error: 0, warning: 0, info: 0 };
    let formCount = 0;
    for (const name of this.order) {
      const v = this.view(name);
      if (!v) continue;
      sheets.push(v);
      counts.error += v.counts.error;
      counts.warning += v.counts.warning;
      counts.info += v.counts.info;
      formCount += v.forms.length;
    }
    const sel = this.selection;
    const active = sel ? this.activeFormAt(sel) : null;
    this.state = {
      ...this.state,
      ...patch,
      busy: !this.isIdle(),
      sheets,
      counts,
      formCount,
      selection: sel,
      activeForm: active,
      selectedFindings: sel ? this.findingsIn(sel) : [],
      highlighting: this.highlighting,
      problems: this.problems,
      version: this.state.version + 1,
    };
    for (const l of [...this.listeners]) l(this.state);
  }

  private activeFormAt(sel: CellLocation): (LiveForm & { sheet: string }) | null {
    const v = this.view(sel.sheet);
    if (!v) return null;
    let best: LiveForm | null = null;
    for (const f of v.forms) {
      if (f.range.top > sel.row) break;
      if (sel.row > f.range.bottom) continue;
      if (sel.col >= f.range.left && sel.col <= f.range.right) return { ...f, sheet: sel.sheet };
      best ??= f;
    }
    return best ? { ...best, sheet: sel.sheet } : null;
  }

  private findingsIn(sel: CellLocation): Finding[] {
    const st = this.sheets.get(sel.sheet);
    if (!st) return [];
    const area = rangeFromA1(sel.address) ?? {
      top: sel.row,
      left: sel.col,
      bottom: sel.row,
      right: sel.col,
    };
    const out: Finding[] = [];
    for (const f of this.view(sel.sheet)?.forms ?? []) {
      if (f.range.top > area.bottom) break;
      if (f.range.bottom < area.top) continue;
      for (const x of f.findings) {
        if (x.row < area.top || x.row > area.bottom || x.col < area.left || x.col > area.right)
          continue;
        out.push(x);
        if (out.length >= MAX_SELECTED_FINDINGS) return out;
      }
    }
    return out.sort(
      (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compareFindings(a, b),
    );
  }
}

/** Forms with a row in `top..bottom` (forms sorted by first row). */
function formsOverlapping(
  forms: ReadonlyArray<FormEntry>,
  top: number,
  bottom: number,
): FormEntry[] {
  let i = lowerBound(forms, top);
  while (i > 0 && forms[i - 1].range.bottom >= top) i--;
  const out: FormEntry[] = [];
  for (; i < forms.length && forms[i].range.top <= bottom; i++)
    if (forms[i].range.bottom >= top) out.push(forms[i]);
  return out;
}

/** Index of the first form starting at or below `row` (forms sorted by first row). */
function lowerBound(forms: ReadonlyArray<FormEntry>, row: number): number {
  let lo = 0;
  let hi = forms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (forms[mid].range.top < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function formsAtRow(forms: ReadonlyArray<FormEntry>, row: number): FormEntry[] {
  return forms.filter((f) => f.range.top <= row && f.range.bottom >= row);
}

function countOf(findings: ReadonlyArray<Finding>): SeverityCounts {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
