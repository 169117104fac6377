/** Host errors with the Chinese messages the pane shows. One place for all of them. */
import type { HostError, HostResult } from './types';

export const MAX_SHEET_CELLS = 2_000_000;

export function ok<T>(value: T): HostResult<T> {
  return { ok: true, value };
}

export function fail<T>(error: HostError): HostResult<T> {
  return { ok: false, error };
}

export const hostErrors = {
  sheetMissing: (sheet: string): HostError => ({
    code: 'sheet-missing',
    sheet,
    message: `找不到工作表“${sheet}”，它可能已被删除或重命名。请刷新后重试。`,
  }),
  sheetProtected: (sheet: string): HostError => ({
    code: 'sheet-protected',
    sheet,
    message: `工作表“${sheet}”受保护，无法写入。请在“审阅”选项卡中撤销工作表保护后重试。`,
  }),
  tooLarge: (sheet: string, cells?: number): HostError => ({
    code: 'too-large',
    sheet,
    message: `工作表“${sheet}”过大${cells ? `（约 ${cells.toLocaleString('zh-CN')} 个单元格）` : ''}，超出一次可读取的范围。请删除多余的空行空列，或把表格拆分到多个工作表后再检查。`,
  }),
  invalidAddress: (address: string): HostError => ({
    code: 'invalid-address',
    message: `单元格地址“${address}”无效。`,
  }),
  invalidName: (name: string): HostError => ({
    code: 'invalid-name',
    message: `无法使用工作表名称“${name}”。`,
  }),
  unsupported: (what: string): HostError => ({
    code: 'unsupported',
    message: `当前 Excel 版本不支持${what}。请更新到 Microsoft 365 最新版本，或使用独立模式。`,
  }),
  remarksUnreadable: (): HostError => ({
    code: 'unreadable',
    message:
      '工作簿中保存的审核意见无法读取（可能已损坏，或由更新版本的加载项保存），本次未载入。再次保存审核意见将替换这份无法读取的内容。',
  }),
  remarksTooLarge: (): HostError => ({
    code: 'too-large',
    message:
      '审核意见过多，超出一次可保存到工作簿的大小（约 4 MB）。请删除部分审核意见或导出为“审核意见”工作表后再保存。',
  }),
  busy: (): HostError => ({
    code: 'busy',
    message: 'Excel 正忙（可能正在编辑单元格），请完成编辑后重试。',
  }),
  unknown: (detail: string, sheet?: string): HostError => ({
    code: 'unknown',
    sheet,
    detail,
    message: `操作未能完成：${detail}`,
  }),
};
