import type { Rule } from '../types';
import { ALL_FORMS, indicatorGroups } from '../shared/forms';
import { factsOf } from '../shared/indicators';
import { reportOnce } from '../shared/report';

/** `value.empty`: an indicator row with a 三级 name and no value. */
export const valueEmpty: Rule = {
  meta: {
    id: 'value.empty',
    severity: 'error',
    title: '指标值为空',
    description: '填写了三级指标名称，却没有填写指标值。',
    fixable: false,
    forms: ALL_FORMS,
  },
  check(form, ctx) {
    const report = reportOnce(ctx);
    for (const group of indicatorGroups(form)) {
      for (const ind of group.indicators) {
        const facts = factsOf(ind);
        if (facts.name === '' || facts.notApplicable) continue;
        if (ind.values.some((v) => v.text.trim() !== '')) continue;
        const cell = ind.values[0]?.cell ?? ind.name.cell;
        if (!cell) continue;
        const who = ind.packed ? `第 ${ind.packed.index + 1} 项指标` : '三级指标';
        report({ cell, message: `${who}“${facts.name}”没有填写指标值。` });
      }
    }
  },
};
