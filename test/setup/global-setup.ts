/**
 * Once per jest run, in the main process, before any suite (workers and in-band suites inherit the
 * environment): a folder for this run in JIXIAO_RUN_DIR (the warm LibreOffice profile lives there;
 * global-teardown.ts removes it), and the fast-check seed of the run (seed.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedOfRun } from './seed';

export default async function globalSetup(): Promise<void> {
  process.env.JIXIAO_RUN_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-run-'));
  seedOfRun();
}
