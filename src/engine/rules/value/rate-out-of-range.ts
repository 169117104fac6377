import Big from 'big.js';
import type { Rule } from '../types';
import { ALL_FORMS } from '../shared/forms';
import { reportOnce } from '../shared/report';
import { forEachValue, isPercent, numberOf, upperOf } from '../shared/values';
import { MAY_EXCEED_HUNDRED } from '../shared/words';

const HUNDRED = new Big(100);

/** `value.rate-out-of-range`: a rate or share above 100% (error); `≥100%`, which can only mean 100% (warning). */
export const valueRateOutOfRange: Rule = {
  meta: {
    id: 'value.rate-out-of-range',
    severity: 'error',
    title: '比率超出范围',
    description: '比率或占比超过 100% 为错误；“≥100%”实际只能等于 100%，应写作“100%”。',
    fixable: true,
    forms: ALL_FORMS,
  },
  check(form, ctx) {
    const report = reportOnce(ctx);
    forEachValue(form, ctx, (site) => {
      const p = site.parsed;
      if (p.kind !== 'quantitative' || !isPercent(p)) return;
      if (MAY_EXCEED_HUNDRED.some((w) => site.facts.name.includes(w))) return;
      const n = numberOf(p);
      if (!n) return;
      const upper = upperOf(p);
      const c = p.comparator;
      const above =
        (upper !== null && upper.gt(HUNDRED)) ||
        (c !== '≤' && c !== '<' && n.gt(HUNDRED)) ||
        (c === '>' && n.eq(HUNDRED));
      if (above) {
        report({
          cell: site.cell,
          message: `${site.subject}超过了 100%，比率或占比不能大于 100%。`,
        });
      } else if (c === '≥' && n.eq(HUNDRED) && upper === null) {
        report({
          cell: site.cell,
          severity: 'warning',
          message: `${site.subject}：比率不会超过 100%，“≥100%”只能是 100%，建议写作“100%”。`,
          suggestions: site.suggest('100%'),
        });
      }
    });
  },
};
