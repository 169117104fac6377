import type { Rule } from '../types';
import { ALL_FORMS, indicatorGroups } from '../shared/forms';
import { factsOf } from '../shared/indicators';
import { reportOnce } from '../shared/report';

/** `indicator.missing-name`: a value without a 三级指标 name. */
export const indicatorMissingName: Rule = {
  meta: {
    id: 'indicator.missing-name',
    severity: 'error',
    title: '缺少三级指标名称',
    description: '填写了指标值，却没有填写三级指标名称。',
    fixable: false,
    forms: ALL_FORMS,
  },
  check(form, ctx) {
    const report = reportOnce(ctx);
    for (const group of indicatorGroups(form)) {
      for (const ind of group.indicators) {
        if (factsOf(ind).name !== '') continue;
        const value = ind.values.find((v) => v.text.trim() !== '');
        if (!value) continue;
        const cell = ind.name.cell ?? value.cell;
        const who = ind.packed ? `第 ${ind.packed.index + 1} 项指标的` : '';
        report({ cell, message: `${who}指标值“${value.text}”没有对应的三级指标名称。` });
      }
    }
  },
};
