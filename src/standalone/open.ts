/** Opening a workbook from disk into the in-memory host, with Chinese reasons when it fails. */
import { errorMessage } from '../app';
import { MemoryWorkbookHost } from '../adapters/memory';

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

export async function openWorkbook(name: string, bytes: Uint8Array): Promise<MemoryWorkbookHost> {
  const problem = fileProblem(name, bytes);
  if (problem) throw new Error(problem);
  try {
    return await MemoryWorkbookHost.load(bytes);
  } catch (e) {
    const text = errorMessage(e, '打开文件');
    throw new Error(
      /[\u4e00-\u9fff]/.test((e as Error)?.message ?? '')
        ? text
        : `文件“${name}”已损坏或格式不受支持，无法打开。（${(e as Error)?.message ?? e}）`,
    );
  }
}

/** `天津项目.xlsx` → `天津项目` */
export function baseName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '') || '工作簿';
}
