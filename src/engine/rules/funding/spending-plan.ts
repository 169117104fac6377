import Big from 'big.js';
import type { AmountField, SpendingPlanEntry } from '../../model/forms';
import { numberFix, type Rule } from '../types';

const HUNDRED = new Big(100);

/** A share from a plan cell: `30`, `30%` typed as text, or 0.3 from a cell formatted as percent. */
function shareOf(field: AmountField): Big | null | 'blank' {
  if (field.amount.ok) return field.amount.value;
  if (field.amount.problem === 'empty') return 'blank';
  const m = /^\s*(\d+(?:\.\d+)?)\s*[%％]\s*$/.exec(field.text);
  return m ? new Big(m[1]) : null;
}

interface Point {
  readonly entry: SpendingPlanEntry;
  readonly value: Big;
}

/**
 * `funding.spending-plan`: 资金支出计划（%） that decreases, exceeds 100, or does not end at 100.
 * Blank early periods are allowed. Reported on the first decreasing cell, the cell above 100, or the
 * last cell when the plan does not end at 100.
 */
export const fundingSpendingPlan: Rule = {
  meta: {
    id: 'funding.spending-plan',
    severity: 'error',
    title: '资金支出计划有误',
    description: '资金支出计划的累计比例出现减少、超过 100% 或最后一期不是 100%。',
    fixable: true,
    forms: ['project-form'],
  },
  check(form, ctx) {
    if (form.kind !== 'project-form' || form.spendingPlan.length === 0) return;
    const points: Point[] = [];
    for (const entry of form.spendingPlan) {
      const v = shareOf(entry.field);
      if (v === null) return; // malformed: amount.malformed reports it
      if (v !== 'blank') points.push({ entry, value: v });
    }
    if (points.length === 0) return; // the plan is optional
    // cells formatted as percent hold fractions: 0.3 … 1
    const fractions = points.every((p) => p.value.lte(1)) && points[points.length - 1].value.eq(1);
    const pct = (p: Point) => (fractions ? p.value.times(100) : p.value);
    const label = (p: Point) => `${p.entry.label}（${pct(p).toFixed()}%）`;

    let overReported = false;
    for (const p of points) {
      if (pct(p).gt(HUNDRED) && p.entry.field.cell) {
        ctx.report({ cell: p.entry.field.cell, message: `资金支出计划 ${label(p)} 超过了 100%。` });
        overReported = true;
      }
    }
    // a share above 100 also breaks the order after it: one finding is enough
    for (let i = 1; i < points.length && !overReported; i++) {
      const prev = points[i - 1];
      const cur = points[i];
      if (pct(cur).lt(pct(prev)) && cur.entry.field.cell) {
        ctx.report({
          cell: cur.entry.field.cell,
          message: `资金支出计划是累计比例，${label(cur)} 不应小于 ${label(prev)}。`,
        });
        break;
      }
    }
    if (overReported) return;
    const last = form.spendingPlan[form.spendingPlan.length - 1];
    const lastPoint = points[points.length - 1];
    if (!last.field.cell) return;
    const hundred = fractions ? '1' : '100';
    if (lastPoint.entry !== last) {
      ctx.report({
        cell: last.field.cell,
        message: `资金支出计划 ${last.label} 未填写，到 ${last.label} 应累计支出 100%。`,
        suggestions: [numberFix(hundred)],
      });
    } else if (!pct(lastPoint).eq(HUNDRED)) {
      ctx.report({
        cell: last.field.cell,
        message: `资金支出计划到 ${last.label} 应累计支出 100%，现为 ${pct(lastPoint).toFixed()}%。`,
        suggestions: [numberFix(hundred)],
      });
    }
  },
};
