/**
 * The command line as a separate process, where the operating system itself refuses the write:
 * a read-only folder, and a real file-size limit (`ulimit -f`, which makes write() fail with EFBIG
 * part-way, as a full disk does). The CLI is bundled from the current sources with esbuild first.
 * Runs in the serial jest project (it starts processes).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { writeXlsx } from '../../src/adapters/xlsx';
import { projectFormsSheet } from '../../bench/generate';

const ROOT = path.resolve(__dirname, '..', '..');
const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

// readable by every user, so that a child running as `nobody` can load the bundle and the input
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-outputs-process-'));
fs.chmodSync(base, 0o755);
const bundle = path.join(base, 'cli.js');
const input = path.join(base, '甲单位.xlsx');

beforeAll(async () => {
  buildSync({
    entryPoints: [path.join(ROOT, 'src/cli/main.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['exceljs'],
    logLevel: 'warning',
  });
  fs.writeFileSync(input, await writeXlsx([projectFormsSheet('Sheet1', 1, 5).sheet]));
  fs.chmodSync(input, 0o644);
});
afterAll(() => {
  fs.chmodSync(base, 0o755);
  fs.rmSync(base, { recursive: true, force: true });
});

interface Options {
  /** `ulimit -f` in 512-byte blocks */
  fileLimit?: number;
  uid?: number;
}

/** Runs `jixiao ARGS` in a child process; exceljs comes from this checkout's node_modules. */
function jixiao(args: string[], options: Options = {}): SpawnSyncReturns<string> {
  const script = `require(${JSON.stringify(bundle)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`;
  const node = [process.execPath, '-e', script, ...args];
  const [cmd, ...rest] =
    options.fileLimit === undefined
      ? node
      : ['bash', '-c', `ulimit -f ${options.fileLimit} && exec "$@"`, 'jixiao', ...node];
  return spawnSync(cmd, rest, {
    encoding: 'utf8',
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
    cwd: base,
    timeout: 60_000,
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
}

const COMMANDS: Record<string, (out: string) => string[]> = {
  normalise: (out) => ['normalise', input, '-o', out, '--csv', out.replace(/\.xlsx$/, '.csv')],
  template: (out) => ['template', 'list', '--projects', '20', '-o', out],
};

describe.each(Object.keys(COMMANDS))('jixiao %s', (command) => {
  const args = COMMANDS[command];

  it('hits a real file-size limit part-way: exit 2, a Chinese message, nothing left behind', () => {
    const where = fs.mkdtempSync(path.join(base, 'limit-'));
    const out = path.join(where, 'out.xlsx');
    // 4 KiB: less than either output, so the write itself fails after some bytes (EFBIG)
    const r = jixiao(args(out), { fileLimit: 8 });
    expect({ status: r.status, stderr: r.stderr }).toEqual({
      status: 2,
      stderr: expect.stringContaining('文件超出了系统允许的大小'),
    });
    expect(r.stderr).not.toContain('EFBIG');
    expect(fs.readdirSync(where)).toEqual([]);

    // without the limit the next run writes, and is not told that the file "already exists"
    const again = jixiao(args(out));
    expect({ status: again.status, stderr: again.stderr }).toEqual({ status: 0, stderr: '' });
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});

/**
 * A folder the CLI may not write to. Permission bits do not stop root, so as root the CLI runs as
 * `nobody` in a folder owned by root; as any other user the folder is made read-only.
 */
function readOnlyCase(): { uid?: number; skip?: string } {
  if (!isRoot) return {};
  const probe = spawnSync(process.execPath, ['-e', ''], { uid: NOBODY, gid: NOBODY });
  if (probe.error) return { skip: `cannot run a process as nobody (${probe.error.message})` };
  return { uid: NOBODY };
}

const readOnly = readOnlyCase();
if (readOnly.skip) {
  console.warn(`跳过只读文件夹测试：${readOnly.skip}`);
}
const itReadOnly = readOnly.skip ? it.skip : it;

describe.each(Object.keys(COMMANDS))('jixiao %s into a read-only folder', (command) => {
  itReadOnly('exits 2 with a Chinese message and writes nothing', () => {
    const where = fs.mkdtempSync(path.join(base, 'ro-'));
    fs.chmodSync(where, 0o555);
    try {
      const out = path.join(where, 'out.xlsx');
      const r = jixiao(COMMANDS[command](out), { uid: readOnly.uid });
      expect({ status: r.status, stderr: r.stderr }).toEqual({
        status: 2,
        stderr: expect.stringContaining('没有写入权限'),
      });
      expect(r.stderr).not.toMatch(/\bE[A-Z]{3,}\b/);
      expect(fs.readdirSync(where)).toEqual([]);
    } finally {
      fs.chmodSync(where, 0o755);
    }
  });
});
