/**
 * Builds the test workbooks in fixtures/seeds/ from the text of the real forms in
 * fixtures/seed-text/, laid out as a clerk would type them. Run with `npm run fixtures`; the output
 * is committed so that tests and the quick start need no build step.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeXlsx, type SheetToWrite } from '../src/adapters/xlsx';

export interface FixtureWorkbook {
  /** file name under fixtures/seeds/ */
  readonly file: string;
  readonly sheets: ReadonlyArray<SheetToWrite>;
}

export type FixtureBuilder = () => FixtureWorkbook[];

const OUT = path.resolve(__dirname, '..', 'fixtures', 'seeds');

async function main(): Promise<void> {
  const builders: Array<[string, () => Promise<{ build: FixtureBuilder }>]> = [
    ['tianjin', () => import('./fixtures/tianjin')],
    ['guangzhou', () => import('./fixtures/guangzhou')],
    ['zhanjiang', () => import('./fixtures/zhanjiang')],
  ];
  fs.mkdirSync(OUT, { recursive: true });
  for (const [name, load] of builders) {
    let mod: { build: FixtureBuilder };
    try {
      mod = await load();
    } catch (e) {
      console.error(`skip ${name}: ${(e as Error).message}`);
      continue;
    }
    for (const wb of mod.build()) {
      const bytes = await writeXlsx(wb.sheets);
      fs.writeFileSync(path.join(OUT, wb.file), bytes);
      console.log(`wrote fixtures/seeds/${wb.file}`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
