/**
 * Builds the test workbooks in fixtures/seeds/ (and fixtures/layouts/) from the text of the real
 * forms in fixtures/seed-text/, laid out as a clerk would type them. Run with `npm run fixtures`;
 * the output is committed so that tests and the quick start need no build step.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeXlsx, type SheetToWrite } from '../src/adapters/xlsx';

export interface FixtureWorkbook {
  /** file name under fixtures/<dir>/ */
  readonly file: string;
  /** folder under fixtures/; `seeds` when not given */
  readonly dir?: string;
  readonly sheets: ReadonlyArray<SheetToWrite>;
}

export type FixtureBuilder = () => FixtureWorkbook[];

const OUT = path.resolve(__dirname, '..', 'fixtures');

async function main(): Promise<void> {
  const builders: Array<[string, () => Promise<{ build: FixtureBuilder }>]> = [
    ['tianjin', () => import('./fixtures/tianjin')],
    ['guangzhou', () => import('./fixtures/guangzhou')],
    ['zhanjiang', () => import('./fixtures/zhanjiang')],
    ['layouts', () => import('./fixtures/layouts')],
  ];
  for (const [name, load] of builders) {
    let mod: { build: FixtureBuilder };
    try {
      mod = await load();
    } catch (e) {
      console.error(`skip ${name}: ${(e as Error).message}`);
      continue;
    }
    for (const wb of mod.build()) {
      const dir = path.join(OUT, wb.dir ?? 'seeds');
      fs.mkdirSync(dir, { recursive: true });
      const bytes = await writeXlsx(wb.sheets);
      fs.writeFileSync(path.join(dir, wb.file), bytes);
      console.log(`wrote fixtures/${wb.dir ?? 'seeds'}/${wb.file}`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
