import fs from 'node:fs';
import { readXlsx, WorkbookReadError } from '../adapters/xlsx';
import type { WorkbookData } from '../engine';

/** Reads an .xlsx from disk, turning every failure into a Chinese message (never a stack trace). */
export async function loadWorkbook(
  file: string,
): Promise<{ ok: true; workbook: WorkbookData } | { ok: false; error: string }> {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return { ok: false, error: `“${file}”是文件夹，不是 .xlsx 文件。` };
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, error: `找不到文件“${file}”。` };
    if (code === 'EACCES') return { ok: false, error: `没有权限读取文件“${file}”。` };
    return { ok: false, error: `无法读取文件“${file}”（${code ?? (e as Error).message}）。` };
  }
  try {
    return { ok: true, workbook: await readXlsx(bytes) };
  } catch (e) {
    if (e instanceof WorkbookReadError) return { ok: false, error: e.message };
    return { ok: false, error: `文件无法打开：${(e as Error).message}` };
  }
}
