import Big from 'big.js';
import type { Rule } from '../types';
import { ALL_FORMS } from '../shared/forms';
import { reportOnce } from '../shared/report';
import { forEachValue, isMoneyUnit, numberOf } from '../shared/values';
import { UNIT_FROM_NAME } from '../shared/words';

/** A name that states the unit itself: `服务对象满意率(%)`, `相关单位满意度%`, `培训人数（人）`. */
const UNIT_IN_NAME = /[%％‰]|[（(][^）)]{1,4}[）)]$/;
/** A cost measured as a share, which is fine in percent (`成本节约率`). */
const SHARE_NAME = /率|比例|占比/;

/**
 * `value.missing-unit`: a number without a unit (`≥90` on a 满意度: suggest `≥90%`), or a cost
 * indicator whose value is not money (`《330`, `委托监测费用 100%`).
 */
export const valueMissingUnit: Rule = {
  meta: {
    id: 'value.missing-unit',
    severity: 'warning',
    title: '缺少计量单位',
    description: '定量指标值没有计量单位，或成本指标的指标值不是金额。',
    fixable: true,
    forms: ALL_FORMS,
  },
  check(form, ctx) {
    const report = reportOnce(ctx);
    forEachValue(form, ctx, (site) => {
      const p = site.parsed;
      if (p.kind !== 'quantitative') return;
      const { facts } = site;
      const name = facts.name;
      if (facts.isCost) {
        if (p.unit === null) {
          report({
            cell: site.cell,
            message: `${site.subject}没有金额单位，成本指标请写明“万元”或“元”。`,
          });
        } else if (
          !isMoneyUnit(p.unit) &&
          !/^(万元|元|亿元)\//.test(p.unit) &&
          !SHARE_NAME.test(name)
        ) {
          report({
            cell: site.cell,
            message: `${site.subject}不是金额，成本指标应写明金额上限（如“≤50万元”）。`,
          });
        }
        return;
      }
      if (p.unit !== null || UNIT_IN_NAME.test(name)) return;
      const n = numberOf(p);
      let unit = UNIT_FROM_NAME.find(([re]) => re.test(name))?.[1] ?? null;
      if (facts.isSatisfaction) unit = '%';
      if (unit === '%' && (!n || n.gt(new Big(100)))) unit = null;
      // a fix is offered only when the text is otherwise clean
      const clean = p.problems.every((q) => q.type === 'not-normalised');
      const suggestions = unit && clean ? site.suggest(`${p.normalised}${unit}`) : [];
      const hint = unit ? `应为“${p.normalised}${unit}”` : '请补充计量单位（如 个、次、家、%）';
      report({ cell: site.cell, message: `${site.subject}没有计量单位，${hint}。`, suggestions });
    });
  },
};
