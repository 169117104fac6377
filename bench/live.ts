/**
 * The live checker: round trips per edit on the counting Excel fake, and the time from a person's
 * edit to the highlights written on the in-memory workbook, for 10, 100 and 1,000 project forms
 * stacked on one sheet (the hardest case: every edit rewrites that sheet's highlights).
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
  syncsPerEdit: number;
  editToHighlightMs: number;
}

const SIZES = [10, 100, 1000];
const EDITS = 60;
const WARM_UP = 20;
const SHEET = '项目1';
/** first indicator row of a generated form, and the value column */
const FIRST_INDICATOR = 9;

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

async function syncsPerEdit(forms: number): Promise<number> {
  const g = projectFormsSheet(SHEET, forms, 20);
  const fake = fakeFromSheets([g.sheet]);
  const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
  const live = new LiveChecker(host, { debounceMs: 0 });
  await live.start();
  const row = g.formTops[Math.floor(forms / 2)] + FIRST_INDICATOR + 1;
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

async function editToHighlightMs(forms: number): Promise<number> {
  const g = projectFormsSheet(SHEET, forms, 20);
  const host = MemoryWorkbookHost.fromData([g.sheet]);
  const live = new LiveChecker(host, { debounceMs: 0 });
  await live.start();
  const row = g.formTops[Math.floor(forms / 2)] + FIRST_INDICATOR + 1;
  const samples: number[] = [];
  for (let i = 0; i < EDITS + WARM_UP; i++) {
    const t0 = performance.now();
    host.userEdit(SHEET, `E${row + 1}`, i % 2 === 0 ? '《15万元' : '≥12份');
    await live.idle();
    const ms = performance.now() - t0;
    if (i >= WARM_UP) samples.push(ms);
    if ((host.highlightAt(SHEET, `E${row + 1}`) === 'error') !== (i % 2 === 0))
      throw new Error('bench: the edit was not highlighted as expected');
  }
  await live.stop();
  samples.sort((a, b) => a - b);
  return round(samples[Math.floor(samples.length / 2)]);
}

export async function benchLive(): Promise<LiveBench[]> {
  const out: LiveBench[] = [];
  for (const forms of SIZES) {
    out.push({
      forms,
      syncsPerEdit: await syncsPerEdit(forms),
      editToHighlightMs: await editToHighlightMs(forms),
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
