/** What every command gets: the workbook host, the store and the environment's capabilities. */
import type { CheckOptions } from '../engine';
import type { WorkbookHost } from '../host/types';
import type { LiveChecker } from '../live';
import type { Store } from './store';
import type { CheckAction, CheckState } from './check/state';
import type { ExportAction, ExportState } from './export/state';
import type { TemplatesAction, TemplatesState } from './templates/state';
import type { SelectionAction, SelectionState } from './selection';
import type { FindingTexts } from './check/texts';

export interface AppState {
  readonly templates: TemplatesState;
  readonly check: CheckState;
  readonly export: ExportState;
  /** the one selection the pane, the grid and the remark target follow */
  readonly selection: SelectionState;
}

export type AppAction = TemplatesAction | CheckAction | ExportAction | SelectionAction;

/** Saves bytes as a file the user downloads (a Blob link in the browser). */
export type Downloader = (bytes: Uint8Array, fileName: string, mimeType: string) => void;

export interface AppContext {
  readonly host: WorkbookHost;
  readonly store: Store<AppState, AppAction>;
  readonly options: CheckOptions;
  /** the workbook's name for exports (`来源文件`), without extension */
  readonly source: () => string;
  readonly download: Downloader;
  /** milliseconds since the epoch (tests pass a fixed clock) */
  readonly now: () => number;
  /** the running live checker, if any: writes go through it so that it re-checks them */
  readonly live?: () => LiveChecker | null;
  /** the cell text of each finding, for fix labels */
  readonly texts: FindingTexts;
}
