/**
 * What `jixiao normalise` and `jixiao template` write, and what they refuse to write (src/cli/output.ts):
 * never over an input (by name, symlink or hard link, even with --force), never through a dangling
 * link, never a half-written file, and the .xlsx and the .csv of one run both or neither. Disk
 * failures are made by failing the real fs calls of the output module (a full disk after some bytes,
 * a rename refused); the read-only folder and a real file-size limit are in outputs.process.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeXlsx } from '../../src/adapters/xlsx';
import type { CellValue } from '../../src/engine';
import { INDICATOR_COLUMNS } from '../../src/engine/normalise';
import { writeErrorReason } from '../../src/cli/output';
import { projectFormsSheet } from '../../bench/generate';
import { parseCsv } from '../normalise/csv';
import { runCli, tempDir } from '../helpers/cli';

let dir: string;
let input: string;
let inputBytes: Buffer;

beforeAll(async () => {
  dir = tempDir('jixiao-outputs-');
  input = path.join(dir, '甲单位.xlsx');
  fs.writeFileSync(input, await writeXlsx([projectFormsSheet('Sheet1', 1, 5).sheet]));
  inputBytes = fs.readFileSync(input);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  jest.restoreAllMocks();
  expect(fs.readFileSync(input).equals(inputBytes)).toBe(true);
});

/** A fresh folder for one test, inside the suite's folder. */
function folder(): string {
  return fs.mkdtempSync(path.join(dir, 'case-'));
}

/** Temporary or kept files the output module left behind (there must be none). */
function leftovers(where: string): string[] {
  return fs.readdirSync(where).filter((n) => n.includes('.jixiao-'));
}

const normalise = (...args: string[]) => runCli(['normalise', ...args]);
const template = (...args: string[]) => runCli(['template', 'project', ...args]);

function isXlsx(file: string): boolean {
  return fs.readFileSync(file).subarray(0, 2).toString() === 'PK';
}

