import { CATEGORY_LABEL, REQUIRED_CATEGORIES, type IndicatorCategory } from '../../framework';
import type { Rule } from '../types';
import { indicatorGroups, unreadPacked } from '../shared/forms';
import { factsOf } from '../shared/indicators';

type Level1Category = 'output' | 'benefit' | 'satisfaction';

const LEVEL1_LABEL: Record<Level1Category, string> = {
  output: '产出指标',
  benefit: '效益指标',
  satisfaction: '满意度指标',
};
const OUTPUT: ReadonlySet<IndicatorCategory> = new Set([
  'quantity',
  'quality',
  'timeliness',
  'cost',
]);

/**
 * `indicator.missing-category`: a project with no 数量, 质量, 时效, 成本, 效益 or 满意度 indicator,
 * reported once per project listing what is missing. When no indicator of the project gives a 二级
 * (packed style 1: `产出指标：系统故障次数`), only 产出 / 效益 / 满意度 can be checked.
 * Department forms are left out: their indicators describe the department, not one project.
 */
export const indicatorMissingCategory: Rule = {
  meta: {
    id: 'indicator.missing-category',
    severity: 'warning',
    title: '缺少指标类别',
    description: '项目缺少数量、质量、时效、成本、效益或满意度中的某类指标。',
    fixable: false,
    forms: ['project-form', 'project-list'],
  },
  check(form, ctx) {
    // a table that could not be read is `form.unreadable`, not a form without indicators
    if (form.table && form.table.status !== 'read' && form.table.status !== 'empty') return;
    for (const group of indicatorGroups(form)) {
      if (unreadPacked(group.packedCell, group.indicators)) continue;
      const used = group.indicators.filter(
        (i) => factsOf(i).name !== '' || i.values.some((v) => v.text.trim() !== ''),
      );
      const categories = new Set<IndicatorCategory>();
      const level1 = new Set<Level1Category>();
      let withLevel2 = false;
      for (const ind of used) {
        const f = factsOf(ind);
        if (f.classification.standardLevel2) withLevel2 = true;
        if (f.category) categories.add(f.category);
        if (
          f.classification.standardLevel1 === '产出指标' ||
          (f.category && OUTPUT.has(f.category))
        )
          level1.add('output');
        if (f.category === 'benefit') level1.add('benefit');
        if (f.category === 'satisfaction') level1.add('satisfaction');
      }
      const missing = withLevel2
        ? REQUIRED_CATEGORIES.filter((c) => !categories.has(c)).map((c) => CATEGORY_LABEL[c])
        : (['output', 'benefit', 'satisfaction'] as const)
            .filter((c) => !level1.has(c))
            .map((c) => LEVEL1_LABEL[c]);
      if (missing.length === 0) continue;
      const who = form.kind === 'project-list' ? `项目“${group.name}”` : '本表';
      const message =
        used.length === 0
          ? `${who}没有填写绩效指标。`
          : `${who}缺少以下类别的绩效指标：${missing.join('、')}。`;
      ctx.report({ cell: group.anchor, message });
    }
  },
};
