/**
 * LibreOffice headless, for the LibreOffice suites and scripts/render-templates.ts.
 *
 * A cold soffice with a fresh profile is slow to start, and several starting at once crashed one on
 * a freshly installed machine. So a suite converts all its files in ONE soffice call, with a profile
 * made once per test run and warmed by one start of soffice (`warmProfile`), and the suites that use
 * it run one at a time (jest's serial project). soffice runs in a process group of its own, which is
 * killed as a whole on timeout; a failure carries soffice's own output.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The soffice binary, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const p = path.join(dir, name);
      if (fs.existsSync(p)) return p;
    }
  }
  return null;
}

/** The filters of `--convert-to`: recalculate and save as .xlsx, or print to PDF. */
export const XLSX_FILTER = 'xlsx:Calc MS Excel 2007 XML';
export const PDF_FILTER = 'pdf';

/** What one run printed and how it ended, for failure messages. */
export interface GroupRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly output: string;
}

function runSoffice(args: ReadonlyArray<string>, timeoutMs: number): Promise<GroupRun> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  return runInGroup(soffice, args, timeoutMs);
}

/**
 * Runs `command` in a process group of its own and waits until it has exited and closed its output.
 * On timeout the whole group is killed (for soffice: the shell wrapper, oosplash and soffice.bin).
 */
export function runInGroup(
  command: string,
  args: ReadonlyArray<string>,
  timeoutMs: number,
): Promise<GroupRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let timedOut = false;
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group has already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`${command} could not be started: ${e.message}`));
    });
    // 'close': the process has exited and every holder of its stdout/stderr (the group) is gone
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // anything of the group still alive (it should not be) is not left running
      killGroup();
      resolve({ code, signal, timedOut, output });
    });
  });
}

function describeRun(what: string, args: ReadonlyArray<string>, run: GroupRun): string {
  const how = run.timedOut
    ? 'timed out and was killed with its process group'
    : run.signal
      ? `was killed by ${run.signal}`
      : `exited with code ${run.code}`;
  return [
    `LibreOffice ${what} ${how}.`,
    `command: soffice ${args.join(' ')}`,
    `soffice output:\n${run.output.trim() || '(nothing)'}`,
  ].join('\n');
}

let ownRunDir: string | null = null;

/** This run's folder: jest's (test/setup/global-setup.ts), or one removed when the process exits. */
function runDir(): string {
  if (process.env.JIXIAO_RUN_DIR) return process.env.JIXIAO_RUN_DIR;
  if (!ownRunDir) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-soffice-'));
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    ownRunDir = dir;
  }
  return ownRunDir;
}

/** soffice without a window, a restore or a start document, on the run's own profile. */
function headless(profile: string): string[] {
  return [
    `-env:UserInstallation=file://${profile}`,
    '--headless',
    '--norestore',
    '--nologo',
    '--nodefault',
  ];
}

/**
 * The LibreOffice profile of this run, made and warmed (soffice started once, until its start is
 * done) on first use; later calls, from any suite of the run, find it warm.
 */
export async function warmProfile(): Promise<string> {
  const profile = path.join(runDir(), 'lo-profile');
  const warm = path.join(runDir(), 'lo-profile.warm');
  if (fs.existsSync(warm)) return profile;
  fs.mkdirSync(profile, { recursive: true });
  const args = [...headless(profile), '--terminate_after_init'];
  const run = await runSoffice(args, 180_000);
  if (run.timedOut || run.code !== 0) throw new Error(describeRun('warm-up', args, run));
  fs.writeFileSync(warm, '');
  return profile;
}

/**
 * Converts every file of `inputs` into `outDir` in one soffice call with the warm profile.
 * `outputsOf(input)` names the files expected for an input (in `outDir`). Settles per input: its
 * output files, or an error with soffice's output. Resolves only after soffice has exited.
 */
export async function convertAll(
  inputs: ReadonlyArray<string>,
  filter: string,
  outDir: string,
  outputsOf: (input: string) => ReadonlyArray<string>,
  timeoutMs = 240_000,
): Promise<Array<PromiseSettledResult<string[]>>> {
  if (inputs.length === 0) return [];
  const profile = await warmProfile();
  fs.mkdirSync(outDir, { recursive: true });
  const args = [
    ...headless(profile),
    '--nolockcheck',
    '--convert-to',
    filter,
    '--outdir',
    outDir,
    ...inputs,
  ];
  const run = await runSoffice(args, timeoutMs);
  const failedRun = run.timedOut || run.code !== 0;
  return inputs.map((input) => {
    const expected = outputsOf(input).map((name) => path.join(outDir, name));
    const missing = expected.filter((f) => !fs.existsSync(f));
    if (failedRun || missing.length > 0) {
      const why = failedRun ? '' : `wrote no ${missing.map((f) => path.basename(f)).join(', ')}; `;
      return {
        status: 'rejected' as const,
        reason: new Error(`${why}${describeRun(`converting ${path.basename(input)}`, args, run)}`),
      };
    }
    return { status: 'fulfilled' as const, value: expected };
  });
}

/** The name of `input` with another extension, as soffice names its output. */
export function renamed(input: string, ext: string): string {
  return `${path.basename(input, path.extname(input))}.${ext}`;
}

/** Converts one file (`xlsx` recalculates and saves again, `pdf` prints); returns the output. */
export async function convert(input: string, to: 'xlsx' | 'pdf', outDir: string): Promise<string> {
  const [result] = await convertAll(
    [input],
    to === 'xlsx' ? XLSX_FILTER : PDF_FILTER,
    outDir,
    (i) => [renamed(i, to)],
  );
  if (result.status === 'rejected') throw result.reason;
  return result.value[0];
}
