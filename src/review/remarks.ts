/**
 * Review remarks: a reviewer attaches a remark from the standard categories, with free text, to a
 * cell. `RemarkBook` keeps them (list, add, edit, remove, observable) on top of a `RemarkStore`.
 *
 * `RemarkStore` is where remarks live between sessions. `WorkbookRemarkStore` keeps them in the
 * workbook through the host (`loadRemarks`/`saveRemarks`: a custom XML part, see
 * src/host/remarks-part.ts), so that they travel with the file in Excel and in the standalone
 * page alike. `MemoryRemarkStore` keeps them for the session only, for a host that cannot keep
 * them. Either way the text is the versioned JSON of `encodeRemarks`, validated on load: an
 * unreadable store gives a Chinese message and is never overwritten.
 */
import { fromA1, toA1, type CellRef } from '../engine';
import type { SheetChange, WorkbookHost } from '../host/types';
import { isRemarkCategory, remarkMessages, reviewMessages, type RemarkCategory } from './labels';

export interface Remark {
  readonly id: string;
  readonly sheet: string;
  /** `E12` */
  readonly cell: string;
  readonly row: number;
  readonly col: number;
  readonly category: RemarkCategory;
  /** free text; may be '' except for 其他 */
  readonly text: string;
  /** ISO times */
  readonly created: string;
  readonly updated: string;
}

export interface RemarkDraft {
  readonly sheet: string;
  readonly cell: string;
  readonly category: RemarkCategory;
  readonly text?: string;
}

/** What a store gave back: the remarks, and why some or all could not be read. */
export interface LoadedRemarks {
  readonly remarks: ReadonlyArray<Remark>;
  /** a Chinese message when the store could not be read (fully or partly); null when fine */
  readonly problem: string | null;
  /** nothing could be read: the store is not written until the reviewer chooses to replace it */
  readonly locked?: boolean;
}

export interface RemarkStore {
  /** `workbook`: kept in the file; `session`: lost when the page or pane closes */
  readonly persistence: 'workbook' | 'session';
  /** the remarks kept so far ([] when none) */
  load(): Promise<LoadedRemarks>;
  /** replaces what is kept; resolves with a Chinese message when it could not */
  save(remarks: ReadonlyArray<Remark>): Promise<string | null>;
  /** the reviewer chose to write over a store that could not be read (after `locked`) */
  unlock?(): void;
}

/** Keeps remarks for the session only. */
export class MemoryRemarkStore implements RemarkStore {
  readonly persistence = 'session' as const;
  private saved: ReadonlyArray<Remark> = [];
  async load(): Promise<LoadedRemarks> {
    return { remarks: this.saved, problem: null };
  }
  async save(remarks: ReadonlyArray<Remark>): Promise<string | null> {
    this.saved = [...remarks];
    return null;
  }
}

type RemarksHost = Required<Pick<WorkbookHost, 'loadRemarks' | 'saveRemarks'>>;

/** True when the host keeps remarks in the workbook. */
export function keepsRemarks(host: WorkbookHost): host is WorkbookHost & RemarksHost {
  return typeof host.loadRemarks === 'function' && typeof host.saveRemarks === 'function';
}

/**
 * Keeps remarks in the workbook. Entries it cannot read are written back as they were; a store it
 * cannot read at all (damaged, or from a newer version) is left untouched: remarks made then are
 * kept for the session only, and the problem says so.
 */
export class WorkbookRemarkStore implements RemarkStore {
  readonly persistence = 'workbook' as const;
  private unread: ReadonlyArray<unknown> = [];
  private locked = false;

  constructor(private readonly host: RemarksHost) {}

  async load(): Promise<LoadedRemarks> {
    const r = await this.host.loadRemarks();
    if (!r.ok) {
      // never written over: what cannot be read now may be readable by a newer version
      this.locked = true;
      return {
        remarks: [],
        locked: true,
        problem:
          r.error.code === 'unreadable'
            ? remarkMessages.damaged
            : remarkMessages.unreadable(r.error.message),
      };
    }
    const d = decodeRemarks(r.value);
    this.unread = d.unread;
    this.locked = d.failed;
    return { remarks: d.remarks, problem: d.problem, locked: d.failed };
  }

