/**
 * The full pass: every sheet read (a few per round trip) and checked one at a time, with progress,
 * a yield between sheets and cancellation between sheets. Shared by the live checker's start and
 * the reviewer's pass.
 */
import {
  checkForm,
  Grid,
  readSheet,
  resolveOptions,
  type CheckOptions,
  type Finding,
  type Form,
  type SheetData,
} from '../engine';
import { READ_BATCH, readSheetBatch } from '../host/read';
import type { HostError, WorkbookHost } from '../host/types';
import { yieldToEventLoop } from './scheduler';

export interface SheetCheck {
  readonly sheet: string;
  /** rows of the sheet as read */
  readonly rowCount: number;
  readonly forms: ReadonlyArray<Form>;
  /** findings per form, same order as `forms` */
  readonly findings: ReadonlyArray<ReadonlyArray<Finding>>;
}

export interface PassOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (sheetIndex: number, total: number, sheet: string) => void;
  /** called as each sheet is checked */
  readonly onSheet?: (result: SheetCheck) => void;
  readonly yieldToUi?: () => Promise<void>;
  readonly check?: Partial<CheckOptions>;
  readonly includeHidden?: boolean;
  readonly readBatch?: number;
  /** only these sheets (default: every sheet, hidden ones only with `includeHidden`) */
  readonly sheets?: ReadonlyArray<string>;
}

export interface PassResult {
  /** sheet names in tab order, as planned */
  readonly names: ReadonlyArray<string>;
  /** hidden sheets left out */
  readonly hidden: ReadonlyArray<string>;
  readonly results: ReadonlyArray<SheetCheck>;
  readonly skipped: ReadonlyArray<HostError>;
  readonly cancelled: boolean;
}

/** Detects and checks every form of one sheet. */
export function checkSheetData(data: SheetData, options: CheckOptions): SheetCheck {
  const forms = readSheet(new Grid(data));
  return {
    sheet: data.name,
    rowCount: data.cells.length,
    forms,
    findings: forms.map((f, i) => checkForm(f, i, options)),
  };
}

export async function checkAllSheets(
  host: WorkbookHost,
  opts: PassOptions = {},
): Promise<PassResult> {
  const options = resolveOptions(opts.check);
  const pause = opts.yieldToUi ?? yieldToEventLoop;
  const skipped: HostError[] = [];
  const results: SheetCheck[] = [];
  let names: string[];
  let hidden: string[] = [];
  if (opts.sheets) names = [...opts.sheets];
  else {
    const list = await host.listSheets();
    if (!list.ok)
      return { names: [], hidden: [], results, skipped: [list.error], cancelled: false };
    names = list.value.filter((s) => s.visible || opts.includeHidden).map((s) => s.name);
    hidden = list.value.filter((s) => !s.visible && !opts.includeHidden).map((s) => s.name);
  }
  const total = names.length;
  const batch = Math.max(1, opts.readBatch ?? READ_BATCH);
  let index = 0;
  const aborted = (): boolean => opts.signal?.aborted === true;
  for (let start = 0; start < names.length; start += batch) {
    if (aborted()) return { names, hidden, results, skipped, cancelled: true };
    const group = names.slice(start, start + batch);
    opts.onProgress?.(index, total, group[0]);
    const data = await readSheetBatch(host, group, (_, error) => skipped.push(error));
    index += group.length - data.length;
    for (const sheet of data) {
      if (aborted()) return { names, hidden, results, skipped, cancelled: true };
      opts.onProgress?.(index, total, sheet.name);
      await pause();
      if (aborted()) return { names, hidden, results, skipped, cancelled: true };
      const result = checkSheetData(sheet, options);
      results.push(result);
      opts.onSheet?.(result);
      index++;
    }
  }
  opts.onProgress?.(total, total, '');
  return { names, hidden, results, skipped, cancelled: false };
}
