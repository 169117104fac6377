import type { Rule } from '../types';
import { ALL_FORMS } from '../shared/forms';
import { reportOnce } from '../shared/report';
import { forEachValue } from '../shared/values';

/** `value.duplicated`: sign, number or unit glued twice on export (`≥180≥180万条`, `13969.56标箱标箱`). */
export const valueDuplicated: Rule = {
  meta: {
    id: 'value.duplicated',
    severity: 'error',
    title: '指标值重复',
    description: '指标值中的比较符、数值或单位重复出现，多为系统导出时重复拼接所致。',
    fixable: true,
    forms: ALL_FORMS,
  },
  check(form, ctx) {
    const report = reportOnce(ctx);
    forEachValue(form, ctx, (site) => {
      for (const problem of site.parsed.problems) {
        if (problem.type !== 'duplicated') continue;
        report({
          cell: site.cell,
          message: `${site.subject}中的内容重复出现，应为“${problem.suggestion}”。`,
          suggestions: site.suggest(problem.suggestion),
        });
      }
    });
  },
};
