/**
 * Reading and checking sheets as long work: a few sheets per read (one round trip for several),
 * then one sheet at a time with a yield to the UI between sheets, progress and cancellation.
 */
import { checkSheet, Grid, type CheckOptions, type SheetReport } from '../engine';
import type { SheetData } from '../engine';
import { isNormalisedExport } from '../engine/normalise';
import { READ_BATCH, readSheetBatch } from '../host/read';
import type { WorkbookHost } from '../host/types';
import { errorMessage, unwrap } from './errors';
import { chunks, throwIfAborted, yieldToUi } from './schedule';

export interface SheetWorkHooks {
  readonly signal?: AbortSignal;
  /** before a sheet is checked: `done` sheets of `total` finished */
  readonly onProgress?: (done: number, total: number, sheet: string) => void;
  readonly onSheet?: (report: SheetReport, data: SheetData) => void;
  /** a sheet that could not be read, with the Chinese reason */
  readonly onSkip?: (sheet: string, message: string) => void;
}

/**
 * A sheet that an export wrote (its first row is the 指标 or 项目资金 header). It holds no forms; left
 * to the engine, its 一级/二级/三级 columns would be read as forms and every row reported.
 */
export function isNormalisedSheet(sheet: SheetData): boolean {
  return isNormalisedExport(new Grid(sheet));
}

/** Visible sheets in tab order. */
export async function visibleSheets(host: WorkbookHost): Promise<string[]> {
  const list = unwrap(await host.listSheets());
  return list.filter((s) => s.visible).map((s) => s.name);
}

/** Reads and checks the sheets; resolves with the reports of those checked. Throws AbortError. */
export async function checkSheets(
  host: WorkbookHost,
  names: ReadonlyArray<string>,
  options: CheckOptions,
  hooks: SheetWorkHooks = {},
): Promise<SheetReport[]> {
  const { signal, onProgress, onSheet, onSkip } = hooks;
  const reports: SheetReport[] = [];
  let done = 0;
  for (const batch of chunks(names, READ_BATCH)) {
    throwIfAborted(signal);
    onProgress?.(done, names.length, batch[0]);
    const data = await readSheetBatch(host, batch, (sheet, error) => {
      done++;
      onSkip?.(sheet, error.message);
    });
    for (const sheet of data) {
      throwIfAborted(signal);
      onProgress?.(done, names.length, sheet.name);
      await yieldToUi();
      throwIfAborted(signal);
      let report: SheetReport;
      try {
        report = isNormalisedSheet(sheet)
          ? { sheet: sheet.name, forms: [], findings: [] }
          : checkSheet(sheet, options);
      } catch (e) {
        done++;
        onSkip?.(sheet.name, `工作表“${sheet.name}”无法检查：${errorMessage(e, '检查')}`);
        continue;
      }
      done++;
      reports.push(report);
      onSheet?.(report, sheet);
    }
  }
  onProgress?.(done, names.length, '');
  return reports;
}
