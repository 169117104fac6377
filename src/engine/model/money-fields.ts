import { inUnit } from '../money/amount';
import type { AmountField, Form, FundingRow } from './forms';

/**
 * Every money cell of a form, in form order: 预算数 and its parts, the department's splits and key
 * tasks, the four money columns of every list row. The spending plan holds shares, not money.
 */
export function moneyFields(form: Form): AmountField[] {
  switch (form.kind) {
    case 'project-form':
      return [form.budget, form.fiscal, form.other].filter((f): f is AmountField => !!f);
    case 'department-form':
      return [
        form.budget,
        ...form.splits.flatMap((s) => s.parts.map((p) => p.field)),
        ...form.tasks.map((t) => t.amount),
      ];
    case 'project-list':
      return fundingRows(form).flatMap((r) => [r.total, r.fiscal, r.special, r.other]);
  }
}

/** The 合计 row, the unit rows and the projects of a list, in sheet order of reading. */
function fundingRows(form: Form & { kind: 'project-list' }): FundingRow[] {
  return [
    ...(form.total ? [form.total] : []),
    ...form.units.flatMap((u): FundingRow[] => (u.row >= 0 ? [u, ...u.projects] : [...u.projects])),
  ];
}

/**
 * The form with every money cell in the form's own unit (`inUnit`): a cell that names another unit
 * (`10000元` in a 万元 form) is converted exactly and keeps what was written in `amount.written`.
 * The same form when no cell needs it.
 */
export function amountsInFormUnit<F extends Form>(form: F): F {
  return convert(form) as F;
}

function convert(form: Form): Form {
  const unit = form.unit;
  const foreign = (f: AmountField) =>
    f.amount.ok && f.amount.unit !== undefined && f.amount.unit !== unit;
  if (!moneyFields(form).some(foreign)) return form;
  const field = (f: AmountField): AmountField =>
    foreign(f) ? { ...f, amount: inUnit(f.amount, unit) } : f;
  const row = <R extends FundingRow>(r: R): R => ({
    ...r,
    total: field(r.total),
    fiscal: field(r.fiscal),
    special: field(r.special),
    other: field(r.other),
  });
  switch (form.kind) {
    case 'project-form':
      return {
        ...form,
        budget: field(form.budget),
        ...(form.fiscal ? { fiscal: field(form.fiscal) } : {}),
        ...(form.other ? { other: field(form.other) } : {}),
      };
    case 'department-form':
      return {
        ...form,
        budget: field(form.budget),
        splits: form.splits.map((s) => ({
          ...s,
          parts: s.parts.map((p) => ({ ...p, field: field(p.field) })),
        })),
        tasks: form.tasks.map((t) => ({ ...t, amount: field(t.amount) })),
      };
    case 'project-list':
      return {
        ...form,
        total: form.total ? row(form.total) : null,
        units: form.units.map((u) => ({ ...row(u), projects: u.projects.map(row) })),
      };
  }
}
