import type { CellValue } from './cell';
import type { Range } from './address';

/** One worksheet as plain data: the cell values row by row (rows may be ragged) and its merged areas. */
export interface SheetData {
  readonly name: string;
  readonly cells: ReadonlyArray<ReadonlyArray<CellValue>>;
  readonly merges: ReadonlyArray<Range>;
}

/** A workbook as plain data, the one input the engine takes. */
export interface WorkbookData {
  readonly sheets: ReadonlyArray<SheetData>;
}
