/** Workbooks and hosts for the live checker's tests. */
import { projectFormsSheet, projectFormsWorkbook } from '../../bench/generate';
import { checkSheet, type Finding, type SheetData } from '../../src/engine';
import { MemoryWorkbookHost } from '../../src/adapters/memory';
import type { WorkbookHost } from '../../src/host/types';
import { LiveChecker, ManualScheduler, type LiveCheckerOptions } from '../../src/live';
import { MAX_COLS, type FakeCell, type FakeExcel } from '../office/fake-excel';
import { fakeBook, unwrap } from '../office/helpers';

export { flush, syncsOf, unwrap } from '../office/helpers';

export const SHEET = '项目1';

/** Row offsets inside a generated project form (see bench/generate.ts). */
export const FORM = {
  /** the indicator table's header row */
  header: 8,
  /** first indicator row; its value is in column E */
  firstIndicator: 9,
  /** rows per form, the blank row after it included */
  height: 30,
} as const;

export function memoryBook(forms: number): {
  host: MemoryWorkbookHost;
  formTops: number[];
} {
  const g = projectFormsSheet(SHEET, forms, 20);
  return { host: MemoryWorkbookHost.fromData([g.sheet]), formTops: g.formTops };
}

export function memoryWorkbook(forms: number, sheets: number): MemoryWorkbookHost {
  return MemoryWorkbookHost.fromData(projectFormsWorkbook(forms, 20, sheets).workbook.sheets);
}

export function live(
  host: WorkbookHost,
  options: LiveCheckerOptions = {},
): { checker: LiveChecker; clock: ManualScheduler } {
  const clock = new ManualScheduler();
  const checker = new LiveChecker(host, {
    scheduler: clock,
    yieldToUi: () => Promise.resolve(),
    ...options,
  });
  return { checker, clock };
}

/** Lets the debounce elapse and waits for the update. */
export async function settle(checker: LiveChecker, clock: ManualScheduler): Promise<void> {
  clock.advance(1000);
  await checker.idle();
}

/** What a fresh full check of the sheet says, comparable with the live checker's findings. */
export function essentials(findings: ReadonlyArray<Finding>): string[] {
  return findings.map((f) => `${f.cell} ${f.severity} ${f.rule} #${f.form} ${f.message}`);
}

export async function fullCheck(host: WorkbookHost, sheet: string): Promise<string[]> {
  const data: SheetData = unwrap(await host.readSheet(sheet));
  return essentials(checkSheet(data).findings);
}

export function liveFindings(checker: LiveChecker, sheet: string): string[] {
  const s = checker.getState().sheets.find((x) => x.sheet === sheet);
  return essentials(s?.findings ?? []);
}

export function fakeLiveBook(forms: number) {
  return fakeBook(forms, 1);
}

/** The counting fake has no row deletion: cells and merges move up, Excel raises RowDeleted. */
export function fakeDeleteRows(fake: FakeExcel, sheetName: string, top: number, count: number) {
  const s = fake.sheet(sheetName);
  const moved = new Map<number, FakeCell>();
  for (const [k, c] of s.cells) {
    const row = Math.floor(k / MAX_COLS);
    const col = k % MAX_COLS;
    if (row >= top && row < top + count) continue;
    moved.set((row >= top + count ? row - count : row) * MAX_COLS + col, c);
  }
  s.cells = moved;
  s.merges = s.merges
    .filter((m) => m.top >= top + count || m.bottom < top)
    .map((m) =>
      m.top >= top + count ? { ...m, top: m.top - count, bottom: m.bottom - count } : m,
    );
  fake.dispatchChanged([
    {
      worksheetId: s.id,
      address: `${top + 1}:${top + count}`,
      changeType: 'RowDeleted',
      source: 'Local',
      triggerSource: 'Unknown',
      type: 'WorksheetChanged',
    },
  ]);
}

/** Cells the add-in highlighted on a fake sheet, as `row,col` → marker formula. */
export function fakeHighlights(fake: FakeExcel, sheetName: string): Set<string> {
  const out = new Set<string>();
  for (const cf of fake.sheet(sheetName).conditionalFormats) {
    if (!cf.formula?.includes('jixiao:')) continue;
    for (const r of cf.ranges)
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) out.add(`${row},${col}`);
  }
  return out;
}
