import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the command line in-process with captured output. */
export async function runCli(args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/** A fresh temporary folder, removed by the caller's afterAll. */
export function tempDir(prefix = 'jixiao-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures');
