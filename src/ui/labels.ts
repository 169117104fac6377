/** The pane's shared Chinese labels (feature-specific text stays with its component). */
import type { FormKind, Severity } from '../engine';

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

export const FORM_KIND_LABEL: Readonly<Record<FormKind, string>> = {
  'project-form': '项目支出绩效目标表',
  'project-list': '项目支出绩效目标汇总表',
  'department-form': '部门整体支出绩效目标表',
};

export const TAB_LABEL = {
  templates: '模板',
  check: '检查',
  review: '审核',
  export: '导出',
} as const;
export type TabId = keyof typeof TAB_LABEL;
