export * from './types';
export {
  MemoryWorkbookHost,
  type GridCellView,
  type GridView,
  type MemoryHostOptions,
} from './memory';
export { uniqueSheetName, cleanSheetName } from './names';
export { HIGHLIGHT_STYLES, markerFormula, markerSeverity } from './highlights';
