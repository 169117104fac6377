/** The live checker: incremental re-checks as people type, for the task pane (UI-agnostic). */
export { LiveChecker, DEFAULT_DEBOUNCE_MS } from './checker';
export { checkAllSheets, checkSheetData } from './pass';
export type { PassOptions, PassResult, SheetCheck } from './pass';
export { ManualScheduler, realScheduler, isAbortError, yieldToEventLoop } from './scheduler';
export type { Scheduler } from './scheduler';
export { gridFromRows } from './grid';
export * from './types';
