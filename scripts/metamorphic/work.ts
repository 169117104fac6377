/**
 * A sheet being rearranged by the metamorphic generator, and where each cell of the original went.
 * Every layout change is a move of whole rows and columns (insert, delete, swap, shift) plus cell
 * edits; `map` follows the original cells through all of them, so that findings of the unchanged
 * form can be looked for at their new cells.
 */
import type { CellRef, CellValue, Range, SheetData } from '../../src/engine';

/** Where a cell of the original sheet is now; null when its column or row was deleted. */
export type CellMap = (ref: CellRef) => CellRef | null;

type Move = (i: number) => number | null;

export class Work {
  cells: CellValue[][];
  merges: Range[];
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  /** original cell → current cell, one map per pasted form (`main` is the one being changed) */
  readonly maps = new Map<string, CellMap>();
  /** cells written into the main form by the changes (they widen its range), current coordinates */
  added: CellRef[] = [];

  constructor(sheet: SheetData) {
    this.cells = sheet.cells.map((row) => (row ? [...row] : []));
    this.merges = sheet.merges.map((m) => ({ ...m }));
    for (const r of sheet.hiddenRows ?? []) this.hiddenRows.add(r);
    for (const c of sheet.hiddenCols ?? []) this.hiddenCols.add(c);
    this.maps.set('main', (ref) => ref);
  }

  /** Where an original cell of the main form (or of a pasted one) is now. */
  at(ref: CellRef, which = 'main'): CellRef | null {
    const map = this.maps.get(which);
    if (!map) throw new Error(`no form ${which}`);
    return map(ref);
  }

  /** `at` that throws for a deleted cell: a change that needs the cell cannot go on without it. */
  need(ref: CellRef, which = 'main'): CellRef {
    const p = this.at(ref, which);
    if (!p) throw new Error(`cell ${ref.row}:${ref.col} was deleted`);
    return p;
  }

  get(ref: CellRef): CellValue {
    return this.cells[ref.row]?.[ref.col] ?? null;
  }

  text(ref: CellRef): string {
    const v = this.get(ref);
    return v === null || typeof v === 'object' ? '' : String(v).trim();
  }

  set(ref: CellRef, value: CellValue): void {
    while (this.cells.length <= ref.row) this.cells.push([]);
    const row = this.cells[ref.row];
    while (row.length <= ref.col) row.push(null);
    row[ref.col] = value;
  }

  /** Writes a cell that belongs to the main form (its range grows to hold it). */
  add(ref: CellRef, value: CellValue): void {
    this.set(ref, value);
    this.added.push(ref);
  }

  merge(range: Range): void {
    if (range.bottom > range.top || range.right > range.left) this.merges.push(range);
  }

  /** Removes the merges that cover `ref`. */
  unmergeAt(ref: CellRef): void {
    this.merges = this.merges.filter(
      (m) => !(ref.row >= m.top && ref.row <= m.bottom && ref.col >= m.left && ref.col <= m.right),
    );
  }

  /** The merge covering `ref`, if any. */
  mergeAt(ref: CellRef): Range | undefined {
    return this.merges.find(
      (m) => ref.row >= m.top && ref.row <= m.bottom && ref.col >= m.left && ref.col <= m.right,
    );
  }

  /** The last column holding a value or a merge. */
  lastCol(): number {
    let last = -1;
    for (const row of this.cells) if (row.length - 1 > last) last = row.length - 1;
    for (const m of this.merges) if (m.right > last) last = m.right;
    return last;
  }

  lastRow(): number {
    let last = this.cells.length - 1;
    for (const m of this.merges) if (m.bottom > last) last = m.bottom;
    return last;
  }