  unlock(): void {
    this.locked = false;
    this.unread = [];
  }

  async save(remarks: ReadonlyArray<Remark>): Promise<string | null> {
    if (this.locked) return remarkMessages.notSaved;
    const r = await this.host.saveRemarks(encodeRemarks(remarks, this.unread));
    return r.ok ? null : remarkMessages.saveFailed(r.error.message);
  }
}

/** The settings key an earlier Office store used (kept for reference; remarks now live in a custom XML part). */
export const REMARKS_SETTING = 'jixiao.reviewRemarks';
export const REMARKS_FORMAT_VERSION = 1;

/** The versioned text a store keeps; `unread` are entries a load could not read, kept as they were. */
export function encodeRemarks(
  remarks: ReadonlyArray<Remark>,
  unread: ReadonlyArray<unknown> = [],
): string {
  return JSON.stringify({ version: REMARKS_FORMAT_VERSION, remarks: [...remarks, ...unread] });
}

export interface DecodedRemarks {
  readonly remarks: Remark[];
  /** entries that are not remarks this version can read */
  readonly unread: unknown[];
  /** nothing could be read: the text must not be overwritten */
  readonly failed: boolean;
  /** a Chinese message when something could not be read; null when all was read (or nothing kept) */
  readonly problem: string | null;
}

/** Remarks from `encodeRemarks` text, validated; says what could not be read (never throws). */
export function decodeRemarks(text: unknown): DecodedRemarks {
  const none = { remarks: [], unread: [] };
  if (text === null || text === undefined || text === '')
    return { ...none, failed: false, problem: null };
  if (typeof text !== 'string') return { ...none, failed: true, problem: remarkMessages.damaged };
  let data: { version?: unknown; remarks?: unknown };
  try {
    data = JSON.parse(text) as typeof data;
  } catch {
    return { ...none, failed: true, problem: remarkMessages.damaged };
  }
  if (typeof data !== 'object' || data === null || !Array.isArray(data.remarks))
    return { ...none, failed: true, problem: remarkMessages.damaged };
  if (typeof data.version === 'number' && data.version > REMARKS_FORMAT_VERSION)
    return { ...none, failed: true, problem: remarkMessages.newer(data.version) };
  if (data.version !== REMARKS_FORMAT_VERSION)
    return { ...none, failed: true, problem: remarkMessages.damaged };
  const remarks: Remark[] = [];
  const unread: unknown[] = [];
  for (const x of data.remarks) {
    const r = asRemark(x);
    if (r) remarks.push(r);
    else unread.push(x);
  }
  return {
    remarks,
    unread,
    failed: false,
    problem: unread.length > 0 ? remarkMessages.someUnread(unread.length) : null,
  };
}

/** The remark an entry describes, with its row and column taken from its cell; null if invalid. */
function asRemark(x: unknown): Remark | null {
  if (typeof x !== 'object' || x === null) return null;
  const r = x as Record<string, unknown>;
  if (
    typeof r.id !== 'string' ||
    r.id === '' ||
    typeof r.sheet !== 'string' ||
    r.sheet === '' ||
    typeof r.cell !== 'string' ||
    typeof r.category !== 'string' ||
    !isRemarkCategory(r.category) ||
    typeof r.text !== 'string' ||
    typeof r.created !== 'string' ||
    typeof r.updated !== 'string'
  )
    return null;
  const ref = fromA1(r.cell);
  if (!ref) return null;
  return {
    id: r.id,
    sheet: r.sheet,
    cell: toA1(ref),
    row: ref.row,
    col: ref.col,
    category: r.category,
    text: r.text,
    created: r.created,
    updated: r.updated,
  };
}

