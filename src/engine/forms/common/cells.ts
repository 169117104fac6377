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
 * The non-empty cells stored in a row, left to right, up to column `maxCol` (inclusive). Cells
 * covered by a merge anchored elsewhere are blank in storage, so each merged value is listed once,
 * in the row of its top-left cell. Cost: one pass over the stored row.
 */
export function rowCells(grid: Grid, row: number, maxCol = 60, minCol = 0): RowCell[] {
  const out: RowCell[] = [];
  const width = Math.min(grid.rowWidth(row), maxCol + 1);
  for (let c = minCol; c < width; c++) {
    const v = grid.raw(row, c);
    if (v === null) continue;
    const m = grid.mergeAt(row, c);
    if (m && (m.top !== row || m.left !== c)) continue; // shown by the merge's anchor
    const text = cellText(v);
    if (text !== '') out.push({ col: c, text });
  }
  return out;
}

/** True when the row stores nothing visible between `minCol` and `maxCol`. */
export function isBlankRow(grid: Grid, row: number, maxCol = 60, minCol = 0): boolean {
  const width = Math.min(grid.rowWidth(row), maxCol + 1);
  for (let c = minCol; c < width; c++) {
    const v = grid.raw(row, c);
    if (v === null) continue;
    const m = grid.mergeAt(row, c);
    if (m && (m.top !== row || m.left !== c)) continue;
    if (cellText(v) !== '') return false;
  }
  return true;
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
