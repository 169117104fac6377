import { LabelTable } from '../common/labels';

/** The header-block labels of a project form (docs/domain.md §1.1) and their synonyms. */
export type HeaderKey =
  | 'code'
  | 'name'
  | 'department'
  | 'implementer'
  | 'budget'
  | 'fiscal'
  | 'other'
  | 'purpose'
  | 'plan'
  | 'targets'
  | 'targetItem'
  /** a label over other labels, with no value of its own (`预算规模及资金用途`) */
  | 'group'
  /** labels of a department form; a titled block holding them is not a project form */
  | 'departmentOnly';

export const HEADER_LABELS = new LabelTable<HeaderKey>({
  code: ['项目编码', '项目代码', '项目编号'],
  name: ['项目名称'],
  department: ['主管部门', '主管部门及代码', '主管单位', '主管部门名称', '部门名称'],
  implementer: ['实施单位', '项目实施单位', '资金使用单位', '执行单位', '项目单位', '预算单位'],
  budget: [
    '预算数',
    '年度预算数',
    '年度资金总额',
    '资金总额',
    '项目资金总额',
    '预算金额',
    '预算总额',
    '项目预算数',
    '年度预算',
    '本年预算数',
  ],
  fiscal: ['财政资金', '财政拨款', '财政性资金', '财政预算资金', '财政拨款资金', '本级财政资金'],
  other: ['其他资金', '其他来源资金', '其他来源', '自筹资金'],
  purpose: ['资金用途', '主要用途', '资金使用用途', '项目资金用途'],
  plan: ['资金支出计划', '资金支出进度计划', '支出计划', '资金使用计划', '预算执行计划'],
  targets: ['绩效目标', '年度绩效目标', '项目绩效目标', '总体绩效目标', '项目年度绩效目标'],
  targetItem: [
    '实施期目标',
    '年度目标',
    '中长期目标',
    '总体目标',
    '实施期绩效目标',
    '年度总体目标',
  ],
  group: [
    '预算规模及资金用途',
    '预算规模',
    '项目资金',
    '资金情况',
    '项目资金情况',
    '资金规模',
    '项目基本情况',
    '基本情况',
    '绩效指标',
  ],
  departmentOnly: [
    '部门预算金额',
    '预算安排年度',
    '年度整体绩效目标概述',
    '财政供养人员数量',
    '下属单位数量',
  ],
});

const TARGET_ROW = /^目标[0-9０-９一二三四五六七八九十]{1,3}$/;
const PLAN_PERIOD = /^(?:截至|截止|至)?([0-9０-９]{1,2})月(?:底|末|份)?(?:前)?$/;

/** The key of a normalised header label: table first, then `目标1`-style rows. */
export function headerKeyNorm(norm: string): HeaderKey | null {
  const key = HEADER_LABELS.matchNorm(norm);
  if (key !== null) return key;
  if (norm.length <= 6 && TARGET_ROW.test(norm)) return 'targetItem';
  return null;
}

/** `3月底`, `截至6月底`, `12月` (normalised) → `3月底` / `6月底` / `12月底`; null for anything else. */
export function planPeriodNorm(norm: string): string | null {
  if (norm.length > 10) return null;
  const m = PLAN_PERIOD.exec(norm);
  if (!m) return null;
  const n = Number(m[1].replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  if (n < 1 || n > 12) return null;
  return `${n}月底`;
}

/** A row that heads a project list (`项目名称（资金使用单位）| 总计 | … | 绩效指标`), not a project form. */
export const LIST_HEADER_MARKS = new LabelTable<'mark'>({
  mark: ['总计', '财政专户拨款', '绩效指标'],
});
