/** What the app needs from a workbook (`WorkbookHost`) and the helpers every host shares. */
export * from './types';
export { uniqueSheetName, cleanSheetName } from './names';
export { HIGHLIGHT_STYLES, markerFormula, markerSeverity } from './highlights';
export { READ_BATCH, readSheetBatch } from './read';
