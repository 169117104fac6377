import type { CellRef } from '../../grid/address';
import type { Grid } from '../../grid/grid';
import type { Indicator, IndicatorValueField, TextField } from '../../model/forms';
import { parsePackedIndicators } from '../packed';
import type { ListColumns } from './header';

/**
 * The indicators of one packed 绩效指标 cell: every text field points at the packed cell, and
 * `packed.index` is the item's position in the cell (0-based, counting on through a `1、` restart).
 * Empty when the cell says nothing the parser recognises.
 */
export function packedIndicators(text: string, cell: CellRef, row: number): Indicator[] {
  const items = parsePackedIndicators(text);
  // text with no 一级 name and no value anywhere (`详见附件`) holds no indicator the parser can read:
  // none is made up from it, and `form.unreadable` says so
  if (items.every((i) => i.level1 === '' && i.values.length === 0)) return [];
  return items.map((item, index): Indicator => {
    const field = (t: string): TextField => ({ text: t, cell });
    const values: IndicatorValueField[] = item.values.map((v) => ({
      period: v.period,
      text: v.text,
      cell,
    }));
    return {
      level1: field(item.level1),
      level2: field(item.level2),
      name: field(item.name),
      values,
      row,
      packed: { cell, index },
    };
  });
}

const NO_FIELD: TextField = { text: '', cell: null };

/**
 * One-indicator-per-row lists: the project row and the rows under it carry 一级 | 二级 | 三级 |
 * 指标值 columns. A blank 一级/二级 cell continues the one above (within the project); a new 一级
 * starts its 二级 afresh. Rows with neither a 三级 name nor a value only set the levels.
 */
export function rowIndicators(
  grid: Grid,
  cols: ListColumns,
  rows: ReadonlyArray<number>,
): Indicator[] {
  const out: Indicator[] = [];
  let level1: TextField = NO_FIELD;
  let level2: TextField = NO_FIELD;
  for (const r of rows) {
    const l1 = fieldAt(grid, r, cols.level1);
    if (l1 && l1.text !== '') {
      if (!sameCell(l1.cell, level1.cell)) level2 = NO_FIELD;
      level1 = l1;
    }
    const l2 = fieldAt(grid, r, cols.level2);
    if (l2 && l2.text !== '') level2 = l2;
    const name = fieldAt(grid, r, cols.level3) ?? NO_FIELD;
    const values: IndicatorValueField[] = cols.values.map((v) => {
      const f = fieldAt(grid, r, v.col) as TextField & { cell: CellRef };
      return { period: v.period, text: f.text, cell: f.cell };
    });
    const ownName = name.cell !== null && name.cell.row === r && name.text !== '';
    const ownValue = values.some((v) => v.text !== '' && v.cell.row === r);
    if (!ownName && !ownValue) continue;
    const indicator: Indicator = {
      level1,
      level2,
      name,
      values,
      row: r,
      ...(cols.description !== undefined
        ? { description: fieldAt(grid, r, cols.description) }
        : {}),
      ...(cols.basis !== undefined ? { basis: fieldAt(grid, r, cols.basis) } : {}),
    };
    out.push(indicator);
  }
  return out;
}

function fieldAt(grid: Grid, row: number, col: number | undefined): TextField | undefined {
  if (col === undefined) return undefined;
  const cell = grid.anchor(row, col);
  return { text: grid.text(cell.row, cell.col), cell };
}

function sameCell(a: CellRef | null, b: CellRef | null): boolean {
  return a !== null && b !== null && a.row === b.row && a.col === b.col;
}
