/** Removes this run's folder (global-setup.ts) once every suite has finished. */
import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const dir = process.env.JIXIAO_RUN_DIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
