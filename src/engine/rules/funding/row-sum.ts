import type { AmountField, FundingRow } from '../../model/forms';
import { numberFix, type Rule } from '../types';
import { listProjects } from '../shared/forms';
import { isBlank, sumCheck } from '../shared/money';
import { fixed, shown } from '../shared/report';
import { formulaAdvice, formulaAt } from '../shared/formulas';

interface Part {
  readonly label: string;
  readonly field: AmountField | undefined;
}

/**
 * `funding.row-sum`: in a row of the project list 总计 ≠ 财政拨款 + 财政专户拨款 + 其他资金; on a
 * project form 预算数 ≠ 财政资金 + 其他资金. Reported on the total cell; when that cell is a formula,
 * the message names the formula and the cells it should add up.
 */
export const fundingRowSum: Rule = {
  meta: {
    id: 'funding.row-sum',
    severity: 'error',
    title: '资金来源合计不符',
    description:
      '总计不等于财政拨款、财政专户拨款与其他资金之和，或预算数不等于财政资金与其他资金之和。',
    fixable: true,
    forms: ['project-form', 'project-list'],
  },
  check(form, ctx) {
    const unit = form.unit;
    const check = (
      totalLabel: string,
      total: AmountField,
      parts: Part[],
      blankTotalReported: boolean,
    ) => {
      if (!total.cell) return;
      // form.missing-field already reports a blank 预算数 / project 总计
      if (blankTotalReported && isBlank(total)) return;
      // a form that gives no split at all has nothing to add up
      if (parts.every((p) => !p.field || !p.field.cell)) return;
      const r = sumCheck(
        total,
        parts.map((p) => p.field),
      );
      if (!r || !r.differs) return;
      const terms = parts.map((p) => `${p.label} ${shown(p.field)}`).join(' + ');
      const formula = formulaAt(form, total.cell);
      const advice =
        formula === undefined
          ? ''
          : formulaAdvice(
              totalLabel,
              formula,
              parts.map((p) => p.field),
            );
      ctx.report({
        cell: total.cell,
        message: `${totalLabel} ${shown(total)} ≠ ${terms}（相差 ${fixed(r.diff, r.decimals)} ${unit}）。${advice}`,
        suggestions: [numberFix(fixed(r.sum, r.decimals))],
      });
    };
    if (form.kind === 'project-form') {
      check(
        '预算数',
        form.budget,
        [
          { label: '财政资金', field: form.fiscal },
          { label: '其他资金', field: form.other },
        ],
        true,
      );
      return;
    }
    if (form.kind !== 'project-list') return;
    const rows: FundingRow[] = [
      ...(form.total ? [form.total] : []),
      ...form.units.filter((u) => u.row >= 0),
      ...listProjects(form),
    ];
    for (const row of rows) {
      check(
        '总计',
        row.total,
        [
          { label: '财政拨款', field: row.fiscal },
          { label: '财政专户拨款', field: row.special },
          { label: '其他资金', field: row.other },
        ],
        row.role === 'project',
      );
    }
  },
};
