/**
 * A real spreadsheet program reads what `jixiao normalise` writes: LibreOffice Calc (headless)
 * converts the .xlsx of every seed fixture to CSV, and every cell equals our own CSV of the same
 * table. Skipped when LibreOffice is not installed (`.ci/run` installs `libreoffice-calc`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CliIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { convertAll, findSoffice } from '../templates/soffice';
import { parseCsv } from './csv';

const SOFFICE = findSoffice();
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
      const [converted] = await convertAll([xlsx], filter, dir, () => [
        '汇总-指标.csv',
        '汇总-项目资金.csv',
      ]);
      if (converted.status === 'rejected') throw converted.reason;
      const lo = converted.value[0];

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
      // a cold LibreOffice profile is made and warmed on first use (test/templates/soffice.ts)
    }, 480_000);
  },
);
