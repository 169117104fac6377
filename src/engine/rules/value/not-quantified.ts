import type { Rule } from '../types';
import { ALL_FORMS } from '../shared/forms';
import { reportOnce } from '../shared/report';
import { forEachValue } from '../shared/values';
import { COUNT_IN_WORDS } from '../shared/words';

const DIGIT = /[0-9０-９]/;

/** `value.not-quantified`: a 数量 or 成本 indicator with only vague text (`按合同要求`, `视具体情况确定数量`). */
export const valueNotQuantified: Rule = {
  meta: {
    id: 'value.not-quantified',
    severity: 'warning',
    title: '未量化',
    description: '数量指标或成本指标只写了定性描述，没有写明具体数量或金额。',
    fixable: false,
    forms: ALL_FORMS,
  },
  check(form, ctx) {
    const report = reportOnce(ctx);
    forEachValue(form, ctx, (site) => {
      const { facts, parsed } = site;
      if (!facts.isQuantity && !facts.isCost) return;
      if (facts.notApplicable || parsed.kind !== 'qualitative') return;
      const text = site.field.text;
      if (DIGIT.test(text) || COUNT_IN_WORDS.test(text)) return;
      const message = facts.isCost
        ? `${site.subject}没有写明金额，成本指标应写明成本上限（如“≤50万元”）。`
        : `${site.subject}没有量化，数量指标应写明具体数量（如“≥2次”）。`;
      report({ cell: site.cell, message });
    });
  },
};
