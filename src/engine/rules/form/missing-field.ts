import type { CellRef } from '../../grid/address';
import type { AmountField, TextField } from '../../model/forms';
import type { Rule } from '../types';
import { formAnchor, listProjects } from '../shared/forms';
import { isBlank } from '../shared/money';

function blankText(f: TextField | undefined): boolean {
  return !f || f.text.replace(/<\/?p>|&nbsp;/gi, '').trim() === '';
}

/**
 * `form.missing-field`: an empty 项目名称, 预算数 or 绩效目标 (部门名称 and 部门预算金额 on a department
 * form; 项目名称, 总计 and 绩效目标 of each list project). Reported on the empty cell, or on the
 * form's title cell when the form lacks the label altogether.
 */
export const formMissingField: Rule = {
  meta: {
    id: 'form.missing-field',
    severity: 'error',
    title: '必填项为空',
    description: '项目名称、预算数或绩效目标等必填项没有填写。',
    fixable: false,
    forms: ['project-form', 'project-list', 'department-form'],
  },
  check(form, ctx) {
    const anchor = formAnchor(form);
    const missing = (cell: CellRef | null, what: string, suffix = '') =>
      ctx.report({
        cell: cell ?? anchor,
        message: cell ? `${what}未填写${suffix}。` : `表中找不到“${what}”一栏${suffix}，请补充。`,
      });
    const amountMissing = (f: AmountField) => isBlank(f);
    switch (form.kind) {
      case 'project-form':
        if (blankText(form.name)) missing(form.name.cell, '项目名称');
        if (amountMissing(form.budget)) missing(form.budget.cell, '预算数');
        if (form.targets.every((t) => blankText(t))) {
          missing(form.targetsCell ?? form.targets[0]?.cell ?? null, '绩效目标');
        }
        return;
      case 'department-form':
        if (blankText(form.name)) missing(form.name.cell, '部门名称');
        if (amountMissing(form.budget)) missing(form.budget.cell, '部门预算金额');
        if (form.summary && form.summary.cell && blankText(form.summary)) {
          missing(form.summary.cell, '年度整体绩效目标概述');
        }
        return;
      case 'project-list':
        for (const p of listProjects(form)) {
          const who = blankText(p.name) ? '' : `（项目“${p.name.text.trim()}”）`;
          if (blankText(p.name)) missing(p.name.cell, '项目名称', who);
          if (amountMissing(p.total)) missing(p.total.cell, '总计', who);
          if (blankText(p.target)) missing(p.target.cell, '绩效目标', who);
        }
        return;
    }
  },
};
