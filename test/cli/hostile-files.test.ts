/**
 * Hostile and foreign files, each checked together with a good seed in one `jixiao check` run: the
 * right exit code, a Chinese message for the bad file, no stack trace, and the good file's forms
 * and findings exactly as when it is checked alone. The files are generated at run time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runCli, tempDir, FIXTURES } from '../helpers/cli';
import { compoundFile, deflatedSpaces, xlsx, zip } from '../reader/package';

const GOOD = path.join(FIXTURES, 'seeds', 'zhanjiang-department-form.xlsx');
const ROOT = path.resolve(__dirname, '..', '..');
const STACK = /at .*\(.*:\d+:\d+\)|at .*\.js:\d+|Error:|node:internal/;

interface FileResult {
  file: string;
  forms: unknown[];
  findings: unknown[];
  error?: string;
}

let dir: string;
let alone: FileResult;

beforeAll(async () => {
  dir = tempDir('jixiao-hostile-');
  const r = await runCli(['check', GOOD, '--json']);
  alone = (JSON.parse(r.out) as { files: FileResult[] }).files[0];
  expect(alone.findings.length).toBeGreaterThan(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Checks `bad` then the good seed in one run, as JSON and as text; returns the bad file's result. */
async function checkWithGood(
  bad: string,
  extra: string[] = [],
): Promise<FileResult & { code: number; text: string }> {
  const r = await runCli(['check', bad, GOOD, '--json', ...extra]);
  expect(r.out + r.err).not.toMatch(STACK);
  const [first, good] = (JSON.parse(r.out) as { files: FileResult[] }).files;
  expect(good).toEqual(alone);
  const text = await runCli(['check', bad, GOOD, ...extra]);
  expect(text.code).toBe(r.code);
  expect(text.out).toContain(`== ${path.basename(GOOD)} ==\n  [部门整体支出绩效目标表]`);
  expect(text.out + text.err).not.toMatch(STACK);
  return { ...first, code: r.code, text: text.out };
}

/** The exit code of the good seed alone, which a readable hostile file must not change. */
const goodCode = async () => (await runCli(['check', GOOD])).code;

