/**
 * Review remarks: a reviewer attaches a remark from the standard categories, with free text, to a
 * cell. `RemarkBook` keeps them (list, add, edit, remove, observable) on top of a `RemarkStore`.
 *
 * `RemarkStore` is where remarks live between sessions. The in-memory store keeps them for the
 * session (standalone mode, tests). An Office store can keep them in the workbook, so that they
 * travel with the file: `Office.context.document.settings.set(REMARKS_SETTING, encodeRemarks(list))`
 * then `settings.saveAsync()` in `save`, and `decodeRemarks(settings.get(REMARKS_SETTING))` in
 * `load` (settings hold about 2 MB, some 10,000 remarks). A custom XML part is the alternative for
 * larger books. Either way the store only sees the versioned JSON text of `encodeRemarks`.
 */
import { fromA1, toA1, type CellRef } from '../engine';
import type { SheetChange } from '../host/types';
import { isRemarkCategory, reviewMessages, type RemarkCategory } from './labels';

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

export interface RemarkStore {
  /** the remarks kept so far ([] when none) */
  load(): Promise<ReadonlyArray<Remark>>;
  /** replaces what is kept */
  save(remarks: ReadonlyArray<Remark>): Promise<void>;
}

/** Keeps remarks for the session only. */
export class MemoryRemarkStore implements RemarkStore {
  private saved: ReadonlyArray<Remark> = [];
  async load(): Promise<ReadonlyArray<Remark>> {
    return this.saved;
  }
  async save(remarks: ReadonlyArray<Remark>): Promise<void> {
    this.saved = [...remarks];
  }
}

/** The settings key an Office store uses. */
export const REMARKS_SETTING = 'jixiao.reviewRemarks';
const FORMAT_VERSION = 1;

export function encodeRemarks(remarks: ReadonlyArray<Remark>): string {
  return JSON.stringify({ version: FORMAT_VERSION, remarks });
}

/** Remarks from `encodeRemarks` text; anything unreadable gives [] (never throws). */
export function decodeRemarks(text: unknown): Remark[] {
  if (typeof text !== 'string' || text === '') return [];
  const r = readRemarks(text);
  return r.ok ? r.remarks : [];
}

/**
 * What kept remarks text holds, telling apart what a caller must not overwrite unasked: text that
 * is not our format (`broken`), a newer format version (`newer`), and remarks of which some could
 * not be read (`dropped` > 0).
 */
export type RemarksRead =
  | { readonly ok: true; readonly remarks: Remark[]; readonly dropped: number }
  | { readonly ok: false; readonly reason: 'broken' | 'newer' };

export function readRemarks(text: string): RemarksRead {
  let data: { version?: unknown; remarks?: unknown };
  try {
    data = JSON.parse(text) as typeof data;
  } catch {
    return { ok: false, reason: 'broken' };
  }
  if (typeof data !== 'object' || data === null) return { ok: false, reason: 'broken' };
  if (typeof data.version === 'number' && data.version > FORMAT_VERSION)
    return { ok: false, reason: 'newer' };
  if (data.version !== FORMAT_VERSION || !Array.isArray(data.remarks))
    return { ok: false, reason: 'broken' };
  // the cell is the truth: row and column are derived from it, times default to ''
  const remarks = data.remarks.filter(isRemark).map((r): Remark => {
    const ref = fromA1(r.cell)!;
    const time = (t: unknown) => (typeof t === 'string' ? t : '');
    return { ...r, row: ref.row, col: ref.col, created: time(r.created), updated: time(r.updated) };
  });
  return { ok: true, remarks, dropped: data.remarks.length - remarks.length };
}

function isRemark(x: unknown): x is Remark {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return (
    typeof r.id === 'string' &&
    typeof r.sheet === 'string' &&
    typeof r.cell === 'string' &&
    fromA1(r.cell) !== null &&
    typeof r.category === 'string' &&
    isRemarkCategory(r.category) &&
    typeof r.text === 'string'
  );
}

export type RemarkResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

type Listener = (remarks: ReadonlyArray<Remark>) => void;

/** The reviewer's remarks, sorted by sheet (first use), row and column; observable. */
export class RemarkBook {
  private remarks: ReadonlyArray<Remark> = [];
  private readonly listeners = new Set<Listener>();
  private nextId = 1;

  constructor(
    private readonly store: RemarkStore = new MemoryRemarkStore(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Loads what the store kept. */
  async open(): Promise<void> {
    this.remarks = sortRemarks(await this.store.load());
    for (const r of this.remarks) {
      const n = Number(/^r(\d+)$/.exec(r.id)?.[1] ?? 0);
      if (n >= this.nextId) this.nextId = n + 1;
    }
    this.emit();
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
    const checked = validate(draft);
    if (!checked.ok) return checked;
    const time = this.now().toISOString();
    const remark: Remark = {
      id: `r${this.nextId++}`,
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
    await this.store.save(remarks);
    this.emit();
  }

  private emit(): void {
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
