/** Rows re-read after an edit, as a grid in sheet coordinates (rows above them read as empty). */
import { Grid, type CellValue } from '../engine';
import type { RowsData } from '../host/types';

/**
 * A grid whose row `rows.top + i` is `rows.cells[i]` and whose earlier rows are empty, so that the
 * engine reads the forms at their real rows and every finding carries its real address. The rows
 * above are holes (the grid reads a hole as an empty row and walks past holes), so an edit far down
 * a sheet costs the rows re-read, not a filled array as long as the sheet. The formulas and hidden
 * rows come along: a suggestion on a formula cell stays marked as replacing it, and a finding on a
 * hidden row keeps its note.
 */
export function gridFromRows(name: string, rows: RowsData): Grid {
  const height = rows.bottom + 1;
  const cells = new Array<ReadonlyArray<CellValue>>(height);
  const formulas = rows.formulas
    ? new Array<ReadonlyArray<string | undefined> | undefined>(height)
    : undefined;
  for (let i = 0; i < rows.cells.length && rows.top + i < height; i++) {
    const row = rows.cells[i];
    if (row && row.length > 0) cells[rows.top + i] = row;
    const f = rows.formulas?.[i];
    if (formulas && f) formulas[rows.top + i] = f;
  }
  return new Grid({
    name,
    cells,
    merges: rows.merges,
    ...(formulas ? { formulas } : {}),
    ...(rows.hiddenRows && rows.hiddenRows.length > 0 ? { hiddenRows: rows.hiddenRows } : {}),
  });
}