describe('unreadable files are reported and the run goes on (exit 2)', () => {
  const unreadable = async (bad: string, message: RegExp, extra: string[] = []) => {
    const r = await checkWithGood(bad, extra);
    expect(r.code).toBe(2);
    expect(r.error).toMatch(message);
    expect(r.error).toMatch(/[\u4e00-\u9fff]/);
  };

  test('a zip bomb (300 MB inflated) over a lowered --max-size', async () => {
    const bomb = write('bomb-300mb.xlsx', bombFile(300));
    const r = await checkWithGood(bomb, ['--max-size', '50MB']);
    expect(r.code).toBe(2);
    expect(r.error).toMatch(/解压后的内容超过读取上限（50 MB）.*压缩炸弹.*--max-size/);
    expect(r.text).toContain(`== bomb-300mb.xlsx ==\n  无法读取：文件解压后的内容超过读取上限`);
  }, 60_000);

  test('16,384 columns × 200 rows: over the cell limit (lowered with --max-size)', async () => {
    await unreadable(write('wide-200.xlsx', wideFile(200)), /单元格超过读取上限（400,000 个）/, [
      '--max-size',
      '100MB',
    ]);
  }, 60_000);

  test('an .ods spreadsheet', async () => {
    const ods = write(
      'table.ods',
      zip([
        { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', stored: true },
        { name: 'content.xml', data: '<office:document-content/>' },
      ]),
    );
    await unreadable(ods, /OpenDocument 电子表格（\.ods）.*另存为/);
  });

  test('an .ods renamed to .xlsx is still told by its content', async () => {
    const ods = write(
      'renamed.xlsx',
      zip([
        { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', stored: true },
      ]),
    );
    await unreadable(ods, /\.ods/);
  });

  test('an old .xls workbook', async () => {
    await unreadable(
      write('old.xls', compoundFile(['Workbook', 'SummaryInformation'])),
      /\.xls）.*另存为/,
    );
  });

  test('a zip without a workbook part', async () => {
    await unreadable(write('notes.xlsx', zip([{ name: 'notes.txt', data: '备注' }])), /没有工作簿/);
  });

  test('a folder', async () => {
    const folder = path.join(dir, 'folder.xlsx');
    fs.mkdirSync(folder);
    await unreadable(folder, /是文件夹/);
  });

  (process.platform === 'win32' ? test.skip : test)('a named pipe fails at once', async () => {
    const fifo = path.join(dir, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    await unreadable(fifo, /管道/);
  });

  (fs.existsSync('/dev/zero') ? test : test.skip)('a link to /dev/zero fails at once', async () => {
    const link = path.join(dir, 'zero.xlsx');
    fs.symlinkSync('/dev/zero', link);
    await unreadable(link, /设备文件/);
  });
});

describe('files with odd but valid content are read', () => {
  test('50,000 merged ranges', async () => {
    let m = '';
    for (let i = 1; i <= 50000; i++) m += `<mergeCell ref="A${2 * i - 1}:B${2 * i}"/>`;
    const merges = write(
      'merges.xlsx',
      xlsx([
        {
          name: 'S',
          rows: '<row r="1"><c r="A1"><v>1</v></c></row>',
          after: `<mergeCells>${m}</mergeCells>`,
        },
      ]),
    );
    const r = await checkWithGood(merges);
    expect(r.error).toBeUndefined();
    expect(r.code).toBe(await goodCode());
  }, 60_000);

  test('16,384 columns in a few rows', async () => {
    const row = Array.from({ length: 16384 }, (_, c) => `<c><v>${c}</v></c>`).join('');
    const wide = write(
      'wide-2.xlsx',
      xlsx([{ name: 'S', rows: `<row r="1">${row}</row><row r="2">${row}</row>` }]),
    );
    const r = await checkWithGood(wide);
    expect(r.error).toBeUndefined();
  }, 60_000);

  test('a workbook with a chart sheet and a dialog sheet', async () => {
    const charts = write(
      'charts.xlsx',
      xlsx([
        { name: '图表1', kind: 'chartsheet' },
        {
          name: 'Sheet1',
          rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row>',
        },
        { name: '对话框1', kind: 'dialogsheet' },
      ]),
    );
    const r = await checkWithGood(charts);
    expect(r.error).toBeUndefined();
    expect(r.forms).toEqual([]);
  });
});

describe('the installed command (bin/jixiao.js), at the default limits', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')]);
  }, 60_000);

  /** Runs the bundled command with a bounded heap and a time limit; a hang fails, never blocks. */
  function bin(files: string[]) {
    const r = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=512',
        path.join(ROOT, 'bin', 'jixiao.js'),
        'check',
        ...files,
        '--json',
      ],
      { encoding: 'utf8', timeout: 100_000, maxBuffer: 64 << 20 },
    );
    expect(r.signal).toBeNull();
    expect(r.stderr).not.toMatch(STACK);
    return { code: r.status, files: (JSON.parse(r.stdout) as { files: FileResult[] }).files };
  }

  test('a 4 GB zip bomb and 16,384 × 200 cells fail; every other file gets its result', () => {
    const bomb = write('bomb-4gb.xlsx', bombFile(4096));
    const wide = write('wide-200-default.xlsx', wideFile(200));
    const others = fs.readdirSync(dir).map((f) => path.join(dir, f));
    const r = bin([bomb, wide, ...others.filter((f) => f !== bomb && f !== wide), GOOD]);
    expect(r.code).toBe(2);
    expect(r.files[0].error).toMatch(/超过读取上限（500 MB）/);
    expect(r.files[1].error).toMatch(/单元格超过读取上限（2,000,000 个）/);
    expect(r.files.map((f) => f.file)).toEqual([
      bomb,
      wide,
      ...r.files.slice(2).map((f) => f.file),
    ]);
    expect(r.files).toHaveLength(others.length + 1);
    expect(r.files[r.files.length - 1]).toEqual(alone);
  }, 120_000);

  test('a far cell (one value at XFD1048576) is read and costs nothing', () => {
    const far = write(
      'far.xlsx',
      xlsx([{ name: 'S', rows: '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' }]),
    );
    const r = bin([far, GOOD]);
    expect(r.files[0].error).toBeUndefined();
    expect(r.files[1]).toEqual(alone);
  }, 120_000);
});

/** A workbook whose one sheet inflates to `mb` megabytes while declaring 1,000 bytes. */
function bombFile(mb: number): Uint8Array {
  return xlsx([{ name: 'S', part: { deflated: deflatedSpaces(mb), size: 1000 } }]);
}

/** A sheet of `rows` rows of 16,384 numbers. */
function wideFile(rows: number): Uint8Array {
  const row = Array.from({ length: 16384 }, (_, c) => `<c><v>${c}</v></c>`).join('');
  return xlsx([
    { name: 'S', rows: Array.from({ length: rows }, () => `<row>${row}</row>`).join('') },
  ]);
}
