import { numberFix, type Rule } from '../types';
import { moneyFields } from '../../model/money-fields';
import { ALL_FORMS, cellKey } from '../shared/forms';
import { amountText, quote } from '../shared/report';

/**
 * `amount.unit-mismatch`: an amount cell that names its own money unit, other than the form's
 * (`10000元` in a 万元 form). The engine reads it in the form's unit (1 万元) for every check and for
 * the normalised sheet; the cell itself still says something a formula or a budget system would
 * read as 10000 万元, so the fix writes the number in the form's unit.
 */
export const amountUnitMismatch: Rule = {
  meta: {
    id: 'amount.unit-mismatch',
    severity: 'error',
    title: '金额单位不一致',
    description:
      '金额单元格写明的单位（元、千元、万元、亿元）与表格的金额单位不同，应换算为表格单位后填写数值。',
    fixable: true,
    forms: ALL_FORMS,
  },
  check(form, ctx) {
    const seen = new Set<string>();
    for (const field of moneyFields(form)) {
      const a = field.amount;
      if (!field.cell || !a.ok || !a.written) continue;
      const key = cellKey(field.cell);
      if (seen.has(key)) continue;
      seen.add(key);
      const value = amountText(a);
      ctx.report({
        cell: field.cell,
        message: `金额${quote(field.text.trim())}的单位是${a.written.unit}，而本表金额单位为${form.unit}，换算后应填写 ${value}（${form.unit}）。`,
        suggestions: [numberFix(value)],
      });
    }
  },
};
