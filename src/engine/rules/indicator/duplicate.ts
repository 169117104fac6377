import { toA1 } from '../../grid/address';
import type { Indicator } from '../../model/forms';
import type { Rule } from '../types';
import { ALL_FORMS, indicatorGroups } from '../shared/forms';
import { factsOf } from '../shared/indicators';
import { parseValueOf } from '../shared/values';

function where(ind: Indicator): string {
  if (ind.packed) return `第 ${ind.packed.index + 1} 项`;
  const cell = ind.name.cell;
  return cell ? ` ${toA1(cell)} 单元格` : `第 ${ind.row + 1} 行`;
}

/** `indicator.duplicate`: the same 三级指标 name and value twice in one form (one project of a list). */
export const indicatorDuplicate: Rule = {
  meta: {
    id: 'indicator.duplicate',
    severity: 'warning',
    title: '指标重复',
    description: '同一张表（或清单中的同一项目）中，三级指标名称和指标值完全相同的指标出现了两次。',
    fixable: false,
    forms: ALL_FORMS,
  },
  check(form, ctx) {
    for (const group of indicatorGroups(form)) {
      const first = new Map<string, Indicator>();
      for (const ind of group.indicators) {
        const name = factsOf(ind).name;
        if (name === '' || ind.values.every((v) => v.text.trim() === '')) continue;
        const key = [name, ...ind.values.map((v) => parseValueOf(ctx, ind, v).normalised)].join(
          '\u0000',
        );
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, ind);
          continue;
        }
        const cell = ind.name.cell ?? ind.values[0]?.cell;
        if (!cell) continue;
        const values = ind.values.map((v) => v.text).filter((t) => t.trim() !== '');
        const shownValues = [...new Set(values)].map((t) => `“${t}”`).join('/');
        const self = ind.packed ? `第 ${ind.packed.index + 1} 项指标` : '三级指标';
        ctx.report({
          cell,
          message: `${self}“${name}”（指标值${shownValues}）与${where(earlier)}重复。`,
        });
      }
    }
  },
};
