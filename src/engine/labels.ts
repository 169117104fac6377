/**
 * The domain's Chinese labels, one copy for every caller: the command line, the pane, the standalone
 * page, the exports and the normalised sheet (docs/domain.md). Feature texts (buttons, tab names,
 * messages) stay with their feature.
 */
import type { Severity } from './model/finding';
import type { Form, FormKind, Period } from './model/forms';
import { allRules } from './rules';

/** 级别 */
export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

/** 表单类型: each form's own name as the published forms print it (docs/domain.md §1). */
export const FORM_KIND_LABEL: Readonly<Record<FormKind, string>> = {
  'project-form': '项目支出绩效目标表',
  'project-list': '项目支出绩效目标表（含转移支付项目）',
  'department-form': '部门整体支出绩效目标表',
};

/** 期间: which value column an indicator value was written in. */
export const PERIOD_LABEL: Readonly<Record<Period, '年度' | '实施周期'>> = {
  annual: '年度',
  period: '实施周期',
};

const RULE_TITLES: ReadonlyMap<string, string> = new Map(
  allRules.map((r) => [r.meta.id, r.meta.title]),
);

/** The rule's Chinese name from its metadata (`比较符误写`), or its id when unknown. */
export function ruleTitle(id: string): string {
  return RULE_TITLES.get(id) ?? id;
}

/**
 * A rule as exports name it: its Chinese name, then its id (`比较符误写（value.operator-typo）`), the
 * id being what `--disable` takes. The normalised sheet's 问题 and the 审核意见 sheet use it alike.
 */
export function ruleLabel(id: string): string {
  const title = ruleTitle(id);
  return title === id ? id : `${title}（${id}）`;
}

/** What a form is about: its project's name, or its department's (blank when it has none). */
export function formName(form: Form): string {
  switch (form.kind) {
    case 'project-form':
    case 'department-form':
      return form.name.text;
    default:
      return form.department?.text ?? '';
  }
}
