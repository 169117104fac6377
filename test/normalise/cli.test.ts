import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CliIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { writeXlsx } from '../../src/adapters/xlsx';
import { INDICATOR_COLUMNS, PROJECT_COLUMNS } from '../../src/engine/normalise';
import { projectFormsSheet } from '../../bench/generate';
import { parseCsv } from './csv';
import { runCli, tempDir } from '../helpers/cli';

/** A CliIO that keeps what the command writes. */
function fakeIO(): CliIO & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(t: string) {
      io.stdout += t;
    },
    err(t: string) {
      io.stderr += t;
    },
  };
  return io;
}

let dir: string;
let formsA: string;
let formsB: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-normalise-'));
  // two project forms of 20 indicators, and one form of 5, in the common published layout
  formsA = path.join(dir, '甲单位.xlsx');
  formsB = path.join(dir, '乙单位.xlsx');
  fs.writeFileSync(formsA, await writeXlsx([projectFormsSheet('项目表', 2, 20).sheet]));
  fs.writeFileSync(formsB, await writeXlsx([projectFormsSheet('Sheet1', 1, 5, 7).sheet]));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(...args: string[]) {
  const io = fakeIO();
  const code = await main(['normalise', ...args], io);
  return { code, ...io };
}

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (r) => {
    rows.push((r.values as unknown[]).slice(1));
  });
  return rows;
}

const out = (name: string) => path.join(dir, name);

