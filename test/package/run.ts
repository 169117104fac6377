/** Runs `npm run package` (scripts/package.ts) and `verify-package.mjs` as IT runs them. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: ReadonlyArray<string>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** `npm run package -- ARGS` */
export function runPackage(args: ReadonlyArray<string>): Promise<RunResult> {
  return run(TSX, ['scripts/package.ts', ...args]);
}

/** `node verify-package.mjs URL` with the copy shipped in a package. */
export function runVerify(packageDir: string, url: string): Promise<RunResult> {
  return run(process.execPath, [path.join(packageDir, 'verify-package.mjs'), url]);
}
