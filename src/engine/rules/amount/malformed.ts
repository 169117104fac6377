import { moneyFields } from '../../model/money-fields';
import { numberFix, type Rule } from '../types';
import { ALL_FORMS, cellKey } from '../shared/forms';
import { amountText, quote, reportOnce } from '../shared/report';

const MARKUP = /<\/?[a-zA-Z][^<>]*>|&nbsp;/;

/**
 * `amount.malformed`: an amount that is not a number (`1O0`, `12.5.3`, negative, an error value)
 * is an error; a number stored as text (`2,392.47`) is info, with the plain number as the fix.
 */
export const amountMalformed: Rule = {
  meta: {
    id: 'amount.malformed',
    severity: 'error',
    title: '金额格式有误',
    description: '金额单元格不是有效的非负数字（错误），或数字以文本形式存储（提示）。',
    fixable: true,
    forms: ALL_FORMS,
  },
  check(form, ctx) {
    const report = reportOnce(ctx);
    const seen = new Set<string>();
    for (const field of moneyFields(form)) {
      if (!field.cell) continue;
      const key = cellKey(field.cell);
      if (seen.has(key)) continue;
      seen.add(key);
      const a = field.amount;
      const text = field.text.trim();
      if (a.ok) {
        // markup around a number is value.markup's finding; another unit, amount.unit-mismatch's
        if (!a.fromText || MARKUP.test(text) || a.written) continue;
        const plain = amountText(a);
        report({
          cell: field.cell,
          severity: 'info',
          message: `金额${quote(text)}是以文本形式存储的数字，建议改为数值 ${plain}。`,
          suggestions: [numberFix(plain)],
        });
        continue;
      }
      switch (a.problem) {
        case 'empty':
          break;
        case 'negative':
          report({
            cell: field.cell,
            message: `金额${quote(a.text || text)}是负数，金额不能为负。`,
          });
          break;
        case 'error-value':
          report({ cell: field.cell, message: `金额单元格是错误值“${a.text}”，请检查公式。` });
          break;
        case 'date':
          report({
            cell: field.cell,
            message: `金额单元格被识别为日期“${a.text}”，请改为数字格式。`,
          });
          break;
        case 'malformed':
          report({ cell: field.cell, message: `金额${quote(a.text || text)}不是有效的数字。` });
          break;
      }
    }
  },
};
