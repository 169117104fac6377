import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { writeXlsx } from '../../src/adapters/xlsx';
import type { CellValue } from '../../src/engine';
import { runCli, tempDir } from '../helpers/cli';
import { projectFormsSheet } from '../../bench/generate';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const XlsxPopulate = require('xlsx-populate');

let dir: string;
let good: string;

/** A small valid project form, with `patch` applied to its cells. */
async function formFile(name: string, patch?: (cells: CellValue[][]) => void): Promise<string> {
  const { sheet } = projectFormsSheet('Sheet1', 1, 20);
  const cells = sheet.cells.map((r) => [...r]);
  patch?.(cells);
  const file = path.join(dir, name);
  fs.writeFileSync(file, await writeXlsx([{ ...sheet, cells }]));
  return file;
}

function json(out: string) {
  return JSON.parse(out) as {
    files: Array<{
      file: string;
      forms: unknown[];
      findings: Array<{ rule: string; cell: string; severity: string }>;
      error?: string;
    }>;
  };
}

beforeAll(async () => {
  dir = tempDir();
  good = await formFile('good.xlsx');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('jixiao check on bad input', () => {
  test('a missing file: Chinese message, exit 2, no stack trace', async () => {
    const r = await runCli(['check', path.join(dir, 'nope.xlsx'), '--json']);
    expect(r.code).toBe(2);
    const f = json(r.out).files[0];
    expect(f.error).toMatch(/找不到文件/);
    expect(r.out + r.err).not.toMatch(/at .*\(.*:\d+:\d+\)/);
  });

  test('random bytes that are not a zip', async () => {
    const file = path.join(dir, 'garbage.xlsx');
    fs.writeFileSync(file, Buffer.from('这不是一个工作簿 just text'));
    const r = await runCli(['check', file, '--json']);
    expect(r.code).toBe(2);
    expect(json(r.out).files[0].error).toMatch(/不是 \.xlsx 工作簿/);
  });

  test('a truncated .xlsx (half a real file)', async () => {
    const bytes = fs.readFileSync(good);
    const file = path.join(dir, 'truncated.xlsx');
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const r = await runCli(['check', file, '--json']);
    expect(r.code).toBe(2);
    expect(json(r.out).files[0].error).toMatch(/损坏或不完整/);
  });

  test('a zero-byte file', async () => {
    const file = path.join(dir, 'empty-file.xlsx');
    fs.writeFileSync(file, '');
    const r = await runCli(['check', file]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/0 字节/);
  });

  test('a password-protected workbook (real OOXML encryption)', async () => {
    const wb = await XlsxPopulate.fromBlankAsync();
    wb.sheet(0).cell('A1').value('项目名称');
    const file = path.join(dir, 'protected.xlsx');
    fs.writeFileSync(file, await wb.outputAsync({ password: 'jixiao' }));
    const r = await runCli(['check', file, '--json']);
    expect(r.code).toBe(2);
    expect(json(r.out).files[0].error).toMatch(/密码保护/);
  });

  test('an unreadable file does not stop the others from being checked', async () => {
    const r = await runCli(['check', path.join(dir, 'nope.xlsx'), good, '--json']);
    expect(r.code).toBe(2);
    const [bad, ok] = json(r.out).files;
    expect(bad.error).toBeDefined();
    expect(ok.error).toBeUndefined();
    expect(ok.forms).toHaveLength(1);
  });

  test('a workbook with one empty sheet: no form, exit 0', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('空表');
    const file = path.join(dir, 'empty-sheet.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await runCli(['check', file]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/未找到绩效目标表/);
  });

  test('a sheet with data but no form', async () => {
    const file = path.join(dir, 'no-form.xlsx');
    fs.writeFileSync(
      file,
      await writeXlsx([
        {
          name: '通讯录',
          cells: [
            ['姓名', '电话'],
            ['张三', 13800000000],
          ],
          merges: [],
        },
      ]),
    );
    const r = await runCli(['check', file, '--json']);
    expect(r.code).toBe(0);
    expect(json(r.out).files[0].forms).toHaveLength(0);
  });

  test('an error value (#REF!) in the budget cell is a finding at that cell, not a crash', async () => {
    const file = await formFile('ref.xlsx', (c) => {
      c[3][2] = { kind: 'error', code: '#REF!' };
    });
    const r = await runCli(['check', file, '--json']);
    const f = json(r.out).files[0];
    expect(f.error).toBeUndefined();
    expect(f.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'amount.malformed', cell: 'C4', severity: 'error' }),
      ]),
    );
    expect(r.code).toBe(1);
  });

  test('a date and text in amount cells are findings', async () => {
    const file = await formFile('date.xlsx', (c) => {
      c[3][2] = { kind: 'date', iso: '2026-01-05' };
      c[4][2] = '一百万';
    });
    const f = json((await runCli(['check', file, '--json'])).out).files[0];
    const cells = f.findings.filter((x) => x.rule === 'amount.malformed').map((x) => x.cell);
    expect(cells).toEqual(expect.arrayContaining(['C4', 'C5']));
  });

  test('a 200,000-row sheet is checked without running out of memory or time', async () => {
    const { sheet } = projectFormsSheet('大表', 1, 20);
    const cells: CellValue[][] = sheet.cells.map((r) => [...r]);
    for (let i = cells.length; i < 200_000; i++) cells.push([`备注${i}`, i]);
    const file = path.join(dir, 'huge.xlsx');
    fs.writeFileSync(file, await writeXlsx([{ ...sheet, cells }]));
    const r = await runCli(['check', file, '--json']);
    const f = json(r.out).files[0];
    expect(f.error).toBeUndefined();
    expect(f.forms).toHaveLength(1);
  }, 180_000);

  test('bad arguments: Chinese usage message, exit 2', async () => {
    expect((await runCli(['check'])).code).toBe(2);
    const r = await runCli(['check', good, '--disable', 'no.such-rule']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/未知规则/);
    expect((await runCli(['frobnicate'])).err).toMatch(/未知命令/);
  });
});
