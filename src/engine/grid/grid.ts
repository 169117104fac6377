import { cellText, type CellValue } from './cell';
import type { CellRef, Range } from './address';
import type { SheetData } from './sheet';

const NO_COLS: number[] = [];

/**
 * Read access to one sheet with merged areas resolved: every cell of a merged area reads as its
 * top-left cell, which is how a clerk sees a merged label or 一级指标 cell.
 */
export class Grid {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly cells: SheetData['cells'];
  private readonly merges: SheetData['merges'];
  private readonly formulas: SheetData['formulas'];
  private readonly hiddenRows: ReadonlySet<number>;
  private readonly hiddenCols: ReadonlySet<number>;
  /** row -> list of merges that cover that row; built once. */
  private readonly mergesByRow: Range[][] = [];

  constructor(sheet: SheetData) {
    this.name = sheet.name;
    this.cells = sheet.cells;
    this.merges = sheet.merges;
    this.formulas = sheet.formulas;
    this.hiddenRows = new Set(sheet.hiddenRows ?? []);
    this.hiddenCols = new Set(sheet.hiddenCols ?? []);
    this.rowCount = sheet.cells.length;
    let cols = 0;
    // forEach skips the holes of a sparse row array
    sheet.cells.forEach((row) => {
      if (row && row.length > cols) cols = row.length;
    });
    for (const m of sheet.merges) {
      if (m.right + 1 > cols) cols = m.right + 1;
      for (let r = m.top; r <= m.bottom; r++) {
        const list = this.mergesByRow[r];
        if (list) list.push(m);
        else this.mergesByRow[r] = [m];
      }
    }
    this.colCount = cols;
  }

  /** The value stored in this very cell (blank for the non-anchor cells of a merge). */
  raw(row: number, col: number): CellValue {
    const r = this.cells[row];
    if (!r) return null;
    const v = r[col];
    return v === undefined ? null : v;
  }

  /** The merged area that covers the cell, if any. */
  mergeAt(row: number, col: number): Range | undefined {
    const list = this.mergesByRow[row];
    if (!list) return undefined;
    for (const m of list) if (col >= m.left && col <= m.right) return m;
    return undefined;
  }

  /** The top-left cell of the merge covering this cell, or the cell itself. */
  anchor(row: number, col: number): CellRef {
    const m = this.mergeAt(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** The value a clerk sees in this cell: a merged area's value in all its cells. */
  value(row: number, col: number): CellValue {
    const a = this.anchor(row, col);
    return this.raw(a.row, a.col);
  }

  /** `value()` as trimmed text ('' for blanks and error values). */
  text(row: number, col: number): string {
    return cellText(this.value(row, col));
  }

  /** True when the cell shows nothing. */
  isBlank(row: number, col: number): boolean {
    return this.text(row, col) === '';
  }

  /** Number of cells in the row that hold something (a quick "is this row empty" test). */
  rowWidth(row: number): number {
    const r = this.cells[row];
    return r ? r.length : 0;
  }

  /** The formula of this very cell without its `=` (its value is the cached result), or undefined. */
  formula(row: number, col: number): string | undefined {
    return this.formulas?.[row]?.[col];
  }

  /** True when the cell a clerk sees at (row, col) (a merge's anchor) holds a formula. */
  isFormula(row: number, col: number): boolean {
    const a = this.anchor(row, col);
    return this.formula(a.row, a.col) !== undefined;
  }

  isRowHidden(row: number): boolean {
    return this.hiddenRows.has(row);
  }

  isColHidden(col: number): boolean {
    return this.hiddenCols.has(col);
  }

  /**
   * Zero-based indices of the rows that store at least one cell, ascending; built once. Readers walk
   * these instead of every row index, so a far cell (one value at row 1,048,576) costs nothing.
   */
  usedRows(): ReadonlyArray<number> {
    if (this.used === null) {
      const out: number[] = [];
      this.cells.forEach((row, i) => {
        if (row && row.length > 0) out.push(i);
      });
      this.used = out;
    }
    return this.used;
  }

  private used: number[] | null = null;

  /**
   * Zero-based columns of the cells stored in `row` with a value (null and holes skipped),
   * ascending; built once per row. Readers walk these instead of every column index, so a row whose
   * one value sits at XFD costs its stored cells, never 16,384 look-ups per call.
   */
  storedCols(row: number): ReadonlyArray<number> {
    const hit = this.stored[row];
    if (hit) return hit;
    const r = this.cells[row];
    let out: number[] = NO_COLS;
    if (r && r.length > 0) {
      out = [];
      // forEach skips the holes of a sparse row array
      r.forEach((v, c) => {
        if (v !== null && v !== undefined) out.push(c);
      });
    }
    this.stored[row] = out;
    return out;
  }

  private readonly stored: number[][] = [];

  /** The last column of `row` that holds a value or is covered by a merge; -1 when none. */
  rowExtent(row: number): number {
    const cols = this.storedCols(row);
    let last = cols.length > 0 ? cols[cols.length - 1] : -1;
    for (const m of this.mergesByRow[row] ?? []) if (m.right > last) last = m.right;
    return last;
  }

  /** All merged areas of the sheet. */
  allMerges(): ReadonlyArray<Range> {
    return this.merges;
  }
}
