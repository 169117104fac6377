/**
 * A real spreadsheet program reads what `jixiao normalise` writes: LibreOffice Calc (headless)
 * converts the .xlsx of every seed fixture to CSV, and every cell equals our own CSV of the same
 * table. Skipped when LibreOffice is not installed (`.ci/run` installs `libreoffice-calc`).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CliIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { parseCsv } from './csv';

function soffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const p = path.join(dir, name);
      if (fs.existsSync(p)) return p;
    }
  }
  return null;
}

const SOFFICE = soffice();
const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'seeds');
const seeds = fs.existsSync(FIXTURES)
  ? fs
      .readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => path.join(FIXTURES, f))
  : [];

const quiet: CliIO = { out: () => undefined, err: () => undefined };

(SOFFICE && seeds.length ? describe : describe.skip)(
  'LibreOffice reads the normalised .xlsx',
  () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-normalise-lo-'));
    });
    afterAll(() => {
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('converts both sheets and gives the same cells as our CSV', async () => {
      const xlsx = path.join(dir, '汇总.xlsx');
      const csv = path.join(dir, '汇总.csv');
      expect(await main(['normalise', ...seeds, '-o', xlsx, '--csv', csv], quiet)).toBe(0);

      // comma, double quote, UTF-8, from row 1, raw values (not as shown), every sheet
      const filter =
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
      const profile = `file://${path.join(dir, 'lo-profile')}`;
      execFileSync(
        SOFFICE as string,
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--convert-to',
          filter,
          '--outdir',
          dir,
          xlsx,
        ],
        { stdio: 'pipe', timeout: 120_000 },
      );
      const lo = path.join(dir, '汇总-指标.csv');
      expect(fs.existsSync(lo)).toBe(true);
      expect(fs.existsSync(path.join(dir, '汇总-项目资金.csv'))).toBe(true);

      const ours = parseCsv(fs.readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''));
      const theirs = parseCsv(fs.readFileSync(lo, 'utf8'), { bareLf: true });
      expect(theirs).toHaveLength(ours.length);
      const diffs: string[] = [];
      ours.forEach((row, i) => {
        row.forEach((cell, j) => {
          const mine = cell.replace(/^'(?=[=+\-@])/, '').replace(/\r\n/g, '\n');
          const calc = (theirs[i][j] ?? '').replace(/\r\n/g, '\n');
          const same =
            mine === calc || (mine !== '' && calc !== '' && Number(mine) === Number(calc));
          if (!same)
            diffs.push(`${i + 1}:${j + 1} ${JSON.stringify(mine)} ≠ ${JSON.stringify(calc)}`);
        });
      });
      expect(diffs.slice(0, 10)).toEqual([]);
    });
  },
);
