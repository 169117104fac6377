/** The 导出 domain: progress and the result of the last export. */
import type { Progress, RunStatus } from '../check/state';

export type ExportTarget = 'sheets' | 'xlsx' | 'csv-indicators' | 'csv-projects';

export interface ExportResult {
  readonly target: ExportTarget;
  /** new sheets written, or the file downloaded */
  readonly names: ReadonlyArray<string>;
  readonly indicatorRows: number;
  readonly projectRows: number;
}

export interface ExportState {
  readonly status: RunStatus;
  readonly target: ExportTarget | null;
  readonly progress: Progress | null;
  readonly error: string | null;
  readonly result: ExportResult | null;
}

export const initialExportState: ExportState = {
  status: 'idle',
  target: null,
  progress: null,
  error: null,
  result: null,
};

export type ExportAction =
  | { type: 'export/started'; target: ExportTarget }
  | { type: 'export/progress'; progress: Progress }
  | { type: 'export/finished'; result: ExportResult }
  | { type: 'export/cancelled' }
  | { type: 'export/failed'; message: string }
  | { type: 'export/dismissed' };

export function exportReducer(state: ExportState, action: ExportAction): ExportState {
  switch (action.type) {
    case 'export/started':
      return {
        status: 'running',
        target: action.target,
        progress: null,
        error: null,
        result: null,
      };
    case 'export/progress':
      return { ...state, progress: action.progress };
    case 'export/finished':
      return { ...state, status: 'done', progress: null, result: action.result };
    case 'export/cancelled':
      return { ...state, status: 'cancelled', progress: null };
    case 'export/failed':
      return { ...state, status: 'error', progress: null, error: action.message };
    case 'export/dismissed':
      return { ...state, error: null };
    default:
      return state;
  }
}
