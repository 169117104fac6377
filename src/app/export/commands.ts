/**
 * 导出 commands: the normalised sheets (docs/domain.md §5) written into new worksheets, or downloaded as
 * .xlsx or .csv. The .xlsx/.csv writer (exceljs) is loaded only when a download is asked for.
 */
import {
  headerRow,
  normalise,
  rowCells,
  type NormalisedTable,
  type NormalisedWorkbook,
} from '../../engine/normalise';
import type { AppContext } from '../context';
import { AppError, errorMessage, isAbort, unwrap } from '../errors';
import { checkSheets, visibleSheets } from '../workbook';
import { moveSelection } from '../selection';
import type { ExportTarget } from './state';

/** Either table, whatever its row type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTable = NormalisedTable<any>;

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_MIME = 'text/csv;charset=utf-8';

/** Reads and checks every sheet, then normalises: the two tables. */
async function collect(ctx: AppContext, signal?: AbortSignal): Promise<NormalisedWorkbook> {
  const names = await visibleSheets(ctx.host);
  const reports = await checkSheets(ctx.host, names, ctx.options, {
    signal,
    onProgress: (done, total, sheet) =>
      ctx.store.dispatch({ type: 'export/progress', progress: { done, total, sheet } }),
  });
  const wb = normalise([{ source: ctx.source(), sheets: reports }]);
  if (wb.indicators.rows.length === 0 && wb.projects.rows.length === 0)
    throw new AppError('工作簿中没有找到绩效目标表，没有可导出的内容。');
  return wb;
}

function safeFileName(s: string): string {
  return s.replace(/[\\/:*?"<>|]/g, '_').trim() || '工作簿';
}

export async function runExport(
  ctx: AppContext,
  target: ExportTarget,
  signal?: AbortSignal,
): Promise<void> {
  const { store, host } = ctx;
  if (store.getState().export.status === 'running') return;
  store.dispatch({ type: 'export/started', target });
  try {
    const wb = await collect(ctx, signal);
    const counts = {
      indicatorRows: wb.indicators.rows.length,
      projectRows: wb.projects.rows.length,
    };
    const base = safeFileName(ctx.source());
    if (target === 'sheets') {
      const names: string[] = [];
      for (const table of [wb.indicators, wb.projects] as ReadonlyArray<AnyTable>) {
        const rows = table.rows.map((r) => rowCells(table.columns, r));
        names.push(unwrap(await host.writeTable(table.name, headerRow(table), rows)));
      }
      // writing activates the new sheets: select the first one's A1 so that everything agrees
      await moveSelection(host, store.dispatch, names[0], 'A1');
      store.dispatch({ type: 'export/finished', result: { target, names, ...counts } });
      return;
    }
    const writer = await import(
      /* webpackChunkName: "xlsx-writer" */ '../../adapters/xlsx/normalised-writer'
    );
    let fileName: string;
    if (target === 'xlsx') {
      fileName = `${base}-规范化.xlsx`;
      ctx.download(await writer.writeNormalisedXlsx(wb), fileName, XLSX_MIME);
    } else {
      const table = target === 'csv-indicators' ? wb.indicators : wb.projects;
      fileName = `${base}-${table.name}.csv`;
      ctx.download(writer.toCsvBytes(table), fileName, CSV_MIME);
    }
    store.dispatch({ type: 'export/finished', result: { target, names: [fileName], ...counts } });
  } catch (e) {
    if (isAbort(e)) store.dispatch({ type: 'export/cancelled' });
    else store.dispatch({ type: 'export/failed', message: errorMessage(e, '导出') });
  }
}
