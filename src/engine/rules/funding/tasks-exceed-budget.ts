import Big from 'big.js';
import { differs } from '../../money/amount';
import type { AmountField } from '../../model/forms';
import type { Rule } from '../types';
import { maxDecimals, shown } from '../shared/report';

/**
 * `funding.tasks-exceed-budget`: 年度重点工作任务 拟投入的资金 adding up to more than 项目支出 (or,
 * when the form gives no 项目支出, the department total). Reported on that total's cell.
 */
export const fundingTasksExceedBudget: Rule = {
  meta: {
    id: 'funding.tasks-exceed-budget',
    severity: 'warning',
    title: '重点任务资金超过项目支出',
    description: '年度重点工作任务拟投入的资金合计超过了项目支出（或部门预算金额）。',
    fixable: false,
    forms: ['department-form'],
  },
  check(form, ctx) {
    if (form.kind !== 'department-form') return;
    const amounts = form.tasks.map((t) => t.amount).filter((a) => a.amount.ok);
    if (amounts.length === 0) return;
    const project = form.splits
      .find((s) => s.key === 'expense-type')
      ?.parts.find((p) => p.label.includes('项目'))?.field;
    const limits: Array<{ label: string; field: AmountField }> = [];
    if (project && project.amount.ok && project.cell)
      limits.push({ label: '项目支出', field: project });
    if (form.budget.amount.ok && form.budget.cell)
      limits.push({ label: '部门预算金额', field: form.budget });
    const limit = limits[0];
    if (!limit || !limit.field.amount.ok || !limit.field.cell) return;
    const sum = amounts.reduce((a, f) => (f.amount.ok ? a.plus(f.amount.value) : a), new Big(0));
    const decimals = maxDecimals([...amounts, limit.field]);
    if (!sum.gt(limit.field.amount.value) || !differs(sum, limit.field.amount.value, decimals))
      return;
    const terms = amounts.map((a) => shown(a)).join(' + ');
    ctx.report({
      cell: limit.field.cell,
      message: `年度重点工作任务拟投入资金合计 ${terms} = ${sum.toFixed(decimals)} ${form.unit}，超过了${limit.label} ${shown(limit.field)} ${form.unit}。`,
    });
  },
};
