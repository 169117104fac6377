/**
 * How the office host reads sheets: the pieces one read is cut into (values by row chunks, formula
 * text of the formula cells, merged areas), their cost against one response, how a piece is cut in
 * two when a response is still too large, and the rows and columns a sheet hides.
 */
import { rangeToA1, type Range } from '../engine';
import { MAX_ADDRESS_CHARS } from '../host/highlights';
import { parseAreas } from './cells';

/** Values and value types of a block of rows. */
export interface ValuesPiece {
  readonly kind: 'values';
  readonly sheet: number;
  readonly top: number;
  readonly rows: number;
  readonly left: number;
  readonly cols: number;
}

/** Formula text of some formula cells (rectangles from `getSpecialCells('Formulas')`). */
export interface FormulasPiece {
  readonly kind: 'formulas';
  readonly sheet: number;
  readonly areas: ReadonlyArray<Range>;
}

/** Merged areas whose top-left cell lies in a band of rows. */
export interface MergesPiece {
  readonly kind: 'merges';
  readonly sheet: number;
  readonly top: number;
  readonly rows: number;
  readonly right: number;
}

/**
 * The rectangles of the sheet's formula, visible or merged cells, read as a collection of ranges:
 * when Excel shortened their address (`areaCount` tells).
 */
export interface AreasPiece {
  readonly kind: 'areas';
  readonly sheet: number;
  readonly what: 'formulas' | 'visible' | 'merges';
  /** formula cells, for the cost */
  readonly cells: number;
  /** which merged-areas query, for `merges` */
  readonly index?: number;
}

export type ReadPiece = ValuesPiece | FormulasPiece | MergesPiece | AreasPiece;

const cellsOf = (a: Range): number => (a.bottom - a.top + 1) * (a.right - a.left + 1);

/**
 * A piece's share of one response, in cells of values: a formula weighs two (its text comes
 * besides the value already counted); merged areas weigh nothing (a few addresses).
 */
export function pieceCost(p: ReadPiece): number {
  if (p.kind === 'values') return p.rows * p.cols;
  if (p.kind === 'formulas') return 2 * p.areas.reduce((n, a) => n + cellsOf(a), 0);
  if (p.kind === 'areas' && p.what === 'formulas') return 2 * p.cells;
  return 0;
}

/** The piece in two halves, or null when it cannot be cut (one row, one cell, merged areas). */
export function halves(p: ReadPiece): ReadPiece[] | null {
  if (p.kind === 'values') {
    if (p.rows < 2) return null;
    const n = Math.ceil(p.rows / 2);
    return [
      { ...p, rows: n },
      { ...p, top: p.top + n, rows: p.rows - n },
    ];
  }
  if (p.kind === 'formulas') {
    if (p.areas.length > 1) {
      const n = Math.ceil(p.areas.length / 2);
      return [
        { ...p, areas: p.areas.slice(0, n) },
        { ...p, areas: p.areas.slice(n) },
      ];
    }
    const a = p.areas[0];
    if (!a || a.bottom === a.top) return null;
    const mid = a.top + Math.floor((a.bottom - a.top) / 2);
    return [
      { ...p, areas: [{ ...a, bottom: mid }] },
      { ...p, areas: [{ ...a, top: mid + 1 }] },
    ];
  }
  return null;
}

/**
 * The rectangles of an address of areas (`RangeAreas.address`), or null when the address holds
 * fewer than `areaCount` of them (shortened).
 */
export function areasOf(address: string, areaCount: number): Range[] | null {
  const areas = parseAreas(address);
  return areas.length === areaCount ? areas : null;
}

/** Formula areas as pieces whose addresses stay short enough for `getRanges`. */
export function formulaPieces(sheet: number, areas: ReadonlyArray<Range>): FormulasPiece[] {
  const out: FormulasPiece[] = [];
  let cur: Range[] = [];
  let chars = 0;
  for (const a of areas) {
    const len = rangeToA1(a).length + 1;
    if (cur.length > 0 && chars + len > MAX_ADDRESS_CHARS) {
      out.push({ kind: 'formulas', sheet, areas: cur });
      cur = [];
      chars = 0;
    }
    cur.push(a);
    chars += len;
  }
  if (cur.length > 0) out.push({ kind: 'formulas', sheet, areas: cur });
  return out;
}

/** Takes the first pieces of `queue` whose cost fits `budget` (always at least one). */
export function takeBatch(queue: ReadPiece[], budget: number): ReadPiece[] {
  const batch: ReadPiece[] = [];
  let used = 0;
  while (queue.length > 0) {
    const c = pieceCost(queue[0]);
    if (batch.length > 0 && used + c > budget) break;
    used += c;
    batch.push(queue.shift() as ReadPiece);
  }
  return batch;
}

/**
 * Rows (or columns) `lo..hi` that are hidden, from the visible cells (`getSpecialCells('Visible')`,
 * null when none is visible) and `rowHidden`/`columnHidden` of the same range (true: all hidden,
 * false: none, null: some).
 */
export function hiddenLines(
  visible: ReadonlyArray<Range> | null,
  allHidden: boolean | null,
  lo: number,
  hi: number,
  axis: 'rows' | 'cols',
): number[] {
  if (hi < lo || allHidden === false) return [];
  const all = (): number[] => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  if (visible === null) return allHidden ? all() : [];
  const seen = new Uint8Array(hi - lo + 1);
  for (const a of visible) {
    const [from, to] = axis === 'rows' ? [a.top, a.bottom] : [a.left, a.right];
    for (let i = Math.max(from, lo); i <= Math.min(to, hi); i++) seen[i - lo] = 1;
  }
  const out: number[] = [];
  for (let i = 0; i < seen.length; i++) if (seen[i] === 0) out.push(lo + i);
  return out;
}
