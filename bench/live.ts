/**
 * The live checker: round trips per edit on the counting Excel fake, and the time from a person's
 * edit to the highlights written on the in-memory workbook, for 10, 100 and 1,000 project forms
 * stacked on one sheet (the hardest case: the edited sheet holds every form, so anything the
 * checker or the host does per sheet grows with the workbook) and spread over ten sheets.
 * The one-sheet case also gets a ratio (`oneSheet`): 10 against 1,000 forms on the one sheet,
 * edited in turn so that a busy machine slows both alike (goal: ≤ 2×, with ≤ 2 syncs per edit).
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

/** The one-sheet case: edit → highlight at 1,000 forms against 10, all on the edited sheet. */
export interface OneSheetBench {
  /** median CPU milliseconds per edit, 10 forms on one sheet */
  forms10Ms: number;
  /** the same with 1,000 forms on that sheet */
  forms1000Ms: number;
  /** forms1000Ms / forms10Ms (goal ≤ 2) */
  ratio: number;
  /** the most context.sync calls one edit took on the counting Excel fake, either size */
  syncsPerEdit: number;
}

export interface LiveBenchResult {
  oneSheet: OneSheetBench;
  runs: LiveBench[];
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

/** A live checker on an in-memory workbook, and one timed edit (alternating wrong and right). */
async function editSession(forms: number, sheets: number) {
  const { g, all } = workbook(forms, sheets);
  const host = MemoryWorkbookHost.fromData(all);
  const live = new LiveChecker(host, { debounceMs: 0 });
  await live.start();
  const cell = `E${g.formTops[Math.floor(g.formTops.length / 2)] + FIRST_INDICATOR + 2}`;
  let i = 0;
  const edit = async (): Promise<{ wall: number; cpu: number }> => {
    const wrong = i++ % 2 === 0;
    const t0 = performance.now();
    const c0 = cpuMs();
    host.userEdit(SHEET, cell, wrong ? '《15万元' : '≥12份');
    await live.idle();
    const out = { wall: performance.now() - t0, cpu: cpuMs() - c0 };
    if ((host.highlightAt(SHEET, cell) === 'error') !== wrong)
      throw new Error('bench: the edit was not highlighted as expected');
    return out;
  };
  return { edit, stop: () => live.stop() };
}

const median = (xs: number[]) => round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);

async function editToHighlight(
  forms: number,
  sheets: number,
): Promise<{ wall: number; cpu: number }> {
  const s = await editSession(forms, sheets);
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < EDITS + WARM_UP; i++) {
    const t = await s.edit();
    if (i >= WARM_UP) {
      samples.push(t.wall);
      cpu.push(t.cpu);
    }
  }
  await s.stop();
  return { wall: median(samples), cpu: median(cpu) };
}

/** 10 against 1,000 forms on one sheet, edited in turn (CPU time: steadier than the wall clock). */
async function oneSheet(): Promise<OneSheetBench> {
  const small = await editSession(10, 1);
  const large = await editSession(1000, 1);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < WARM_UP + EDITS * 2; i++) {
    const [x, y] = [(await small.edit()).cpu, (await large.edit()).cpu];
    if (i >= WARM_UP) {
      a.push(x);
      b.push(y);
    }
  }
  await small.stop();
  await large.stop();
  const forms10Ms = median(a);
  const forms1000Ms = median(b);
  const syncs = Math.max(await syncsPerEdit(10, 1), await syncsPerEdit(1000, 1));
  return {
    forms10Ms,
    forms1000Ms,
    ratio: Math.round((forms1000Ms / forms10Ms) * 100) / 100,
    syncsPerEdit: syncs,
  };
}

export async function benchLive(): Promise<LiveBenchResult> {
  const runs: LiveBench[] = [];
  // one unrecorded round first: the first series would otherwise also time the JIT warming up
  await editToHighlight(SIZES[SIZES.length - 1], 1);
  for (const sheets of LAYOUTS)
    for (const forms of SIZES) {
      const syncs = await syncsPerEdit(forms, sheets);
      const t = await editToHighlight(forms, sheets);
      runs.push({
        forms,
        sheets,
        syncsPerEdit: syncs,
        editToHighlightMs: t.wall,
        editToHighlightCpuMs: t.cpu,
      });
    }
  return { oneSheet: await oneSheet(), runs };
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
