/** Every Chinese text of the reviewer's features, in one place. */

/** The standard review-remark categories, as data (ids are stable, labels are what people see). */
export const REMARK_CATEGORIES = [
  { id: 'incomplete', label: '指标不够完整' },
  { id: 'not-specific', label: '指标不够细化量化' },
  { id: 'not-relevant', label: '指标与项目相关性不够' },
  { id: 'value-mismatch', label: '指标与指标值不匹配' },
  { id: 'level1-wrong', label: '一级指标类型错误' },
  { id: 'level2-wrong', label: '二级指标类型错误' },
  { id: 'add-output', label: '建议增加产出指标' },
  { id: 'add-benefit', label: '建议增加效益指标' },
  { id: 'add-satisfaction', label: '建议增加满意度指标' },
  { id: 'other', label: '其他' },
] as const;

export type RemarkCategory = (typeof REMARK_CATEGORIES)[number]['id'];

const CATEGORY_LABELS: ReadonlyMap<string, string> = new Map(
  REMARK_CATEGORIES.map((c) => [c.id, c.label]),
);

export function categoryLabel(id: string): string {
  return CATEGORY_LABELS.get(id) ?? id;
}

export function isRemarkCategory(id: string): id is RemarkCategory {
  return CATEGORY_LABELS.has(id);
}

/** The 审核意见 sheet. */
export const REVIEW_SHEET_NAME = '审核意见';

export const REVIEW_COLUMNS = [
  '序号',
  '工作表',
  '单元格',
  '类型',
  '类别或规则',
  '级别',
  '内容',
  '建议',
] as const;

export const ROW_KIND = { remark: '审核意见', finding: '检查发现' } as const;

/** Why review remarks could not be read from, or kept in, the workbook. */
export const remarkMessages = {
  damaged:
    '工作簿中保存的审核意见已损坏，无法读取。为避免覆盖，本次新增的审核意见只在当前页面中保留，不会保存到工作簿；请用“导出审核意见”保存。',
  newer: (version: number) =>
    `工作簿中的审核意见由更新版本的绩效目标表助手保存（格式版本 ${version}），当前版本无法读取。为避免覆盖，本次新增的审核意见不会保存到工作簿；请更新绩效目标表助手后再打开。`,
  someUnread: (n: number) => `工作簿中有 ${n} 条审核意见无法读取，未显示；保存时会原样保留。`,
  unreadable: (detail: string) =>
    `无法读取工作簿中保存的审核意见（${detail}）。为避免覆盖，本次新增的审核意见不会保存到工作簿；请用“导出审核意见”保存。`,
  notSaved:
    '审核意见未保存到工作簿（工作簿中原有的审核意见无法读取，为避免覆盖未写入）。请用“导出审核意见”保存。',
  saveFailed: (detail: string) => `审核意见未能保存到工作簿：${detail}`,
  sessionOnly:
    '当前环境无法把审核意见保存到工作簿中，关闭后将丢失。请在完成后用“导出审核意见”保存。',
};

export const reviewMessages = {
  unknownCategory: (id: string) => `审核意见类别“${id}”无效。`,
  invalidCell: (cell: string) => `单元格地址“${cell}”无效。`,
  missingRemark: (id: string) => `找不到审核意见（${id}），它可能已被删除。`,
  emptyOther: '选择“其他”时请填写审核意见内容。',
};
