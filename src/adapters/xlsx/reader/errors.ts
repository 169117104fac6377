/**
 * Why a workbook could not be read, and every message the reader shows, in one place. Messages are
 * for a clerk: what is wrong and what to do, in Chinese; no library's English reason reaches them.
 */

export type ReadFailureReason =
  | 'encrypted'
  | 'corrupt'
  | 'not-xlsx'
  | 'too-large'
  /** a spreadsheet in another format (.xls, .xlsb, .ods, HTML, XML 2003): convert it */
  | 'unsupported-format';

/** Why a workbook could not be read, with a message for a clerk. */
export class WorkbookReadError extends Error {
  constructor(
    readonly reason: ReadFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

const SAVE_AS = '请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再检查。';

export const MESSAGES = {
  empty: '文件为空（0 字节），不是有效的 .xlsx 工作簿。',
  notXlsx: '文件不是 .xlsx 工作簿（格式无法识别）。请另存为 Excel 工作簿（.xlsx）后再检查。',
  encrypted:
    '文件受密码保护，无法读取。请在 Excel 中取消密码保护（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）并另存为 .xlsx 后再检查。',
  /** an OLE file whose streams could not be listed: encrypted .xlsx or old .xls */
  encryptedOrXls:
    '文件受密码保护或为旧版 .xls 格式，无法读取。请在 Excel 中取消密码保护并另存为 .xlsx 后再检查。',
  xls: `文件是旧版 Excel 97-2003 工作簿（.xls），无法直接读取。${SAVE_AS}`,
  xlsb: `文件是 Excel 二进制工作簿（.xlsb），无法直接读取。${SAVE_AS}`,
  ods: '文件是 OpenDocument 电子表格（.ods），无法直接读取。请在 WPS、LibreOffice 或 Excel 中打开，另存为“Excel 工作簿（*.xlsx）”后再检查。',
  html: `文件是网页（HTML）格式的表格（常见于业务系统导出的“.xls”文件），不是真正的工作簿。${SAVE_AS}`,
  xml2003: `文件是 Excel 2003 XML 表格，无法直接读取。${SAVE_AS}`,
  otherOle: '文件是旧版 Office 文档（如 Word .doc），不是 Excel 工作簿。',
  otherOffice: (what: string) => `文件是 ${what}，不是 Excel 工作簿。`,
  noWorkbook:
    '文件是压缩包，但其中没有工作簿内容，不是 .xlsx 工作簿。请确认选对了文件，或在 Excel 中重新另存为 .xlsx。',
  corrupt: '文件已损坏或不完整，无法打开。请重新导出或向报送单位索取完整文件。',
  corruptPart: (part: string) =>
    `文件已损坏或不完整（${part} 无法解析），无法打开。请重新导出或向报送单位索取完整文件。`,
  missingSheet: (sheet: string) =>
    `文件已损坏：工作表「${sheet}」的内容缺失。请在 Excel 中打开后重新另存为 .xlsx。`,
  tooLargeInflated: (limit: number) =>
    `文件解压后的内容超过读取上限（${formatBytes(limit)}），可能已损坏或是恶意构造的文件（“压缩炸弹”），未读取。`,
  tooLargeFile: (limit: number) => `文件超过读取上限（${formatBytes(limit)}），未读取。`,
  tooManyCells: (limit: number) =>
    `工作簿中的单元格超过读取上限（${limit.toLocaleString('en-US')} 个），可能已损坏或是恶意构造的文件，未读取。`,
  tooManyMerges: (limit: number) =>
    `工作簿中的合并单元格过多或过大（超过 ${limit.toLocaleString('en-US')} 行），可能已损坏或是恶意构造的文件，未读取。`,
} as const;

/** `500 MB`, `1.5 GB`, `64 KB`. */
export function formatBytes(n: number): string {
  const units: Array<[number, string]> = [
    [1024 ** 3, 'GB'],
    [1024 ** 2, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (n >= size) return `${Math.round((n / size) * 10) / 10} ${unit}`;
  }
  return `${n} 字节`;
}

export function corrupt(part?: string): WorkbookReadError {
  return new WorkbookReadError('corrupt', part ? MESSAGES.corruptPart(part) : MESSAGES.corrupt);
}

/** Thrown by the low-level readers, which do not know which part they read; see `withPart`. */
export class ReadFailure extends Error {
  constructor(readonly kind: 'corrupt') {
    super(kind);
  }
}
