import type { AmountField, Form } from '../../model/forms';
import { numberFix, type Rule } from '../types';
import { ALL_FORMS, cellKey, listProjects } from '../shared/forms';
import { reportOnce } from '../shared/report';

const MARKUP = /<\/?[a-zA-Z][^<>]*>|&nbsp;/;

/** Every money cell of the form (the spending plan holds shares, checked by funding.spending-plan). */
function amountFields(form: Form): Array<AmountField | undefined> {
  switch (form.kind) {
    case 'project-form':
      return [form.budget, form.fiscal, form.other];
    case 'department-form':
      return [
        form.budget,
        ...form.splits.flatMap((s) => s.parts.map((p) => p.field)),
        ...form.tasks.map((t) => t.amount),
      ];
    case 'project-list': {
      const rows = [
        ...(form.total ? [form.total] : []),
        ...form.units.filter((u) => u.row >= 0),
        ...listProjects(form),
      ];
      return rows.flatMap((r) => [r.total, r.fiscal, r.special, r.other]);
    }
  }
}

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
    for (const field of amountFields(form)) {
      if (!field?.cell) continue;
      const key = cellKey(field.cell);
      if (seen.has(key)) continue;
      seen.add(key);
      const a = field.amount;
      const text = field.text.trim();
      if (a.ok) {
        // markup around a number is value.markup's finding
        if (!a.fromText || MARKUP.test(text)) continue;
        const plain = a.value.toFixed(a.decimals);
        report({
          cell: field.cell,
          severity: 'info',
          message: `金额“${text}”是以文本形式存储的数字，建议改为数值 ${plain}。`,
          suggestions: [numberFix(plain)],
        });
        continue;
      }
      switch (a.problem) {
        case 'empty':
          break;
        case 'negative':
          report({ cell: field.cell, message: `金额“${a.text || text}”是负数，金额不能为负。` });
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
          report({ cell: field.cell, message: `金额“${a.text || text}”不是有效的数字。` });
          break;
      }
    }
  },
};
