import type { Rule } from '../types';
import { ALL_FORMS, indicatorGroups } from '../shared/forms';
import { factsOf } from '../shared/indicators';
import { reportOnce } from '../shared/report';
import { isFloor, numberOf, parseValueOf } from '../shared/values';

const SHARES = new Set(['%', '％', '‰']);

/**
 * `value.period-annual-mismatch`: for a quantity with ≥ (or an exact count), the annual value
 * (年度指标值) larger than the whole period's (实施周期指标值): `实施周期 ≥100家`, `年度 ≥200家`.
 * Rates are not cumulative, so values in % are left alone.
 */
export const valuePeriodAnnualMismatch: Rule = {
  meta: {
    id: 'value.period-annual-mismatch',
    severity: 'warning',
    title: '年度值超过周期值',
    description: '年度指标值大于实施周期指标值，一年的目标不应超过整个实施周期的目标。',
    fixable: false,
    forms: ALL_FORMS,
  },
  check(form, ctx) {
    const report = reportOnce(ctx);
    for (const group of indicatorGroups(form)) {
      for (const ind of group.indicators) {
        const period = ind.values.find((v) => v.period === 'period');
        const annual = ind.values.find((v) => v.period === 'annual');
        if (!period || !annual) continue;
        const p = parseValueOf(ctx, ind, period);
        const a = parseValueOf(ctx, ind, annual);
        if (p.kind !== 'quantitative' || a.kind !== 'quantitative') continue;
        if (p.unit !== a.unit || (a.unit !== null && SHARES.has(a.unit))) continue;
        if (!isFloor(p.comparator) || !isFloor(a.comparator)) continue;
        const pn = numberOf(p);
        const an = numberOf(a);
        if (!pn || !an || !an.gt(pn)) continue;
        const who = ind.packed ? `第 ${ind.packed.index + 1} 项指标“${factsOf(ind).name}”的` : '';
        report({
          cell: annual.cell,
          message: `${who}年度指标值“${annual.text}”大于实施周期指标值“${period.text}”，一年的目标不应超过整个实施周期的目标。`,
        });
      }
    }
  },
};
