/**
 * The LibreOffice helper itself (soffice.ts): a timeout kills the whole process group, not only the
 * wrapper, and a conversion that writes nothing fails with soffice's own output.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convertAll, findSoffice, renamed, runInGroup, XLSX_FILTER } from './soffice';

/** Whether process `pid` still runs (a zombie waiting to be reaped has stopped running). */
function running(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

describe('runInGroup', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-group-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('on timeout kills the grandchildren too, and waits for them', async () => {
    const pidFile = path.join(dir, 'grandchild.pid');
    // a wrapper that starts a long-running child, as soffice's shell script starts soffice.bin
    const script = `sleep 300 & echo $! > ${JSON.stringify(pidFile)}; echo started; wait`;
    const run = await runInGroup('bash', ['-c', script], 1_000);
    expect(run).toMatchObject({ timedOut: true, signal: 'SIGKILL' });
    expect(run.output).toContain('started');
    const grandchild = Number(fs.readFileSync(pidFile, 'utf8'));
    expect(grandchild).toBeGreaterThan(0);
    expect(running(grandchild)).toBe(false);
  });

  it('reports how a process ended and what it printed', async () => {
    const run = await runInGroup('bash', ['-c', 'echo out; echo err >&2; exit 3'], 10_000);
    expect(run).toMatchObject({ timedOut: false, code: 3, signal: null });
    expect(run.output).toContain('out');
    expect(run.output).toContain('err');
  });
});

(findSoffice() ? describe : describe.skip)('convertAll', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-convert-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('settles a file LibreOffice cannot load as a failure that carries its output', async () => {
    const missing = path.join(dir, '不存在.xlsx');
    const [result] = await convertAll([missing], XLSX_FILTER, path.join(dir, 'out'), (i) => [
      renamed(i, 'xlsx'),
    ]);
    expect(result.status).toBe('rejected');
    const message = (result as PromiseRejectedResult).reason.message as string;
    expect(message).toContain('wrote no 不存在.xlsx');
    expect(message).toContain('soffice output:');
    expect(message).toContain('--convert-to');
  }, 480_000);
});
