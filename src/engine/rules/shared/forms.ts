import type { CellRef } from '../../grid/address';
import type { MoneyUnit } from '../../money/amount';
import type {
  AmountField,
  Form,
  FormKind,
  Indicator,
  ListProject,
  TextField,
} from '../../model/forms';

/**
 * The indicators of one project with the money they are measured against: the whole project form,
 * one project of a list, or the whole department form.
 */
export interface IndicatorGroup {
  readonly indicators: ReadonlyArray<Indicator>;
  /** 预算数 (project form), 总计 (list project), 部门预算金额 (department form) */
  readonly budget: AmountField | null;
  /** the Chinese label of `budget` for messages */
  readonly budgetLabel: string;
  readonly unit: MoneyUnit;
  /** the project's name, '' when none */
  readonly name: string;
  /** where findings about the group as a whole go */
  readonly anchor: CellRef;
  /** set for a list project: its packed 绩效指标 cell */
  readonly packedCell?: TextField;
}

/** The form's title cell, else its top-left cell: where findings about a missing label go. */
export function formAnchor(form: Form): CellRef {
  return form.titleCell ?? { row: form.range.top, col: form.range.left };
}

export function listProjects(form: Form): ListProject[] {
  return form.kind === 'project-list' ? form.units.flatMap((u) => u.projects) : [];
}

export function indicatorGroups(form: Form): IndicatorGroup[] {
  switch (form.kind) {
    case 'project-form':
      return [
        {
          indicators: form.indicators,
          budget: form.budget,
          budgetLabel: '预算数',
          unit: form.unit,
          name: form.name.text,
          anchor: form.titleCell ?? form.name.cell ?? formAnchor(form),
        },
      ];
    case 'department-form':
      return [
        {
          indicators: form.indicators,
          budget: form.budget,
          budgetLabel: '部门预算金额',
          unit: form.unit,
          name: form.name.text,
          anchor: form.titleCell ?? form.name.cell ?? formAnchor(form),
        },
      ];
    case 'project-list': {
      const groups: IndicatorGroup[] = listProjects(form).map((p) => ({
        indicators: p.indicators,
        budget: p.total,
        budgetLabel: '总计',
        unit: form.unit,
        name: p.name.text,
        anchor: p.indicatorCell.cell ?? p.name.cell ?? formAnchor(form),
        packedCell: p.indicatorCell,
      }));
      // indicators the reader attached to the form but to no project
      const seen = new Set(groups.flatMap((g) => g.indicators));
      const loose = form.indicators.filter((i) => !seen.has(i));
      if (loose.length > 0) {
        groups.push({
          indicators: loose,
          budget: null,
          budgetLabel: '总计',
          unit: form.unit,
          name: '',
          anchor: formAnchor(form),
        });
      }
      return groups;
    }
  }
}

export function cellKey(ref: CellRef): string {
  return `${ref.row}:${ref.col}`;
}

/** True when a text cell holds something other than blanks. */
export function filled(field: TextField | undefined | null): boolean {
  return !!field && field.text.trim() !== '';
}

/**
 * A list project's packed 绩效指标 cell that holds text (markup aside) but gave no indicator: the
 * parser could not read it (`form.unreadable`), which is not the same as no indicators.
 */
export function unreadPacked(
  cell: TextField | undefined,
  indicators: ReadonlyArray<Indicator>,
): boolean {
  if (!cell || !cell.cell || indicators.length > 0) return false;
  return cell.text.replace(/<\/?[a-z][^>]*>|&nbsp;/gi, '').trim() !== '';
}

export const ALL_FORMS: ReadonlyArray<FormKind> = [
  'project-form',
  'project-list',
  'department-form',
];
