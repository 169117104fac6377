/** LibreOffice headless, for the template tests and scripts/render-templates.ts. */
import { execFile } from 'node:child_process';
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

/**
 * Converts `input` with LibreOffice (`xlsx` recalculates and saves again, `pdf` prints) into
 * `outDir`, with a profile of its own so that several conversions can run at once. Returns the
 * output file.
 */
export async function convert(input: string, to: 'xlsx' | 'pdf', outDir: string): Promise<string> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  fs.mkdirSync(outDir, { recursive: true });
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--norestore',
          '--convert-to',
          to === 'xlsx' ? 'xlsx:Calc MS Excel 2007 XML' : 'pdf',
          '--outdir',
          outDir,
          input,
        ],
        { timeout: 120_000 },
        (err, _stdout, stderr) =>
          err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(),
      );
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const out = path.join(outDir, `${path.basename(input, path.extname(input))}.${to}`);
  if (!fs.existsSync(out)) throw new Error(`LibreOffice wrote no ${to} for ${input}`);
  return out;
}
