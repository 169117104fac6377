/** Rows re-read after an edit, as a grid in sheet coordinates (rows above them read as empty). */
import { Grid, type CellValue } from '../engine';
import type { RowsData } from '../host/types';

const NO_CELLS: ReadonlyArray<CellValue> = Object.freeze([]) as ReadonlyArray<CellValue>;

/**
 * A grid whose row `rows.top + i` is `rows.cells[i]` and whose earlier rows are empty, so that the
 * engine reads the forms at their real rows and every finding carries its real address. The empty
 * rows share one array: building it costs a fill, not a row each.
 */
export function gridFromRows(name: string, rows: RowsData): Grid {
  const height = rows.bottom + 1;
  const cells = new Array<ReadonlyArray<CellValue>>(height).fill(NO_CELLS, 0, height);
  for (let i = 0; i < rows.cells.length && rows.top + i < height; i++)
    cells[rows.top + i] = rows.cells[i] ?? NO_CELLS;
  return new Grid({ name, cells, merges: rows.merges });
}
