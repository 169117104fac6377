import Big from 'big.js';
import { toWan } from '../../money/amount';
import type { CellRef } from '../../grid/address';
import type { Rule } from '../types';
import { ALL_FORMS, indicatorGroups } from '../shared/forms';
import { budgetYearValues, factsOf } from '../shared/indicators';
import { costCapWan, decimalsIn, parseValueOf } from '../shared/values';
import { COST_TOTAL_WORDS } from '../shared/words';

interface CostItem {
  readonly cell: CellRef;
  /** in the form's unit */
  readonly value: Big;
  readonly decimals: number;
  readonly restatesTotal: boolean;
}

/**
 * `funding.cost-parts-exceed-total`: itemised cost caps adding up to more than the budget (Tianjin
 * form 8: 74 + 61.5 + 64.5 + 127 = 327 > 300). An item that restates the total (`项目总投资 ≤300万元`,
 * or a cap equal to the budget) is not a part. Reported on the first itemised cost value. When one
 * part alone exceeds the budget, `funding.cost-exceeds-budget` says so and this rule stays quiet.
 */
export const fundingCostPartsExceedTotal: Rule = {
  meta: {
    id: 'funding.cost-parts-exceed-total',
    severity: 'warning',
    title: '分项成本之和超过预算',
    description: '各项成本指标的金额上限加起来超过了本项目的预算数。',
    fixable: false,
    forms: ALL_FORMS,
  },
  check(form, ctx) {
    for (const group of indicatorGroups(form)) {
      const toUnit = toWan(new Big(1), group.unit);
      const items: CostItem[] = [];
      for (const ind of group.indicators) {
        const facts = factsOf(ind);
        if (!facts.isCost) continue;
        for (const v of budgetYearValues(ind)) {
          const p = parseValueOf(ctx, ind, v);
          const cap = costCapWan(p);
          if (!cap) continue;
          items.push({
            cell: v.cell,
            value: cap.div(toUnit),
            decimals: decimalsIn(p.number ?? ''),
            restatesTotal: COST_TOTAL_WORDS.some((w) => facts.name.includes(w)),
          });
        }
      }
      const budget = group.budget?.amount.ok ? group.budget.amount : null;
      // without a budget, the item that restates the total is the reference
      const reference = budget
        ? { value: budget.value, decimals: budget.decimals, label: `${group.budgetLabel}` }
        : (() => {
            const t = items.find((i) => i.restatesTotal);
            return t ? { value: t.value, decimals: t.decimals, label: '总成本上限' } : null;
          })();
      if (!reference) continue;
      // exact comparisons: a cap equal to the budget restates it, a sum over by any amount is over
      const parts = items.filter((i) => !i.restatesTotal && !i.value.eq(reference.value));
      if (parts.length < 2) continue;
      if (parts.some((i) => i.value.gt(reference.value))) continue;
      const sum = parts.reduce((a, i) => a.plus(i.value), new Big(0));
      const decimals = parts.reduce((d, i) => Math.max(d, i.decimals), reference.decimals);
      if (!sum.gt(reference.value)) continue;
      const terms = parts.map((i) => i.value.toFixed()).join(' + ');
      // two decimals when the budget shows them (`300.00`), else as written (`327`, `327.5`); never
      // rounded (a cap in 元 can be over by 0.0001 万元)
      const show = (v: Big) =>
        reference.decimals > 0
          ? v.toFixed(Math.max(decimals, decimalsIn(v.toFixed())))
          : v.toFixed();
      ctx.report({
        cell: parts[0].cell,
        message: `各项成本上限之和 ${terms} = ${show(sum)} ${group.unit}，超过了${reference.label} ${reference.value.toFixed(reference.decimals)} ${group.unit}（超出 ${show(sum.minus(reference.value))} ${group.unit}）。`,
      });
    }
  },
};
