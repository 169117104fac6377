import type { Rule } from '../types';
import { sumCheck } from '../shared/money';
import { fixed, shown } from '../shared/report';
import { formulaAdvice, formulaAt } from '../shared/formulas';

/**
 * `funding.department-split`: a 预算整体情况 pair (基本支出 + 项目支出, 财政拨款 + 其他资金, …) that
 * does not add up to 部门预算金额. Reported on the 部门预算金额 cell.
 */
export const fundingDepartmentSplit: Rule = {
  meta: {
    id: 'funding.department-split',
    severity: 'error',
    title: '预算构成不符',
    description: '预算整体情况中某一组构成（如基本支出与项目支出）相加不等于部门预算金额。',
    fixable: false,
    forms: ['department-form'],
  },
  check(form, ctx) {
    if (form.kind !== 'department-form') return;
    const budget = form.budget;
    if (!budget.cell || !budget.amount.ok) return;
    for (const split of form.splits) {
      if (split.parts.length === 0) continue;
      const fields = split.parts.map((p) => p.field);
      // a split left blank is not checked
      if (fields.every((f) => !f.amount.ok && f.amount.problem === 'empty')) continue;
      const r = sumCheck(budget, fields);
      if (!r || !r.differs) continue;
      const terms = split.parts.map((p) => `${p.label} ${shown(p.field)}`).join(' + ');
      const formula = formulaAt(form, budget.cell);
      const advice = formula === undefined ? '' : formulaAdvice('部门预算金额', formula, fields);
      ctx.report({
        cell: budget.cell,
        message: `${split.label}：${terms} = ${fixed(r.sum, r.decimals)}，不等于部门预算金额 ${shown(budget)}（相差 ${fixed(r.diff, r.decimals)} ${form.unit}）。${advice}`,
      });
    }
  },
};
