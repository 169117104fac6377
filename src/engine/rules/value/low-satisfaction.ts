import Big from 'big.js';
import type { Rule } from '../types';
import { ALL_FORMS } from '../shared/forms';
import { reportOnce } from '../shared/report';
import { forEachValue, isFloor, isPercent, numberOf } from '../shared/values';

/** `value.low-satisfaction`: a 满意度 target below the floor of the settings (80% by default): `》70%`. */
export const valueLowSatisfaction: Rule = {
  meta: {
    id: 'value.low-satisfaction',
    severity: 'warning',
    title: '满意度目标偏低',
    description: '满意度指标的目标值低于设定的下限（默认 80%）。',
    fixable: false,
    forms: ALL_FORMS,
  },
  check(form, ctx) {
    const report = reportOnce(ctx);
    const floor = new Big(ctx.options.satisfactionFloor);
    forEachValue(form, ctx, (site) => {
      const p = site.parsed;
      if (!site.facts.isSatisfaction || p.kind !== 'quantitative') return;
      const n = numberOf(p);
      if (!n) return;
      // `≥90` without a unit still means percent (value.missing-unit says so)
      if (!isPercent(p) && !(p.unit === null && n.lte(100))) return;
      if (!isFloor(p.comparator) || !n.lt(floor)) return;
      report({
        cell: site.cell,
        message: `满意度目标${site.subject}低于 ${ctx.options.satisfactionFloor}%，目标偏低。`,
      });
    });
  },
};
