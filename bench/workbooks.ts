/**
 * The benchmark workbooks as .xlsx files: `forms` generated project forms (bench/generate.ts)
 * written once with exceljs into the system's temporary folder and reused by later runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeXlsx } from '../src/adapters/xlsx/write';
import { projectFormsWorkbook } from './generate';

/** Bump when generate.ts changes what it writes, so that stale files are not reused. */
const VERSION = 1;

export async function benchWorkbookFile(forms: number, perForm = 20): Promise<string> {
  const file = path.join(os.tmpdir(), `jixiao-bench-${forms}x${perForm}-v${VERSION}.xlsx`);
  if (!fs.existsSync(file)) {
    const { workbook } = projectFormsWorkbook(forms, perForm);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, await writeXlsx(workbook.sheets));
    fs.renameSync(tmp, file);
  }
  return file;
}
