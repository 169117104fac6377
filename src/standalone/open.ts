/** Opening a workbook from disk into the in-memory host, with Chinese reasons when it fails. */
import { AppError, errorMessage } from '../app';
import { MemoryWorkbookHost, type OpenProgress } from '../adapters/memory';

const CJK = /[\u4e00-\u9fff]/;

const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP = [0x50, 0x4b];
const starts = (b: Uint8Array, m: number[]) => m.every((x, i) => b[i] === x);

/** Chinese reason a file cannot be opened, or null when it looks like an .xlsx. */
export function fileProblem(name: string, bytes: Uint8Array): string | null {
  if (bytes.length === 0) return `文件“${name}”是空的。`;
  if (starts(bytes, OLE))
    return `文件“${name}”受密码保护或是旧版 .xls 格式，无法读取。请在 Excel 或 WPS 中取消密码保护并另存为 .xlsx 后再打开。`;
  if (!starts(bytes, ZIP))
    return `文件“${name}”不是 Excel 工作簿（.xlsx）。如果是 .csv 或 .et 文件，请先另存为 .xlsx。`;
  return null;
}

/**
 * Opens .xlsx bytes into the in-memory host, reporting progress (loading the reader, then sheet
 * by sheet). Every failure becomes one Chinese sentence; a library's English never reaches the page.
 */
export async function openWorkbook(
  name: string,
  bytes: Uint8Array,
  onProgress?: (p: OpenProgress) => void | Promise<void>,
): Promise<MemoryWorkbookHost> {
  const problem = fileProblem(name, bytes);
  if (problem) throw new AppError(problem);
  try {
    return await MemoryWorkbookHost.load(bytes, { onProgress });
  } catch (e) {
    if (e instanceof Error && CJK.test(e.message)) throw new AppError(e.message);
    if (e instanceof Error && /network|failed to fetch|loading chunk/i.test(e.message))
      throw new AppError(errorMessage(e, '打开文件'));
    throw new AppError(
      `文件“${name}”已损坏或格式不受支持，无法打开。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。`,
    );
  }
}

/** `天津项目.xlsx` → `天津项目` */
export function baseName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '') || '工作簿';
}