describe('jixiao normalise', () => {
  it('writes the 指标 and 项目资金 sheets with the headers', async () => {
    const target = out('one.xlsx');
    const r = await run(formsA, '-o', target);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已写出');
    const wb = await readBack(target);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['指标', '项目资金']);
    expect(sheetRows(wb.getWorksheet('指标')!)[0]).toEqual(INDICATOR_COLUMNS.map((c) => c.header));
    expect(sheetRows(wb.getWorksheet('项目资金')!)[0]).toEqual(
      PROJECT_COLUMNS.map((c) => c.header),
    );
  });

  it('writes one row per indicator with numbers as numbers', async () => {
    const target = out('rows.xlsx');
    expect((await run(formsA, '-o', target)).code).toBe(0);
    const rows = sheetRows((await readBack(target)).getWorksheet('指标')!);
    expect(rows).toHaveLength(1 + 40);
    const col = (h: string) => INDICATOR_COLUMNS.findIndex((c) => c.header === h);
    const first = rows[1];
    expect(first[col('来源文件')]).toBe('甲单位.xlsx');
    expect(first[col('项目名称')]).toBe('2026年第1号环境监测项目');
    expect(first[col('预算数')]).toBe(100);
    expect(first[col('三级指标')]).toBe('完成监测点位数量');
    expect(first[col('一级指标')]).toBe('产出指标');
    expect(first[col('期间')]).toBe('年度');
    const projects = sheetRows((await readBack(target)).getWorksheet('项目资金')!);
    expect(
      projects.slice(1).map((p) => p[PROJECT_COLUMNS.findIndex((c) => c.key === 'indicatorCount')]),
    ).toEqual([20, 20]);
  });

  it('puts several inputs into one output with a 来源文件 column', async () => {
    const target = out('both.xlsx');
    const r = await run(formsA, formsB, '-o', target);
    expect(r.code).toBe(0);
    const rows = sheetRows((await readBack(target)).getWorksheet('指标')!);
    const sources = rows.slice(1).map((row) => row[0]);
    expect(sources.filter((s) => s === '甲单位.xlsx')).toHaveLength(40);
    expect(sources.filter((s) => s === '乙单位.xlsx')).toHaveLength(5);
    expect(sources.indexOf('乙单位.xlsx')).toBe(40);
    const projects = sheetRows((await readBack(target)).getWorksheet('项目资金')!);
    expect(projects.slice(1).map((p) => [p[0], p[6]])).toEqual([
      ['甲单位.xlsx', '2026年第1号环境监测项目'],
      ['甲单位.xlsx', '2026年第2号环境监测项目'],
      ['乙单位.xlsx', '2026年第8号环境监测项目'],
    ]);
  });

  it('refuses to overwrite an existing output without --force, and overwrites with it', async () => {
    const target = out('exists.xlsx');
    fs.writeFileSync(target, 'keep me');
    const refused = await run(formsA, '-o', target);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('已存在');
    expect(refused.stderr).toContain('--force');
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me');

    const forced = await run(formsA, '-o', target, '--force');
    expect(forced.code).toBe(0);
    expect((await readBack(target)).worksheets).toHaveLength(2);
  });

  it('refuses an existing CSV without --force and writes nothing', async () => {
    const target = out('fresh.xlsx');
    const csv = out('exists.csv');
    fs.writeFileSync(csv, 'keep');
    const r = await run(formsA, '-o', target, '--csv', csv);
    expect(r.code).toBe(2);
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readFileSync(csv, 'utf8')).toBe('keep');
  });

  it('never writes over an input, even with --force', async () => {
    const copy = out('input-copy.xlsx');
    fs.copyFileSync(formsA, copy);
    const before = fs.readFileSync(copy);
    const r = await run(copy, '-o', copy, '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('与输入文件相同');
    expect(fs.readFileSync(copy).equals(before)).toBe(true);
  });

  it('writes a CSV in UTF-8 with a BOM that round-trips the Chinese text', async () => {
    const target = out('csv.xlsx');
    const csv = out('指标.csv');
    const r = await run(formsA, formsB, '-o', target, '--csv', csv);
    expect(r.code).toBe(0);
    const bytes = fs.readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]).toEqual(INDICATOR_COLUMNS.map((c) => c.header));
    expect(rows).toHaveLength(1 + 45);
    const xlsxRows = sheetRows((await readBack(target)).getWorksheet('指标')!);
    // the same table: text cells equal, numbers as their decimal text, blanks empty
    rows.forEach((row, i) => {
      const x = xlsxRows[i];
      row.forEach((cell, j) => {
        const v = x[j];
        const expected = v === undefined || v === null ? '' : String(v);
        expect(cell.replace(/^'(?=[=+\-@])/, '')).toBe(expected);
      });
    });
    expect(rows[1][INDICATOR_COLUMNS.findIndex((c) => c.key === 'project')]).toBe(
      '2026年第1号环境监测项目',
    );
  });

  it('reports an unreadable input in Chinese, exits 2 and still writes the others', async () => {
    const target = out('partial.xlsx');
    const missing = out('不存在.xlsx');
    const broken = out('坏文件.xlsx');
    fs.writeFileSync(broken, 'not a workbook');
    const r = await run(missing, formsB, broken, '-o', target);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到文件');
    expect(r.stderr).toContain('坏文件.xlsx');
    expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
    const rows = sheetRows((await readBack(target)).getWorksheet('指标')!);
    expect(new Set(rows.slice(1).map((row) => row[0]))).toEqual(new Set(['乙单位.xlsx']));
  });

  it('writes nothing when no input can be read', async () => {
    const target = out('none.xlsx');
    const r = await run(out('nope.xlsx'), '-o', target);
    expect(r.code).toBe(2);
    expect(fs.existsSync(target)).toBe(false);
    expect(r.stderr).toContain('未写出');
  });

  it('names the path when two inputs share a file name', async () => {
    const sub = path.join(dir, 'sub');
    fs.mkdirSync(sub, { recursive: true });
    const twin = path.join(sub, '甲单位.xlsx');
    fs.copyFileSync(formsB, twin);
    const target = out('twins.xlsx');
    expect((await run(formsA, twin, '-o', target)).code).toBe(0);
    const rows = sheetRows((await readBack(target)).getWorksheet('指标')!);
    expect(new Set(rows.slice(1).map((row) => row[0]))).toEqual(new Set([formsA, twin]));
  });

  it.each([
    [['-o', 'x.xlsx'], '请指定'],
    [['a.xlsx'], '-o'],
    [['a.xlsx', '-o', 'x.csv'], '.xlsx'],
    [['a.xlsx', '-o', 'x.xlsx', '--bogus'], '参数错误'],
  ])('rejects bad arguments %j in Chinese with exit 2', async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('explains a missing output folder', async () => {
    const r = await run(formsB, '-o', path.join(dir, 'no-such-dir', 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('文件夹不存在');
  });
});

describe('an exported normalised workbook checked again', () => {
  test('holds no forms and no findings (the engine does not read its own export as forms)', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out.xlsx');
    const input = path.resolve(
      __dirname,
      '..',
      '..',
      'fixtures',
      'seeds',
      'tianjin-project-forms.xlsx',
    );
    expect((await runCli(['normalise', input, '-o', out])).code).toBe(0);
    const r = await runCli(['check', out, '--json']);
    const file = JSON.parse(r.out).files[0];
    expect(file.forms).toEqual([]);
    expect(file.findings).toEqual([]);
    expect(r.code).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
