import Big from 'big.js';
import { toWan } from '../../money/amount';
import type { Rule } from '../types';
import { ALL_FORMS, indicatorGroups } from '../shared/forms';
import { budgetYearValues, factsOf } from '../shared/indicators';
import { amountText, reportOnce } from '../shared/report';
import { costCapWan, parseValueOf } from '../shared/values';

/**
 * `funding.cost-exceeds-budget`: a cost cap (`≤120万元`) above the money of the form (预算数 of a
 * project form, 总计 of a list project, 部门预算金额). Both are exact decimals in 万元, compared with
 * no tolerance (a cap over by less than the budget's shown decimals is still over); only the annual
 * value is compared when the form has 实施周期 and 年度 columns.
 */
export const fundingCostExceedsBudget: Rule = {
  meta: {
    id: 'funding.cost-exceeds-budget',
    severity: 'error',
    title: '成本超过预算',
    description: '成本指标的金额上限超过了本项目的预算数。',
    fixable: false,
    forms: ALL_FORMS,
  },
  check(form, ctx) {
    const report = reportOnce(ctx);
    for (const group of indicatorGroups(form)) {
      const budget = group.budget;
      if (!budget || !budget.amount.ok) continue;
      const budgetWan = toWan(budget.amount.value, group.unit);
      for (const ind of group.indicators) {
        const facts = factsOf(ind);
        if (!facts.isCost) continue;
        for (const v of budgetYearValues(ind)) {
          const p = parseValueOf(ctx, ind, v);
          const cap = costCapWan(p);
          if (!cap) continue;
          // exact at any number of decimals: `≤1000001元` is over a budget of 100 万元
          if (!cap.gt(budgetWan)) continue;
          const capInUnit = cap.div(toWan(new Big(1), group.unit));
          const who = ind.packed
            ? `第 ${ind.packed.index + 1} 项指标“${facts.name}”的`
            : `成本指标“${facts.name}”的`;
          const converted =
            p.unit === group.unit ? '' : `（即 ${capInUnit.toFixed()} ${group.unit}）`;
          const shownBudget = amountText(budget.amount);
          report({
            cell: v.cell,
            message: `${who}成本上限“${v.text}”${converted}超过了${group.budgetLabel} ${shownBudget} ${group.unit}。`,
          });
        }
      }
    }
  },
};
