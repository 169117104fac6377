/**
 * The one A1 module: column letters, A1 addresses and ranges ↔ zero-based row/column, and the cells
 * of a range. Everything that names cells (engine, templates, writers, hosts, UI) uses it.
 */

/** Zero-based row/column of a cell on one sheet. */
export interface CellRef {
  readonly row: number;
  readonly col: number;
}

/** A rectangle of cells, zero-based and inclusive on all sides. */
export interface Range {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Column letters of a zero-based column: 0 → `A`, 26 → `AA`. */
export function columnName(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `E12` for { row: 11, col: 4 }. */
export function toA1(ref: CellRef): string {
  return `${columnName(ref.col)}${ref.row + 1}`;
}

/** `A1:F40` for a range; a single cell gives `A1`. */
export function rangeToA1(r: Range): string {
  const a = toA1({ row: r.top, col: r.left });
  const b = toA1({ row: r.bottom, col: r.right });
  return a === b ? a : `${a}:${b}`;
}

/** `$E$12` for `E12` (or `$E$12`); anything that is not one cell is returned as it is. */
export function absoluteA1(a1: string): string {
  const ref = fromA1(a1);
  return ref ? `$${columnName(ref.col)}$${ref.row + 1}` : a1;
}

/** Parses `E12`, `$E$12` or `e12`; returns null for anything else. */
export function fromA1(a1: string): CellRef | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

/** Parses `A1:F40` (or a single cell) into a range. */
export function rangeFromA1(a1: string): Range | null {
  const [a, b] = a1.split(':');
  const p = fromA1(a);
  const q = b === undefined ? p : fromA1(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** Every address of `A1:C3` row by row (`A1`, `B1`, … `C3`), or the one cell of `A1`. */
export function rangeCells(a1: string): string[] {
  const r = rangeFromA1(a1);
  if (!r) throw new Error(`not a cell range: ${a1}`);
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push(toA1({ row, col }));
  return out;
}

export function rangeContains(r: Range, ref: CellRef): boolean {
  return ref.row >= r.top && ref.row <= r.bottom && ref.col >= r.left && ref.col <= r.right;
}

export function rangesOverlap(a: Range, b: Range): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}
