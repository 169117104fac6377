/**
 * The live checker: round trips per edit on the counting Excel fake, and the time from a person's
 * edit to the highlights written on the in-memory workbook, for 10, 100 and 1,000 project forms
 * stacked on one sheet (the hardest case: the edited sheet holds every form, so anything the
 * checker or the host does per sheet grows with the workbook) and spread over ten sheets.
 */
import { performance } from 'node:perf_hooks';
import { MemoryWorkbookHost } from '../src/adapters/memory';
import { LiveChecker } from '../src/live';
import { OfficeWorkbookHost } from '../src/office/host';
import { fakeFromSheets } from '../test/office/helpers';
import { projectFormsSheet } from './generate';
import { round } from './timing';

export interface LiveBench {
  forms: number;
  /** sheets the forms are spread over (1: all on the edited sheet) */
  sheets: number;
  syncsPerEdit: number;
  /** median wall-clock time from the edit to the highlights written */
  editToHighlightMs: number;
  /** the same in CPU time of this process (steadier on a busy machine) */
  editToHighlightCpuMs: number;
}

const SIZES = [10, 100, 1000];
const LAYOUTS = [1, 10];
const EDITS = 60;
const WARM_UP = 20;
const SHEET = '项目1';
/** first indicator row of a generated form, and the value column */
const FIRST_INDICATOR = 9;

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** The edited sheet (named SHEET) with its share of the forms, and the other sheets. */
function workbook(forms: number, sheets: number) {
  const per = Math.max(1, Math.ceil(forms / sheets));
  const g = projectFormsSheet(SHEET, per, 20);
  const others = Array.from(
    { length: sheets - 1 },
    (_, i) => projectFormsSheet(`项目${i + 2}`, per, 20, per * (i + 1)).sheet,
  );
  return { g, all: [g.sheet, ...others] };
}

async function syncsPerEdit(forms: number, sheets: number): Promise<number> {
  const { g, all } = workbook(forms, sheets);
  const fake = fakeFromSheets(all);
  const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
  const live = new LiveChecker(host, { debounceMs: 0 });
  await live.start();
  const row = g.formTops[Math.floor(g.formTops.length / 2)] + FIRST_INDICATOR + 1;
  let most = 0;
  for (let i = 0; i < 5; i++) {
    const before = fake.syncCount;
    fake.userEdit(SHEET, `E${row + 1}`, [[i % 2 === 0 ? '《15万元' : '≥12份']]);
    await tick();
    await tick();
    await live.idle();
    most = Math.max(most, fake.syncCount - before);
  }
  await live.stop();
  return most;
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function editToHighlight(
  forms: number,
  sheets: number,
): Promise<{ wall: number; cpu: number }> {
  const { g, all } = workbook(forms, sheets);
  const host = MemoryWorkbookHost.fromData(all);
  const live = new LiveChecker(host, { debounceMs: 0 });
  await live.start();
  const row = g.formTops[Math.floor(g.formTops.length / 2)] + FIRST_INDICATOR + 1;
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < EDITS + WARM_UP; i++) {
    const t0 = performance.now();
    const c0 = cpuMs();
    host.userEdit(SHEET, `E${row + 1}`, i % 2 === 0 ? '《15万元' : '≥12份');
    await live.idle();
    const ms = performance.now() - t0;
    if (i >= WARM_UP) {
      samples.push(ms);
      cpu.push(cpuMs() - c0);
    }
    if ((host.highlightAt(SHEET, `E${row + 1}`) === 'error') !== (i % 2 === 0))
      throw new Error('bench: the edit was not highlighted as expected');
  }
  await live.stop();
  const median = (xs: number[]) => round(xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
  return { wall: median(samples), cpu: median(cpu) };
}

export async function benchLive(): Promise<LiveBench[]> {
  const out: LiveBench[] = [];
  // one unrecorded round first: the first series would otherwise also time the JIT warming up
  await editToHighlight(SIZES[SIZES.length - 1], 1);
  for (const sheets of LAYOUTS)
    for (const forms of SIZES) {
      const syncs = await syncsPerEdit(forms, sheets);
      const t = await editToHighlight(forms, sheets);
      out.push({
        forms,
        sheets,
        syncsPerEdit: syncs,
        editToHighlightMs: t.wall,
        editToHighlightCpuMs: t.cpu,
      });
    }
  return out;
}

// Run alone with `npx tsx bench/live.ts` (a bundle has no module of its own to compare with).
if (/live\.ts$/.test(process.argv[1] ?? '')) {
  benchLive().then(
    (r) => console.log(JSON.stringify(r)),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
