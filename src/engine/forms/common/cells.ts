import type { CellRef } from '../../grid/address';
import { cellText } from '../../grid/cell';
import type { Grid } from '../../grid/grid';
import type { AmountField, TextField } from '../../model/forms';
import { parseAmount } from '../../money/amount';

/** One non-empty cell of a row as stored (merge anchors only): its column, its text. */
export interface RowCell {
  readonly col: number;
  readonly text: string;
}

/**
 * The non-empty cells stored in a row, left to right, between columns `minCol` and `maxCol`
 * (inclusive). Cells covered by a merge anchored elsewhere are blank in storage, so each merged
 * value is listed once, in the row of its top-left cell. Cost: the row's stored cells in range
 * (found by binary search), never one look-up per column.
 */
export function rowCells(grid: Grid, row: number, maxCol = Infinity, minCol = 0): RowCell[] {
  const out: RowCell[] = [];
  const cols = grid.storedCols(row);
  for (let i = firstAtOrAfter(cols, minCol); i < cols.length; i++) {
    const c = cols[i];
    if (c > maxCol) break;
    const m = grid.mergeAt(row, c);
    if (m && (m.top !== row || m.left !== c)) continue; // shown by the merge's anchor
    const text = cellText(grid.raw(row, c));
    if (text !== '') out.push({ col: c, text });
  }
  return out;
}

/** The first text stored in this very row between two columns (merge continuations excluded). */
export function firstCell(grid: Grid, r: number, minCol: number, maxCol: number): RowCell | null {
  const stored = grid.storedCols(r);
  for (let i = firstAtOrAfter(stored, minCol); i < stored.length; i++) {
    const c = stored[i];
    if (c > maxCol) break;
    const m = grid.mergeAt(r, c);
    if (m && (m.top !== r || m.left !== c)) continue;
    const text = cellText(grid.raw(r, c));
    if (text !== '') return { col: c, text };
  }
  return null;
}

/** True when the row stores nothing visible between `minCol` and `maxCol`. */
export function isBlankRow(grid: Grid, row: number, maxCol = Infinity, minCol = 0): boolean {
  return firstCell(grid, row, minCol, maxCol) === null;
}

/** Index of the first entry of an ascending list that is >= `value` (the list's length if none). */
export function firstAtOrAfter(list: ReadonlyArray<number>, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The used rows of the grid from `top` to `bottom` (inclusive), ascending. */
export function usedRowsIn(grid: Grid, top: number, bottom: number): ReadonlyArray<number> {
  const rows = grid.usedRows();
  const from = firstAtOrAfter(rows, top);
  const to = firstAtOrAfter(rows, bottom + 1);
  return from === 0 && to === rows.length ? rows : rows.slice(from, to);
}

/** The text field of the cell a clerk sees at (row, col): the merge anchor and its text. */
export function textFieldAt(grid: Grid, row: number, col: number): TextField {
  const m = grid.mergeAt(row, col);
  const cell: CellRef = m ? { row: m.top, col: m.left } : { row, col };
  return { text: cellText(grid.raw(cell.row, cell.col)), cell };
}

/** The amount field of the cell at (row, col), read with `parseAmount`. */
export function amountFieldAt(grid: Grid, row: number, col: number): AmountField {
  const cell = grid.anchor(row, col);
  return {
    text: grid.text(cell.row, cell.col),
    cell,
    amount: parseAmount(grid.raw(cell.row, cell.col)),
  };
}

/** An amount typed as text inside another cell (`预算数：104万元`), pointing at that cell. */
export function amountFieldFromText(text: string, cell: CellRef | null): AmountField {
  return { text, cell, amount: parseAmount(text === '' ? null : text) };
}

/** A field for a label the form does not have. */
export const MISSING_TEXT: TextField = { text: '', cell: null };

export const MISSING_AMOUNT: AmountField = { text: '', cell: null, amount: parseAmount(null) };