  /** Moves every row and column; a null target drops it (with its cells). */
  move(row: Move, col: Move): void {
    const cells: CellValue[][] = [];
    this.cells.forEach((values, r) => {
      const to = row(r);
      if (to === null) return;
      const out: CellValue[] = [];
      values.forEach((v, c) => {
        const tc = col(c);
        if (tc !== null && v !== null) out[tc] = v;
      });
      for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
      cells[to] = out;
    });
    for (let i = 0; i < cells.length; i++) if (!cells[i]) cells[i] = [];
    this.cells = cells;
    this.merges = this.merges.flatMap((m) => {
      const rows = span(m.top, m.bottom, row);
      const cols = span(m.left, m.right, col);
      if (!rows || !cols) return [];
      const out = { top: rows[0], bottom: rows[1], left: cols[0], right: cols[1] };
      return out.bottom > out.top || out.right > out.left ? [out] : [];
    });
    this.hiddenRows = moveSet(this.hiddenRows, row);
    this.hiddenCols = moveSet(this.hiddenCols, col);
    this.added = this.added.flatMap((a) => {
      const r = row(a.row);
      const c = col(a.col);
      return r === null || c === null ? [] : [{ row: r, col: c }];
    });
    for (const [key, map] of this.maps) {
      this.maps.set(key, (ref) => {
        const p = map(ref);
        if (!p) return null;
        const r = row(p.row);
        const c = col(p.col);
        return r === null || c === null ? null : { row: r, col: c };
      });
    }
  }

  insertRows(at: number, n = 1): void {
    this.move((r) => (r >= at ? r + n : r), same);
  }

  insertCols(at: number, n = 1): void {
    this.move(same, (c) => (c >= at ? c + n : c));
  }

  deleteCol(at: number): void {
    this.move(same, (c) => (c === at ? null : c > at ? c - 1 : c));
  }

  /** Swaps two columns in rows `top`..`bottom` only (a table's columns, not the rows above it). */
  swapColsInRows(a: number, b: number, top: number, bottom: number): void {
    const swap = (ref: CellRef): CellRef =>
      ref.row < top || ref.row > bottom || (ref.col !== a && ref.col !== b)
        ? ref
        : { row: ref.row, col: ref.col === a ? b : a };
    for (let r = top; r <= bottom; r++) {
      const va = this.get({ row: r, col: a });
      const vb = this.get({ row: r, col: b });
      this.set({ row: r, col: a }, vb);
      this.set({ row: r, col: b }, va);
    }
    this.merges = this.merges.map((m) => {
      if (m.top < top || m.bottom > bottom || m.left !== m.right) return m;
      const col = swap({ row: m.top, col: m.left }).col;
      return { ...m, left: col, right: col };
    });
    this.added = this.added.map(swap);
    for (const [key, map] of this.maps) {
      this.maps.set(key, (ref) => {
        const p = map(ref);
        return p ? swap(p) : null;
      });
    }
  }

  /** Copies another sheet's cells and merges in, shifted; its cells are then mapped as `which`. */
  paste(other: Work, dr: number, dc: number, which: string): void {
    other.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) this.set({ row: r + dr, col: c + dc }, v);
      }),
    );
    for (const m of other.merges) {
      this.merges.push({
        top: m.top + dr,
        bottom: m.bottom + dr,
        left: m.left + dc,
        right: m.right + dc,
      });
    }
    for (const r of other.hiddenRows) this.hiddenRows.add(r + dr);
    for (const c of other.hiddenCols) this.hiddenCols.add(c + dc);
    const map = other.maps.get('main')!;
    this.maps.set(which, (ref) => {
      const p = map(ref);
      return p ? { row: p.row + dr, col: p.col + dc } : null;
    });
  }

  toSheet(name: string): SheetData {
    return {
      name,
      cells: this.cells,
      merges: this.merges,
      ...(this.hiddenRows.size ? { hiddenRows: [...this.hiddenRows].sort((a, b) => a - b) } : {}),
      ...(this.hiddenCols.size ? { hiddenCols: [...this.hiddenCols].sort((a, b) => a - b) } : {}),
    };
  }
}

const same: Move = (i) => i;

/** The moved span of a merge's rows or columns: its first and last kept line, or null. */
function span(from: number, to: number, move: Move): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = from; i <= to; i++) {
    const t = move(i);
    if (t === null) continue;
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  return lo === Infinity ? null : [lo, hi];
}

function moveSet(set: ReadonlySet<number>, move: Move): Set<number> {
  const out = new Set<number>();
  for (const i of set) {
    const t = move(i);
    if (t !== null) out.add(t);
  }
  return out;
}
