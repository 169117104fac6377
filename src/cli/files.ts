import fs from 'node:fs';
import zlib from 'node:zlib';
// The reader module itself, not the adapter's index: that one also loads exceljs for writing.
import {
  DEFAULT_MAX_SIZE,
  readXlsx,
  WorkbookReadError,
  type ReadOptions,
} from '../adapters/xlsx/read';
import { formatBytes } from '../adapters/xlsx/reader/errors';
import type { WorkbookData } from '../engine';

export type Loaded = { ok: true; workbook: WorkbookData } | { ok: false; error: string };

/**
 * Reads an .xlsx from disk, turning every failure into a Chinese message (never a stack trace).
 * The file's type and size are checked on the open descriptor before a byte is read, so that a
 * folder, a pipe, a device such as /dev/zero or an oversized file fails at once.
 */
export async function loadWorkbook(file: string, options: ReadOptions = {}): Promise<Loaded> {
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  let bytes: Uint8Array;
  try {
    const read = readRegularFile(file, maxSize);
    if (typeof read === 'string') return { ok: false, error: read };
    bytes = read;
  } catch (e) {
    return { ok: false, error: openError(file, e) };
  }
  try {
    return {
      ok: true,
      workbook: await readXlsx(bytes, { ...options, maxSize, inflate: nodeInflate }),
    };
  } catch (e) {
    if (e instanceof WorkbookReadError) {
      const hint = e.reason === 'too-large' ? TOO_LARGE_HINT : '';
      return { ok: false, error: e.message + hint };
    }
    return { ok: false, error: UNEXPECTED };
  }
}

/** Node's own inflater for parts up to 64 MB: it needs no warm-up (see OneShotInflate). */
export function nodeInflate(data: Uint8Array, maxOutput: number): Uint8Array | null {
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: maxOutput });
  } catch (e) {
    // larger than maxOutput: the reader streams it instead
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw e;
  }
}

export const TOO_LARGE_HINT = '如确认文件无误，可用 --max-size 调高上限（例如 --max-size 1GB）。';
export const UNEXPECTED = '文件无法读取：读取时出现意外错误，请确认文件是完整的 .xlsx 工作簿。';

/** The file's bytes, or a message when it is not a regular file of an acceptable size. */
function readRegularFile(file: string, maxSize: number): Uint8Array | string {
  // O_NONBLOCK: opening a named pipe must not wait for a writer.
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) return `“${file}”是文件夹，不是 .xlsx 文件。`;
    if (st.isFIFO()) return `“${file}”是管道（FIFO），不是普通文件，无法读取。`;
    if (st.isCharacterDevice() || st.isBlockDevice())
      return `“${file}”是设备文件（如 /dev/zero），不是 .xlsx 文件。`;
    if (!st.isFile()) return `“${file}”不是普通文件，无法读取。`;
    if (st.size > maxSize)
      return `文件大小为 ${formatBytes(st.size)}，超过读取上限（${formatBytes(maxSize)}），未读取。${TOO_LARGE_HINT}`;
    const bytes = new Uint8Array(st.size);
    let at = 0;
    while (at < bytes.length) {
      const n = fs.readSync(fd, bytes, at, bytes.length - at, null);
      if (n === 0) break;
      at += n;
    }
    return at === bytes.length ? bytes : bytes.subarray(0, at);
  } finally {
    fs.closeSync(fd);
  }
}

function openError(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return `找不到文件“${file}”。`;
    case 'EACCES':
    case 'EPERM':
      return `没有权限读取文件“${file}”。`;
    case 'EISDIR':
      return `“${file}”是文件夹，不是 .xlsx 文件。`;
    case 'ELOOP':
      return `“${file}”是循环的符号链接，无法读取。`;
    case 'ENAMETOOLONG':
      return `文件名“${file}”过长，无法读取。`;
    case 'EBUSY':
      return `文件“${file}”正被其他程序占用，请关闭后重试。`;
    default:
      return `无法读取文件“${file}”（错误代码 ${code ?? '未知'}）。`;
  }
}

/**
 * `--max-size` as bytes: `500MB`, `1GB`, `800` (megabytes when no unit is given). Null for
 * anything else.
 */
export function parseMaxSize(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(text.trim());
  if (!m) return null;
  const unit = (m[2] ?? 'mb').toLowerCase()[0];
  const bytes = Number(m[1]) * 1024 ** (unit === 'k' ? 1 : unit === 'm' ? 2 : 3);
  return bytes >= 1024 ? Math.floor(bytes) : null;
}

export const MAX_SIZE_USAGE = '--max-size 应为文件大小，例如 500MB 或 1GB（不写单位时按 MB 计）';
