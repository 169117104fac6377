import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CliIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { tempDir } from '../helpers/cli';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t) };
  const code = await main(['template', ...args], io);
  return { code, out, err };
}

async function sheetOf(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0];
}

describe('jixiao template', () => {
  const dir = tempDir('jixiao-template-');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string) => path.join(dir, name);

  it('writes the project form with the options given', async () => {
    const r = await run([
      'project',
      '-o',
      file('p.xlsx'),
      '--year',
      '2026',
      '--unit',
      '元',
      '--cost',
      'first-level',
      '--multi-year',
      '--rows',
      '1',
    ]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('已生成项目支出绩效目标表');
    const ws = await sheetOf(file('p.xlsx'));
    expect(ws.getCell('A1').value).toBe('2026年项目支出绩效目标表');
    expect(ws.getCell('A2').value).toBe('单位：元');
    const texts: unknown[] = [];
    ws.eachRow((row) => row.eachCell((c) => void texts.push(c.value)));
    expect(texts).toEqual(expect.arrayContaining(['实施周期指标值', '经济成本指标']));
  });

  it('writes the department form and the project list', async () => {
    expect(
      (await run(['department', '-o', file('d.xlsx'), '--tasks', '3', '--year', '2020'])).code,
    ).toBe(0);
    expect((await sheetOf(file('d.xlsx'))).getCell('A2').value).toBe('（2020年度）');
    expect(
      (await run(['list', '-o', file('l.xlsx'), '--units', '2', '--projects', '4', '--rows', '3']))
        .code,
    ).toBe(0);
    const ws = await sheetOf(file('l.xlsx'));
    expect(ws.getCell('A3').value).toBe('项目名称（资金使用单位）');
    // 2 unit rows + 2 × 4 projects × 3 rows after 合计 (row 5)
    expect(ws.getCell(`A${5 + 2 + 24}`).isMerged).toBe(true);
  });

  it('defaults the year to next year', async () => {
    expect((await run(['project', '-o', file('next.xlsx')])).code).toBe(0);
    expect((await sheetOf(file('next.xlsx'))).getCell('A1').value).toBe(
      `${new Date().getFullYear() + 1}年项目支出绩效目标表`,
    );
  });

  it('never overwrites an existing file unless --force', async () => {
    fs.writeFileSync(file('keep.xlsx'), 'mine');
    const r = await run(['project', '-o', file('keep.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('已存在');
    expect(r.err).toContain('--force');
    expect(fs.readFileSync(file('keep.xlsx'), 'utf8')).toBe('mine');
    expect((await run(['project', '-o', file('keep.xlsx'), '--force'])).code).toBe(0);
    expect(fs.readFileSync(file('keep.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it.each([
    [[], '请指定模板类型'],
    [['budget', '-o', 'x.xlsx'], '未知的模板类型“budget”'],
    [['project'], '请用 -o 指定输出文件'],
    [['project', '-o', 'x.xls'], '应以 .xlsx 结尾'],
    [['project', '-o', 'x.xlsx', '--year', '26'], '--year 应为 2000 到 2100 之间的整数'],
    [['project', '-o', 'x.xlsx', '--unit', '亿元'], '--unit 应为“万元”或“元”'],
    [['project', '-o', 'x.xlsx', '--cost', 'top'], '--cost 应为 output'],
    [['project', '-o', 'x.xlsx', '--rows', '0'], '--rows 应为 1 到 50 之间的整数'],
    [['project', '-o', 'x.xlsx', '--units', '2'], '选项 --units 不适用于 project 模板'],
    [['department', '-o', 'x.xlsx', '--unit', '元'], '选项 --unit 不适用于 department 模板'],
    [['list', '-o', 'x.xlsx', '--tasks', '2'], '选项 --tasks 不适用于 list 模板'],
    [['project', '-o', 'x.xlsx', '--colour'], '参数错误'],
    [['project', 'extra', '-o', 'x.xlsx'], '多余的参数'],
  ])('exits 2 with a Chinese message for %j', async (args, message) => {
    const r = await run(args.map((a) => (a === 'x.xlsx' || a === 'x.xls' ? file(a) : a)));
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain('用法');
    expect(fs.existsSync(file('x.xlsx'))).toBe(false);
  });

  it('reports a folder that does not exist', async () => {
    const r = await run(['project', '-o', path.join(dir, 'missing', 'p.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('所在文件夹不存在');
  });

  it('prints its help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('jixiao template project|department|list');
  });
});
