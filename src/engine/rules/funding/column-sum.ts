import type { AmountField, FundingRow } from '../../model/forms';
import { numberFix, type Rule } from '../types';
import { isBlank, sumCheck } from '../shared/money';
import { fixed, shown } from '../shared/report';
import { formulaAdvice, formulaAt } from '../shared/formulas';

type Column = 'total' | 'fiscal' | 'special' | 'other';

const COLUMNS: ReadonlyArray<readonly [Column, string]> = [
  ['total', '总计'],
  ['fiscal', '财政拨款'],
  ['special', '财政专户拨款'],
  ['other', '其他资金'],
];

/**
 * `funding.column-sum`: in the project list, 合计 ≠ the sum of the unit rows, or a unit row ≠ the
 * sum of its projects, column by column. Reported on the parent's cell of that column; when that
 * cell is a formula, the message names the formula and the cells it should add up.
 */
export const fundingColumnSum: Rule = {
  meta: {
    id: 'funding.column-sum',
    severity: 'error',
    title: '分项合计不符',
    description: '合计行不等于各单位行之和，或单位行不等于其下各项目之和（逐列核对）。',
    fixable: true,
    forms: ['project-list'],
  },
  check(form, ctx) {
    if (form.kind !== 'project-list') return;
    const unit = form.unit;
    const check = (
      parent: FundingRow,
      parentLabel: string,
      childLabel: string,
      children: ReadonlyArray<FundingRow>,
    ) => {
      if (children.length === 0) return;
      // an all-blank row is not checked
      if (COLUMNS.every(([col]) => isBlank(parent[col]))) return;
      for (const [col, label] of COLUMNS) {
        const total: AmountField = parent[col];
        if (!total.cell) continue;
        const r = sumCheck(
          total,
          children.map((c) => c[col]),
        );
        if (!r || !r.differs) continue;
        const formula = formulaAt(form, total.cell);
        const advice =
          formula === undefined
            ? ''
            : formulaAdvice(
                `${parentLabel}的${label}`,
                formula,
                children.map((c) => c[col]),
              );
        ctx.report({
          cell: total.cell,
          message: `${parentLabel}的${label} ${shown(total)} ≠ ${childLabel}之和 ${fixed(r.sum, r.decimals)}（相差 ${fixed(r.diff, r.decimals)} ${unit}）。${advice}`,
          suggestions: [numberFix(fixed(r.sum, r.decimals))],
        });
      }
    };
    const realUnits = form.units.filter((u) => u.row >= 0);
    if (form.total) {
      // projects listed before any unit row add up into 合计 directly
      const children: FundingRow[] = form.units.flatMap((u): FundingRow[] =>
        u.row >= 0 ? [u] : [...u.projects],
      );
      check(form.total, '合计', realUnits.length > 0 ? '各单位' : '各项目', children);
    }
    for (const u of realUnits) {
      check(u, `单位“${u.name.text}”`, '其下各项目', u.projects);
    }
  },
};
