import type { Comparator } from '../../values/types';
import type { Rule } from '../types';
import { ALL_FORMS } from '../shared/forms';
import { reportOnce } from '../shared/report';
import { forEachValue, isPercent, isMoneyUnit } from '../shared/values';
import { LOWER_IS_BETTER } from '../shared/words';

/** Names of rates: higher is better unless the name is in `LOWER_IS_BETTER`. */
const RATE_NAME = /率|满意度|比例|占比/;

const FLIP: Partial<Record<Comparator, Comparator>> = { '≤': '≥', '<': '>', '≥': '≤', '>': '<' };

/** The clean text with its comparison turned round (`≤99%` → `≥99%`). */
function flipped(normalised: string, c: Comparator): string | null {
  const to = FLIP[c];
  const at = normalised.indexOf(c);
  if (!to || at < 0) return null;
  return normalised.slice(0, at) + to + normalised.slice(at + 1);
}

/**
 * `value.wrong-direction`: a rate that should be high capped from above (`稳定运行率 ≤99%`; not
 * `故障率 ≤2%`), or a cost given a floor (`成本 ≥10万元`).
 */
export const valueWrongDirection: Rule = {
  meta: {
    id: 'value.wrong-direction',
    severity: 'warning',
    title: '比较方向可能写反',
    description: '应越高越好的比率写成了上限，或成本指标写成了下限，比较符可能写反。',
    fixable: true,
    forms: ALL_FORMS,
  },
  check(form, ctx) {
    const report = reportOnce(ctx);
    forEachValue(form, ctx, (site) => {
      const p = site.parsed;
      const c = p.comparator;
      if (p.kind !== 'quantitative' || c === null) return;
      const name = site.facts.name;
      if (site.facts.isCost && isMoneyUnit(p.unit) && (c === '≥' || c === '>')) {
        const fix = flipped(p.normalised, c);
        report({
          cell: site.cell,
          message: `${site.subject}是下限，成本指标应写上限${fix ? `，是否应为“${fix}”` : ''}？`,
          suggestions: fix ? site.suggest(fix) : [],
        });
        return;
      }
      if (site.facts.isCost || !isPercent(p) || (c !== '≤' && c !== '<')) return;
      if (!RATE_NAME.test(name) || LOWER_IS_BETTER.some((w) => name.includes(w))) return;
      const fix = flipped(p.normalised, c);
      report({
        cell: site.cell,
        message: `${site.subject}是上限（${c}），但“${name}”应越高越好${fix ? `，是否应为“${fix}”` : ''}？`,
        suggestions: fix ? site.suggest(fix) : [],
      });
    });
  },
};
