import type { Form, Severity } from '../engine';

export const KIND_LABEL: Record<Form['kind'], string> = {
  'project-form': '项目支出绩效目标表',
  'project-list': '项目支出绩效目标表（含转移支付项目）',
  'department-form': '部门整体支出绩效目标表',
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

/** A form's title for listings: its own title, else its project or department name. */
export function formTitle(f: Form): string {
  if (f.title) return f.title;
  if (f.kind === 'project-form' || f.kind === 'department-form') return f.name.text;
  return f.department?.text ?? '';
}
