import type { CellRef } from '../../grid/address';
import type { Grid } from '../../grid/grid';
import type { TextField } from '../../model/forms';
import type { MoneyUnit } from '../../money/amount';
import { departmentOf, isListTitle, unitOf } from './labels';
import { rowCells } from '../common/cells';

/** The rows above a list's header: title, 部门名称, 单位. */
export interface Preamble {
  /** the first row of the list (the title row, or the header row when nothing is above it) */
  readonly top: number;
  readonly left: number;
  readonly right: number;
  readonly title: TextField | null;
  readonly department?: TextField;
  readonly unit: MoneyUnit | null;
}

/** How far above the header a title may sit. */
const MAX_PREAMBLE_ROWS = 8;

/**
 * Reads upwards from the header row while rows hold a title, a department or a unit line (blank
 * rows in between are skipped; `附件1` lines are passed over). Never above `floor`.
 */
export function readPreamble(
  grid: Grid,
  headerRow: number,
  left: number,
  right: number,
  floor: number,
): Preamble {
  let top = headerRow;
  let minCol = left;
  let maxCol = right;
  let title: TextField | null = null;
  let department: TextField | undefined;
  let unit: MoneyUnit | null = null;
  const stop = Math.max(floor, headerRow - MAX_PREAMBLE_ROWS, 0);
  for (let r = headerRow - 1; r >= stop; r--) {
    const cells = ownCells(grid, r, left, right);
    if (cells.length === 0) continue;
    let matched = false;
    let passOver = false;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      const text = cell.text;
      if (/^附件\s*\d*$/.test(text)) {
        passOver = true;
        continue;
      }
      if (title === null && isListTitle(text)) {
        title = { text, cell: cell.ref };
        matched = true;
        continue;
      }
      const dept = departmentOf(text);
      if (dept !== null && department === undefined) {
        matched = true;
        if (dept !== '') department = { text: dept, cell: cell.ref };
        else {
          // the cell beside a blank 部门名称 may be the unit line (`单位：万元`), not a name
          const next = cells[i + 1];
          if (next && unitOf(next.text) === null) department = { text: next.text, cell: next.ref };
        }
      }
      const u = unitOf(text);
      if (u !== null) {
        matched = true;
        unit ??= u;
      }
    }
    if (passOver && !matched) continue;
    if (!matched) break;
    top = r;
    for (const c of cells) {
      const m = grid.mergeAt(c.ref.row, c.ref.col);
      minCol = Math.min(minCol, m ? m.left : c.ref.col);
      maxCol = Math.max(maxCol, m ? m.right : c.ref.col);
    }
  }
  return { top, left: minCol, right: maxCol, title, department, unit };
}

/** The cells of a row that hold text (merge anchors only) in the list's columns. */
function ownCells(
  grid: Grid,
  row: number,
  left: number,
  right: number,
): Array<{ ref: CellRef; text: string }> {
  return rowCells(grid, row, right, left).map(({ col, text }) => ({ ref: { row, col }, text }));
}