function errnoError(code: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated, '${file}'`), { code, path: file });
}

/**
 * Makes the real fs fail for temporary files of the output module whose name contains `name`:
 * `write` writes `after` bytes for real and then fails (a disk that fills up), `fsync` fails when
 * the data is flushed (a full disk noticed late), `rename` fails when the file is put in place.
 */
function failOn(name: string, how: 'write' | 'fsync' | 'rename', code: string, after = 512): void {
  const mine = (p: fs.PathLike) => String(p).includes(name) && String(p).includes('.jixiao-tmp');
  const fds = new Set<number>();
  const { openSync, writeSync, fsyncSync, renameSync } = fs;
  jest.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, ...rest: never[]) => {
    const fd = (openSync as (...a: unknown[]) => number)(p, ...rest);
    if (mine(p)) fds.add(fd);
    return fd;
  }) as typeof fs.openSync);
  if (how === 'write') {
    jest.spyOn(fs, 'writeSync').mockImplementation(((
      fd: number,
      buf: Uint8Array,
      offset: number,
      length: number,
    ) => {
      if (!fds.has(fd)) return (writeSync as (...a: unknown[]) => number)(fd, buf, offset, length);
      writeSync(fd, buf, offset, Math.min(length, after));
      throw errnoError(code, '');
    }) as typeof fs.writeSync);
  }
  if (how === 'fsync') {
    jest.spyOn(fs, 'fsyncSync').mockImplementation((fd: number) => {
      if (fds.has(fd)) throw errnoError(code, '');
      fsyncSync(fd);
    });
  }
  if (how === 'rename') {
    jest.spyOn(fs, 'renameSync').mockImplementation((from: fs.PathLike, to: fs.PathLike) => {
      if (mine(from)) throw errnoError(code, String(to));
      renameSync(from, to);
    });
  }
}

describe('an output that is an input is refused, even with --force', () => {
  it('by a symlink to the input', async () => {
    const where = folder();
    const link = path.join(where, '链接.xlsx');
    fs.symlinkSync(input, link);
    const r = await normalise(input, '-o', link, '--force');
    expect(r.code).toBe(2);
    expect(r.err).toContain('与输入文件相同');
    expect(r.err).toContain('符号链接');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(leftovers(where)).toEqual([]);
  });

  it('by a hard link to the input', async () => {
    const where = folder();
    const hard = path.join(where, '硬链接.xlsx');
    fs.linkSync(input, hard);
    const r = await normalise(input, '-o', hard, '--force');
    expect(r.code).toBe(2);
    expect(r.err).toContain('与输入文件相同');
    expect(r.err).toContain('硬链接');
    expect(fs.statSync(hard).ino).toBe(fs.statSync(input).ino);
  });

  it('as the --csv, through a symlink', async () => {
    const where = folder();
    const link = path.join(where, '指标.csv');
    fs.symlinkSync(input, link);
    const r = await normalise(input, '-o', path.join(where, 'out.xlsx'), '--csv', link, '--force');
    expect(r.code).toBe(2);
    expect(r.err).toContain('与输入文件相同');
    expect(fs.readdirSync(where)).toEqual(['指标.csv']);
  });

  it('when the input is named through a symlink and the output is the file itself', async () => {
    const where = folder();
    const link = path.join(where, 'in.xlsx');
    fs.symlinkSync(input, link);
    const r = await normalise(link, '-o', input, '--force');
    expect(r.code).toBe(2);
    expect(r.err).toContain('与输入文件相同');
  });

  it('when -o and --csv are one file under two names', async () => {
    const where = folder();
    const out = path.join(where, 'out.xlsx');
    const r = await normalise(input, '-o', out, '--csv', path.join(where, '.', 'out.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('同一个文件');
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('symlinks at the output path', () => {
  it.each([
    ['normalise', false],
    ['normalise', true],
    ['template', false],
    ['template', true],
  ])('%s never writes through a dangling link (--force: %s)', async (command, force) => {
    const where = folder();
    const target = path.join(where, 'elsewhere.xlsx');
    const link = path.join(where, 'out.xlsx');
    fs.symlinkSync(target, link);
    const flags = force ? ['--force'] : [];
    const r =
      command === 'normalise'
        ? await normalise(input, '-o', link, ...flags)
        : await template('-o', link, ...flags);
    expect(r.code).toBe(2);
    expect(r.err).toContain('符号链接');
    expect(r.err).toContain('不存在');
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readlinkSync(link)).toBe(target);
    expect(leftovers(where)).toEqual([]);
  });

  it('refuses a link to an existing file without --force, and says so', async () => {
    const where = folder();
    const target = path.join(where, 'real.xlsx');
    fs.writeFileSync(target, 'keep');
    const link = path.join(where, 'out.xlsx');
    fs.symlinkSync(target, link);
    const r = await template('-o', link);
    expect(r.code).toBe(2);
    expect(r.err).toContain('已存在');
    expect(r.err).toContain('符号链接');
    expect(fs.readFileSync(target, 'utf8')).toBe('keep');
  });

  it('with --force writes the file the link points to, keeps the link and says so', async () => {
    const where = folder();
    const target = path.join(where, 'real.xlsx');
    fs.writeFileSync(target, 'old');
    const link = path.join(where, 'out.xlsx');
    fs.symlinkSync('real.xlsx', link);
    const r = await normalise(input, '-o', link, '--force');
    expect(r.code).toBe(0);
    expect(r.err).toContain('是符号链接，结果将写入它指向的');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(isXlsx(target)).toBe(true);
    expect(leftovers(where)).toEqual([]);
  });

  it('explains a symlink loop', async () => {
    const where = folder();
    const a = path.join(where, 'a.xlsx');
    const b = path.join(where, 'b.xlsx');
    fs.symlinkSync(b, a);
    fs.symlinkSync(a, b);
    const r = await template('-o', a, '--force');
    expect(r.code).toBe(2);
    expect(r.err).toContain('循环');
    expect(r.err).not.toMatch(/\bELOOP\b/);
  });
});

describe('paths that cannot be written', () => {
  it.each(['normalise', 'template'])('%s: a folder, a file as folder, a long name', async (cmd) => {
    const where = folder();
    const run = (out: string) =>
      cmd === 'normalise' ? normalise(input, '-o', out) : template('-o', out);
    const sub = path.join(where, 'folder.xlsx');
    fs.mkdirSync(sub);
    const file = path.join(where, 'file.xlsx');
    fs.writeFileSync(file, 'x');
    const cases: Array<[string, string]> = [
      [sub, '文件夹'],
      [path.join(file, 'x.xlsx'), '不是文件夹'],
      [path.join(where, `${'名'.repeat(100)}.xlsx`), '太长'],
      [path.join(where, 'missing', 'x.xlsx'), '所在文件夹不存在'],
    ];
    for (const [out, message] of cases) {
      const r = await run(out);
      expect({ out, code: r.code, said: r.err.includes(message) }).toEqual({
        out,
        code: 2,
        said: true,
      });
      expect(r.err).not.toMatch(/\bE[A-Z]{3,}\b/);
    }
    expect(fs.readdirSync(where).sort()).toEqual(['file.xlsx', 'folder.xlsx']);
  });
});

describe('the .xlsx and the .csv of one run both appear, or neither', () => {
  it('a --csv in a missing folder: refused before anything is written', async () => {
    const where = folder();
    const out = path.join(where, 'out.xlsx');
    const r = await normalise(input, '-o', out, '--csv', path.join(where, 'no', '指标.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('所在文件夹不存在');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('a --csv that is a folder', async () => {
    const where = folder();
    fs.mkdirSync(path.join(where, '指标.csv'));
    const r = await normalise(
      input,
      '-o',
      path.join(where, 'out.xlsx'),
      '--csv',
      `${where}/指标.csv`,
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain('文件夹');
    expect(fs.readdirSync(where)).toEqual(['指标.csv']);
  });

  it('a disk that fills up while the CSV is written: no .xlsx, no temporary file', async () => {
    const where = folder();
    const out = path.join(where, 'out.xlsx');
    failOn('指标.csv', 'write', 'ENOSPC');
    const r = await normalise(input, '-o', out, '--csv', path.join(where, '指标.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('磁盘空间不足');
    expect(r.err).toContain('没有写出任何文件');
    expect(fs.readdirSync(where)).toEqual([]);
  });

  it('a CSV that cannot be put in place: the .xlsx already renamed is removed again', async () => {
    const where = folder();
    const out = path.join(where, 'out.xlsx');
    failOn('指标.csv', 'rename', 'EACCES');
    const r = await normalise(input, '-o', out, '--csv', path.join(where, '指标.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('没有写入权限');
    expect(fs.readdirSync(where)).toEqual([]);
  });

  it.each([
    ['kept as a hard link', false],
    ['kept as a copy where hard links fail', true],
  ])(
    'with --force, a failed CSV rename gives the replaced .xlsx its old content back (%s)',
    async (_how, noLinks) => {
      const where = folder();
      const out = path.join(where, 'out.xlsx');
      const csv = path.join(where, '指标.csv');
      fs.writeFileSync(out, 'old xlsx');
      fs.writeFileSync(csv, 'old csv');
      if (noLinks) {
        jest.spyOn(fs, 'linkSync').mockImplementation(() => {
          throw errnoError('EPERM', '');
        });
      }
      failOn('指标.csv', 'rename', 'EXDEV');
      const r = await normalise(input, '-o', out, '--csv', csv, '--force');
      expect(r.code).toBe(2);
      expect(r.err).toContain('同一个磁盘');
      expect(fs.readFileSync(out, 'utf8')).toBe('old xlsx');
      expect(fs.readFileSync(csv, 'utf8')).toBe('old csv');
      expect(leftovers(where)).toEqual([]);

      jest.restoreAllMocks();
      expect((await normalise(input, '-o', out, '--csv', csv, '--force')).code).toBe(0);
      expect(isXlsx(out)).toBe(true);
      expect(leftovers(where)).toEqual([]);
    },
  );

  it('with --force and both in place, the old files are gone and the mode is kept', async () => {
    const where = folder();
    const out = path.join(where, 'out.xlsx');
    const csv = path.join(where, '指标.csv');
    fs.writeFileSync(out, 'old');
    fs.chmodSync(out, 0o640);
    fs.writeFileSync(csv, 'old');
    expect((await normalise(input, '-o', out, '--csv', csv, '--force')).code).toBe(0);
    expect(isXlsx(out)).toBe(true);
    expect(fs.statSync(out).mode & 0o777).toBe(0o640);
    expect(fs.readFileSync(csv, 'utf8').startsWith('\uFEFF来源文件')).toBe(true);
    expect(fs.readdirSync(where).sort()).toEqual(['out.xlsx', '指标.csv']);
  });
});

describe('a full disk never leaves a 0-byte or truncated file behind', () => {
  it.each([
    ['normalise', 'write', 'ENOSPC', '磁盘空间不足'],
    ['normalise', 'fsync', 'EDQUOT', '超出了磁盘配额'],
    ['template', 'write', 'ENOSPC', '磁盘空间不足'],
    ['template', 'fsync', 'ENOSPC', '磁盘空间不足'],
  ] as const)('%s, failing at %s with %s', async (cmd, how, code, message) => {
    const where = folder();
    const out = path.join(where, 'out.xlsx');
    const run = () => (cmd === 'normalise' ? normalise(input, '-o', out) : template('-o', out));
    failOn('out.xlsx', how, code);
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).not.toContain(code);
    expect(fs.readdirSync(where)).toEqual([]);

    // the next run is not told that the file "already exists"
    jest.restoreAllMocks();
    const again = await run();
    expect(again.err).not.toContain('已存在');
    expect(again.code).toBe(0);
    expect(isXlsx(out)).toBe(true);
  });
});

describe('writeErrorReason', () => {
  it.each([
    ['ENOSPC', '磁盘空间不足'],
    ['EDQUOT', '磁盘配额'],
    ['EFBIG', '大小'],
    ['EACCES', '没有写入权限'],
    ['EPERM', '没有写入权限'],
    ['EROFS', '只读'],
    ['ELOOP', '循环'],
    ['EISDIR', '文件夹'],
    ['ENOTDIR', '不是文件夹'],
    ['ENOENT', '所在文件夹不存在'],
    ['ENAMETOOLONG', '太长'],
    ['EXDEV', '同一个磁盘'],
    ['EBUSY', '占用'],
  ])('%s is told in Chinese, without the raw code', (code, words) => {
    const reason = writeErrorReason(errnoError(code, '/x'));
    expect(reason).toContain(words);
    expect(reason).not.toContain(code);
  });

  it('an unknown code is named beside a Chinese sentence, never alone', () => {
    expect(writeErrorReason(errnoError('EWEIRD', '/x'))).toBe(
      '系统报告写入错误（错误代码 EWEIRD）',
    );
  });
});

describe('formula injection: texts that a spreadsheet would run stay text', () => {
  const HOSTILE = [
    '=HYPERLINK("http://example.invalid","点我")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    '@SUM(1+1)*cmd',
  ];

  async function hostileInput(): Promise<string> {
    const { sheet } = projectFormsSheet('Sheet1', 1, 5);
    const cells: CellValue[][] = sheet.cells.map((row) => [...row]);
    cells[2][1] = HOSTILE[0]; // 项目名称
    cells[9][2] = HOSTILE[1]; // 三级指标
    cells[9][4] = HOSTILE[2]; // 指标值
    cells[10][4] = HOSTILE[3];
    const file = path.join(dir, '恶意.xlsx');
    fs.writeFileSync(file, await writeXlsx([{ ...sheet, cells }]));
    return file;
  }

  it('in the .xlsx (shared strings, no formula) and in the .csv (guarded)', async () => {
    const where = folder();
    const out = path.join(where, 'out.xlsx');
    const csv = path.join(where, 'out.csv');
    const r = await normalise(await hostileInput(), '-o', out, '--csv', csv);
    expect(r.code).toBe(0);

    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets).toHaveLength(2);
    for (const name of sheets) {
      expect({ name, formulas: (await zip.file(name)!.async('string')).match(/<f[ >]/g) }).toEqual({
        name,
        formulas: null,
      });
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts: unknown[] = [];
    wb.getWorksheet('指标')!.eachRow((row) =>
      row.eachCell((c) => void texts.push(c.type === ExcelJS.ValueType.String ? c.value : null)),
    );
    for (const h of HOSTILE) expect(texts).toContain(h);

    const rows = parseCsv(fs.readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''));
    const cells = rows.slice(1).flat();
    for (const h of HOSTILE) {
      expect(cells).toContain(`'${h}`);
      expect(cells).not.toContain(h);
    }
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    expect(rows[0]).toEqual(INDICATOR_COLUMNS.map((c) => c.header));
  });
});
