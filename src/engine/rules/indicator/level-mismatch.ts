import { parentsOf } from '../../framework';
import type { Rule } from '../types';
import { ALL_FORMS, indicatorGroups } from '../shared/forms';
import { factsOf } from '../shared/indicators';
import { reportOnce } from '../shared/report';

/** `indicator.level-mismatch`: a 二级 under the wrong 一级 (`数量指标` under `效益指标`). */
export const indicatorLevelMismatch: Rule = {
  meta: {
    id: 'indicator.level-mismatch',
    severity: 'error',
    title: '指标层级不对应',
    description: '二级指标放在了不对应的一级指标下，如“数量指标”放在“效益指标”下。',
    fixable: false,
    forms: ALL_FORMS,
  },
  check(form, ctx) {
    const report = reportOnce(ctx);
    for (const group of indicatorGroups(form)) {
      for (const ind of group.indicators) {
        const c = factsOf(ind).classification;
        if (c.placement !== 'mismatch' || !c.standardLevel2) continue;
        const cell = ind.level2.cell ?? ind.name.cell;
        if (!cell) continue;
        const parents = parentsOf(c.standardLevel2)
          .map((p) => `“${p}”`)
          .join('或');
        report({
          cell,
          message: `二级指标“${c.level2.written}”不属于一级指标“${c.level1.written}”，应放在${parents}下。`,
        });
      }
    }
  },
};
