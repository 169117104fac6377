import type { CellValue } from './cell';
import type { Range } from './address';

/** Whether a sheet shows as a tab: `hidden` can be unhidden by the user, `veryHidden` only by code. */
export type SheetState = 'visible' | 'hidden' | 'veryHidden';

/**
 * One worksheet as plain data: the cell values row by row and its merged areas. Rows are ragged (a
 * row stops at its last stored cell) and may hold holes (read as blank); rows that store nothing
 * may all share one frozen empty array, so a sheet with one value at XFD1048576 costs one pointer
 * per row, never the bounding box. Everything but `name`, `cells` and `merges` is optional: an
 * adapter that does not know it leaves it out.
 */
export interface SheetData {
  readonly name: string;
  readonly cells: ReadonlyArray<ReadonlyArray<CellValue>>;
  readonly merges: ReadonlyArray<Range>;
  /**
   * Formula text (without the leading `=`) of formula cells, in the same shape as `cells`; the
   * cell's value in `cells` is then the cached result.
   */
  readonly formulas?: ReadonlyArray<ReadonlyArray<string | undefined> | undefined>;
  /** zero-based rows hidden by the user (grouped-and-collapsed rows included) */
  readonly hiddenRows?: ReadonlyArray<number>;
  /** zero-based columns hidden by the user */
  readonly hiddenCols?: ReadonlyArray<number>;
  /** tab visibility; visible when absent */
  readonly state?: SheetState;
}

/** A workbook as plain data, the one input the engine takes. */
export interface WorkbookData {
  readonly sheets: ReadonlyArray<SheetData>;
}