/** Where the remarks are kept and what went wrong, for the pane to tell the reviewer. */
export interface RemarksStatus {
  readonly persistence: 'workbook' | 'session';
  /** the kept remarks are being read */
  readonly loading: boolean;
  /** why remarks could not be read or kept (Chinese); null when all is well */
  readonly problem: string | null;
  /** what the pane should tell the reviewer: the problem, or that remarks last only the session */
  readonly message: string | null;
  /**
   * what the reviewer can do about the problem: `replace` the kept remarks that could not be read
   * with the ones shown (`replaceKept`), or `retry` a failed save (`retry`); null for nothing
   */
  readonly action: 'replace' | 'retry' | null;
}

export type RemarkResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

type Listener = (remarks: ReadonlyArray<Remark>) => void;

/** The reviewer's remarks, sorted by sheet (first use), row and column; observable. */
export class RemarkBook {
  private remarks: ReadonlyArray<Remark> = [];
  private readonly listeners = new Set<Listener>();
  private nextId = 1;
  private opened: Promise<void> | null = null;
  private loading = false;
  private loadProblem: string | null = null;
  private saveProblem: string | null = null;
  /** the store could not be read and is not written until the reviewer replaces it */
  private locked = false;
  private state: RemarksStatus;

  constructor(
    private readonly store: RemarkStore = new MemoryRemarkStore(),
    private readonly now: () => Date = () => new Date(),
  ) {
    this.state = {
      persistence: store.persistence,
      loading: false,
      problem: null,
      message: store.persistence === 'session' ? remarkMessages.sessionOnly : null,
      action: null,
    };
  }

  /** Loads what the store kept (once; later calls wait for the first). */
  open(): Promise<void> {
    this.opened ??= this.load();
    return this.opened;
  }

  private async load(): Promise<void> {
    this.loading = true;
    this.emit();
    let loaded: LoadedRemarks;
    try {
      loaded = await this.store.load();
    } catch (e) {
      loaded = {
        remarks: [],
        problem: remarkMessages.unreadable(e instanceof Error ? e.message : String(e)),
      };
    }
    // remarks added while loading come after the kept ones
    this.remarks = sortRemarks([...loaded.remarks, ...this.remarks]);
    for (const r of this.remarks) {
      const n = Number(/^r(\d+)$/.exec(r.id)?.[1] ?? 0);
      if (n >= this.nextId) this.nextId = n + 1;
    }
    this.loading = false;
    this.loadProblem = loaded.problem;
    this.locked = loaded.locked === true && this.store.unlock !== undefined;
    this.emit();
  }

  /**
   * Writes the remarks shown over kept remarks that could not be read: only when the reviewer
   * asks (the status's `replace` action); what could not be read is then gone.
   */
  async replaceKept(): Promise<void> {
    await this.opened;
    if (!this.locked) return;
    this.store.unlock?.();
    this.locked = false;
    this.loadProblem = null;
    await this.commit(this.remarks);
  }

  /** Saves the remarks again after a failed save (the status's `retry` action). */
  async retry(): Promise<void> {
    await this.opened;
    if (this.locked || this.saveProblem === null) return;
    await this.commit(this.remarks);
  }

  /** Where remarks are kept, and any problem reading or keeping them. */
  status(): RemarksStatus {
    return this.state;
  }

