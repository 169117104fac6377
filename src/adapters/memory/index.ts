/** The in-memory workbook: a `WorkbookHost` over exceljs data, for the standalone page and tests. */
export {
  MemoryWorkbookHost,
  type GridCellView,
  type GridView,
  type MemoryHostOptions,
  type OpenProgress,
} from './host';
export type { CellStyle } from './model';
