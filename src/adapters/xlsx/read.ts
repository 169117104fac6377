/**
 * Reading .xlsx files: `readXlsx` and `WorkbookReadError` are this adapter's public API; the reader
 * itself lives in ./reader (no exceljs, no Node APIs; see docs/reader.md).
 */
import type { WorkbookData } from '../../engine';
import { readWorkbook, type ReadOptions } from './reader';

export {
  WorkbookReadError,
  DEFAULT_MAX_CELLS,
  DEFAULT_MAX_SIZE,
  type ReadFailureReason,
  type OneShotInflate,
  type ReadOptions,
} from './reader';
export { toCellValue } from './exceljs-values';

/** Reads .xlsx (or .xlsm) bytes into the engine's plain workbook data. Works in Node and in the browser. */
export async function readXlsx(
  bytes: Uint8Array | ArrayBuffer,
  options: ReadOptions = {},
): Promise<WorkbookData> {
  return readWorkbook(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), options);
}
