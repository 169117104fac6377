import type { CellRef, Range } from '../../grid/address';
import type { Grid } from '../../grid/grid';
import type { AmountField, TextField } from '../../model/forms';
import { parseAmount } from '../../money/amount';
import { isLabelText } from './labels';

/** The part of the sheet a form may use: its rows (up to `bottom`) and its columns. */
export interface Band {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** The merged area of a cell, or the cell itself as a one-cell range. */
export function areaOf(grid: Grid, row: number, col: number): Range {
  return grid.mergeAt(row, col) ?? { top: row, left: col, bottom: row, right: col };
}

/** Whether the cell shows its own content in this row (not a merge continued from a row above). */
export function ownsRow(grid: Grid, row: number, col: number): boolean {
  return grid.anchor(row, col).row === row;
}

export function textField(grid: Grid, cell: CellRef | null): TextField {
  if (!cell) return { text: '', cell: null };
  const a = grid.anchor(cell.row, cell.col);
  return { text: grid.text(a.row, a.col), cell: a };
}

export function amountField(grid: Grid, cell: CellRef | null): AmountField {
  if (!cell) return { text: '', cell: null, amount: parseAmount(null) };
  const a = grid.anchor(cell.row, cell.col);
  return { text: grid.text(a.row, a.col), cell: a, amount: parseAmount(grid.value(a.row, a.col)) };
}

/**
 * The value cell of a label: the first filled cell to its right that is not another label; else the
 * cell below it (labels written as a header row over their values), unless that cell is claimed by a
 * label on its own left; else the first blank cell to its right (an empty value, to point at). Null
 * when there is no room for a value at all.
 */
export function valueCellOf(grid: Grid, label: CellRef, band: Band): CellRef | null {
  const area = areaOf(grid, label.row, label.col);
  const row = label.row;
  let firstBlank: CellRef | null = null;
  // past the row's last used column everything is blank: the first blank cell is all that matters
  const limit = Math.min(band.right, grid.rowExtent(row) + 1);
  for (let col = area.right + 1; col <= limit;) {
    const here = areaOf(grid, row, col);
    const a = { row: here.top, col: here.left };
    const text = grid.text(row, col);
    if (text === '') {
      if (!firstBlank && here.top === row) firstBlank = a;
    } else if (isLabelText(text)) {
      break;
    } else if (here.top === row || !firstBlank) {
      return a;
    }
    col = here.right + 1;
  }
  const below = area.bottom + 1;
  if (below <= band.bottom) {
    const a = grid.anchor(below, label.col);
    const text = grid.text(below, label.col);
    const left = a.col - 1 >= band.left ? grid.text(below, a.col - 1) : '';
    const claimed = left !== '' && isLabelText(left);
    if (text !== '' && !isLabelText(text) && a.row === below && !claimed) return a;
  }
  if (firstBlank) return firstBlank;
  return area.right + 1 <= band.right ? { row, col: area.right + 1 } : null;
}
