import type { AmountField, Form, TextField } from '../../model/forms';
import { moneyFields } from '../../model/money-fields';
import { numberFix, type Rule, type SuggestionInput } from '../types';
import { ALL_FORMS, listProjects } from '../shared/forms';
import { amountText, reportOnce } from '../shared/report';
import { forEachValue } from '../shared/values';

const MARKUP = /<\/?[a-zA-Z][^<>]*>|&(nbsp|lt|gt|amp|quot);/;

/** The text with the web markup taken out (`</p> <p>` between paragraphs becomes a line break). */
export function stripMarkup(text: string): string {
  return text
    .replace(/<\/p>\s*<p>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();
}

/**
 * Cells other than indicator values that a copy from a web system can leave markup in. Amount cells
 * are included: `amount.malformed` leaves `<p>235.00</p>` (Panyu list) to this rule.
 */
function textFields(form: Form): Array<TextField | undefined> {
  switch (form.kind) {
    case 'project-form':
      return [
        form.name,
        form.code,
        form.purpose,
        ...form.targets,
        form.budget,
        form.fiscal,
        form.other,
      ];
    case 'department-form':
      return [
        form.name,
        form.summary,
        ...form.tasks.flatMap((t) => [t.name, t.content, t.goal]),
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
      return [
        ...form.units.map((u) => u.name),
        ...listProjects(form).flatMap((p) => [p.name, p.target, p.indicatorCell]),
        ...rows.flatMap((r) => [r.total, r.fiscal, r.special, r.other]),
      ];
    }
  }
}

/**
 * The fix of an amount cell holding markup: the number it reads, in the form's unit, written as a
 * number (`<p>235.00</p>` → 235.00). None when it is not a number: amount.malformed says why.
 */
function amountFix(field: AmountField): SuggestionInput[] {
  const a = field.amount;
  return a.ok ? [numberFix(amountText(a))] : [];
}

/** `value.markup`: `<p>`, `</p>`, `&nbsp;` left in a cell by a copy from a web system. */
export const valueMarkup: Rule = {
  meta: {
    id: 'value.markup',
    severity: 'warning',
    title: '残留网页标记',
    description: '单元格中残留“<p>”“</p>”“&nbsp;”等网页标记，多为从网页系统复制所致。',
    fixable: true,
    forms: ALL_FORMS,
  },
  check(form, ctx) {
    const report = reportOnce(ctx);
    const amounts = new Set<TextField>(moneyFields(form));
    for (const field of textFields(form)) {
      if (!field?.cell || !MARKUP.test(field.text)) continue;
      const mark = MARKUP.exec(field.text)?.[0] ?? '';
      const clean = stripMarkup(field.text);
      // a cell of markup only: removing it would blank the cell, which only the clerk may decide
      if (clean === '') {
        report({
          cell: field.cell,
          message: `单元格中只有网页标记“${mark}”，没有内容，请填写或清除。`,
        });
        continue;
      }
      report({
        cell: field.cell,
        message: `单元格中残留网页标记“${mark}”，应删除。`,
        suggestions: amounts.has(field) ? amountFix(field as AmountField) : [clean],
      });
    }
    forEachValue(form, ctx, (site) => {
      // a packed cell is checked as a whole above
      if (site.indicator.packed) return;
      for (const problem of site.parsed.problems) {
        if (problem.type !== 'markup') continue;
        report({
          cell: site.cell,
          message: `${site.subject}中残留网页标记，应为“${problem.suggestion}”。`,
          suggestions: [problem.suggestion],
        });
      }
    });
  },
};
