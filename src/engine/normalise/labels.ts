/** Chinese texts the normalised rows carry as values (the headers are in columns.ts). */
import type { FormKind, Period } from '../model/forms';
import type { ParsedValue } from '../values/types';
import type { IndicatorRow, PeriodLabel } from './columns';

/** 表单类型 */
export const FORM_KIND_LABEL: Record<FormKind, string> = {
  'project-form': '项目支出绩效目标表',
  'project-list': '项目支出绩效目标表（含转移支付项目）',
  'department-form': '部门整体支出绩效目标表',
};

/** 期间 */
export const PERIOD_LABEL: Record<Period, PeriodLabel> = {
  annual: '年度',
  period: '实施周期',
};

/** 定量/定性 */
export const VALUE_KIND_LABEL: Record<ParsedValue['kind'], IndicatorRow['valueKind']> = {
  quantitative: '定量',
  qualitative: '定性',
  empty: '',
};