  getState(): ReadonlyArray<Remark> {
    return this.remarks;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  list(sheet?: string): ReadonlyArray<Remark> {
    return sheet === undefined ? this.remarks : this.remarks.filter((r) => r.sheet === sheet);
  }

  /** Remarks on one cell. */
  at(sheet: string, cell: string): Remark[] {
    const ref = fromA1(cell);
    if (!ref) return [];
    return this.remarks.filter((r) => r.sheet === sheet && r.row === ref.row && r.col === ref.col);
  }

  async add(draft: RemarkDraft): Promise<RemarkResult<Remark>> {
    await this.opened;
    const checked = validate(draft);
    if (!checked.ok) return checked;
    const time = this.now().toISOString();
    let id = `r${this.nextId++}`;
    while (this.remarks.some((r) => r.id === id)) id = `r${this.nextId++}`;
    const remark: Remark = {
      id,
      sheet: draft.sheet,
      cell: toA1(checked.value),
      row: checked.value.row,
      col: checked.value.col,
      category: draft.category,
      text: (draft.text ?? '').trim(),
      created: time,
      updated: time,
    };
    await this.commit(sortRemarks([...this.remarks, remark]));
    return { ok: true, value: remark };
  }

  async edit(
    id: string,
    patch: Partial<Pick<RemarkDraft, 'category' | 'text' | 'cell'>>,
  ): Promise<RemarkResult<Remark>> {
    await this.opened;
    const old = this.remarks.find((r) => r.id === id);
    if (!old) return { ok: false, message: reviewMessages.missingRemark(id) };
    const draft: RemarkDraft = {
      sheet: old.sheet,
      cell: patch.cell ?? old.cell,
      category: patch.category ?? old.category,
      text: patch.text ?? old.text,
    };
    const checked = validate(draft);
    if (!checked.ok) return checked;
    const remark: Remark = {
      ...old,
      cell: toA1(checked.value),
      row: checked.value.row,
      col: checked.value.col,
      category: draft.category,
      text: (draft.text ?? '').trim(),
      updated: this.now().toISOString(),
    };
    await this.commit(sortRemarks(this.remarks.map((r) => (r.id === id ? remark : r))));
    return { ok: true, value: remark };
  }

  async remove(id: string): Promise<boolean> {
    await this.opened;
    if (!this.remarks.some((r) => r.id === id)) return false;
    await this.commit(this.remarks.filter((r) => r.id !== id));
    return true;
  }

  /**
   * Keeps remarks on their cells when people insert or delete rows (feed it the host's changes);
   * a remark whose row was deleted goes with it.
   */
  async followChange(change: SheetChange): Promise<void> {
    if (!change.rows || (change.kind !== 'rows-inserted' && change.kind !== 'rows-deleted')) return;
    await this.opened;
    const { top, bottom } = change.rows;
    const n = bottom - top + 1;
    let moved = false;
    const next: Remark[] = [];
    for (const r of this.remarks) {
      if (r.sheet !== change.sheet || r.row < top) {
        next.push(r);
        continue;
      }
      moved = true;
      if (change.kind === 'rows-deleted' && r.row <= bottom) continue;
      const row = change.kind === 'rows-inserted' ? r.row + n : r.row - n;
      next.push({ ...r, row, cell: toA1({ row, col: r.col }) });
    }
    if (moved) await this.commit(next);
  }

  private async commit(remarks: ReadonlyArray<Remark>): Promise<void> {
    this.remarks = remarks;
    this.emit();
    const before = this.saveProblem;
    try {
      this.saveProblem = await this.store.save(remarks);
    } catch (e) {
      this.saveProblem = remarkMessages.saveFailed(e instanceof Error ? e.message : String(e));
    }
    if (this.saveProblem !== before) this.emit();
  }

  private emit(): void {
    const problem = this.saveProblem ?? this.loadProblem;
    const action = this.locked ? 'replace' : this.saveProblem !== null ? 'retry' : null;
    const s = this.state;
    if (s.loading !== this.loading || s.problem !== problem || s.action !== action)
      this.state = {
        persistence: s.persistence,
        loading: this.loading,
        problem,
        message: problem ?? (s.persistence === 'session' ? remarkMessages.sessionOnly : null),
        action,
      };
    for (const l of [...this.listeners]) l(this.remarks);
  }
}

function validate(draft: RemarkDraft): RemarkResult<CellRef> {
  if (!isRemarkCategory(draft.category))
    return { ok: false, message: reviewMessages.unknownCategory(draft.category) };
  const ref = fromA1(draft.cell);
  if (!ref) return { ok: false, message: reviewMessages.invalidCell(draft.cell) };
  if (draft.category === 'other' && (draft.text ?? '').trim() === '')
    return { ok: false, message: reviewMessages.emptyOther };
  return { ok: true, value: ref };
}

function sortRemarks(remarks: ReadonlyArray<Remark>): Remark[] {
  const sheets: string[] = [];
  for (const r of remarks) if (!sheets.includes(r.sheet)) sheets.push(r.sheet);
  return [...remarks].sort(
    (a, b) =>
      sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet) ||
      a.row - b.row ||
      a.col - b.col ||
      a.created.localeCompare(b.created),
  );
}
