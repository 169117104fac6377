/** The application layer: state by domain and the commands the task pane calls. */
export { createApp, appReducer, initialAppState, type App, type AppOptions } from './app';
export type { AppState, AppAction, AppContext, Downloader } from './context';
export { createStore, type Store } from './store';
export { AppError, HostFailure, errorMessage, isAbort, unwrap } from './errors';
export { pickTheme, themeFromBackground, type ThemeName } from './theme';
export { yieldToUi } from './schedule';
export { createLiveMode, liveSheetResult, type LiveMode } from './live';
export * from './check/state';
export * from './check/selectors';
export * from './templates/state';
export * from './export/state';
export { fixLabel, suggestionSummary, FORMULA_ADVICE, type FixLabel } from './check/fix-label';
export { FindingTexts } from './check/texts';
export { isNormalisedSheet } from './workbook';
export {
  activeFormAt,
  findingsInSelection,
  cellLocation,
  type ActiveForm,
  type SelectionState,
} from './selection';
export { inspectActiveForm, type InspectResult } from './inspect';
