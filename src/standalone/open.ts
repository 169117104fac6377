/**
 * Opening a workbook from disk into the in-memory host, with progress a page can show (reading the
 * file, loading the reader, reading the workbook, sheet N of M) and Chinese reasons when it fails.
 * The reader is not part of the page's first chunk: the host loads it on the first open.
 */
import { errorMessage } from '../app';
import { MemoryWorkbookHost, type OpenProgress } from '../adapters/memory';

const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP = [0x50, 0x4b];
const starts = (b: Uint8Array, m: number[]) => m.every((x, i) => b[i] === x);
const CJK = /[\u4e00-\u9fff]/;

/** Where opening a file has got: the host's steps, after reading the file itself. */
export type OpeningProgress = OpenProgress | { readonly phase: 'file'; readonly bytes: number };

/** What a progress line says, in Chinese. */
export function progressText(name: string, p: OpeningProgress | null): string {
  if (!p) return `正在打开“${name}”…`;
  switch (p.phase) {
    case 'file':
      return `正在读取文件“${name}”…`;
    case 'reader':
      return `正在读取工作簿“${name}”…`;
    case 'sheets':
      return `正在读取第 ${p.done + 1}/${p.total} 个工作表${p.sheet ? `“${p.sheet}”` : ''}…`;
    case 'done':
      return `已读取 ${p.total} 个工作表。`;
  }
}

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
 * Opens .xlsx bytes. `onProgress` is awaited at each step, so that a page can paint the step
 * before the work goes on.
 */
export async function openWorkbook(
  name: string,
  bytes: Uint8Array,
  onProgress?: (p: OpeningProgress) => void | Promise<void>,
): Promise<MemoryWorkbookHost> {
  const problem = fileProblem(name, bytes);
  if (problem) throw new Error(problem);
  try {
    return await MemoryWorkbookHost.load(bytes, { onProgress });
  } catch (e) {
    // the reader's own reasons are Chinese; anything else (a library's words) is not shown
    const message = (e as Error)?.message ?? '';
    throw new Error(
      CJK.test(message)
        ? withoutLibraryWords(errorMessage(e, '打开文件'))
        : `文件“${name}”已损坏或格式不受支持，无法打开。请在 Excel 中打开并另存为 .xlsx 后再试。`,
    );
  }
}

/** A Chinese message without a library's English reason in brackets (`（Corrupted zip: …）`). */
function withoutLibraryWords(message: string): string {
  return message.replace(/（([^（）]*)）/g, (whole, inner: string) =>
    !CJK.test(inner) && /[A-Za-z]{4,}/.test(inner.replace(/xlsx|xlsm/gi, '')) ? '' : whole,
  );
}

/** Reads a file the user chose (or dropped) and opens it. */
export async function openFile(
  file: Blob & { readonly name: string },
  onProgress?: (p: OpeningProgress) => void | Promise<void>,
): Promise<MemoryWorkbookHost> {
  await onProgress?.({ phase: 'file', bytes: file.size });
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    throw new Error(`无法读取文件“${file.name}”。请确认文件没有被其他程序占用后重试。`);
  }
  return openWorkbook(file.name, bytes, onProgress);
}

/** `天津项目.xlsx` → `天津项目` */
export function baseName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '') || '工作簿';
}
