import {
  LEVEL1,
  LEVEL2,
  matchLevel2,
  inWriterStyle,
  parentsOf,
  standardiseLevelText,
  type LevelMatch,
} from '../../framework';
import type { CellRef } from '../../grid/address';
import type { Form, Indicator } from '../../model/forms';
import type { Report, Rule } from '../types';
import { ALL_FORMS, indicatorGroups, type IndicatorGroup } from '../shared/forms';
import { factsOf } from '../shared/indicators';
import { reportOnce } from '../shared/report';

const LEVEL1_NAMES = LEVEL1.map((l) => l.name).join('、');

function quoteAll(names: ReadonlyArray<string>): string {
  return names.map((n) => `“${n}”`).join('、');
}

/** The replacement text for the cell holding `m`: the cell alone, or the whole packed cell. */
function replacementFor(
  m: LevelMatch,
  to: string | null,
  ind: Indicator,
  group: IndicatorGroup,
): string[] {
  if (!to) return [];
  if (!ind.packed) return [to];
  const text = group.packedCell?.text;
  if (!text || !m.written) return [];
  return [text.split(m.written).join(inWriterStyle(m, to))];
}

/**
 * `indicator.unknown-level`: a 一级/二级 name that is not in the framework (error), or a known
 * synonym such as `效果指标` (warning, with the standard name).
 */
export const indicatorUnknownLevel: Rule = {
  meta: {
    id: 'indicator.unknown-level',
    severity: 'error',
    title: '指标名称不规范',
    description: '一级或二级指标名称不在指标体系中（错误），或使用了旧称（警告，提示标准名称）。',
    fixable: true,
    forms: ALL_FORMS,
  },
  check(form, ctx) {
    const report = reportOnce(ctx);
    for (const group of indicatorGroups(form)) {
      for (const ind of withCategories(form, group.indicators)) {
        const c = factsOf(ind).classification;
        const fallback = ind.name.cell ?? ind.values[0]?.cell ?? null;
        const at = (cell: CellRef | null, r: Omit<Report, 'cell'>) => {
          const where = cell ?? fallback;
          if (where) report({ ...r, cell: where });
        };
        const l1 = c.level1;
        if (l1.status === 'unknown') {
          const asLevel2 = matchLevel2(l1.text);
          const parents = asLevel2.standard ? parentsOf(asLevel2.standard) : [];
          if (parents.length > 0) {
            at(ind.level1.cell, {
              message: `一级指标“${l1.written}”是二级指标的名称，一级指标应为${quoteAll(parents)}。`,
              suggestions: parents.length === 1 ? replacementFor(l1, parents[0], ind, group) : [],
            });
          } else {
            at(ind.level1.cell, {
              message: `一级指标“${l1.written}”不在指标体系中，应为${LEVEL1_NAMES}之一。`,
            });
          }
        } else if (l1.status === 'synonym') {
          at(ind.level1.cell, {
            severity: 'warning',
            message: `一级指标“${l1.written}”是旧称，应为“${inWriterStyle(l1, l1.standard ?? l1.written)}”。`,
            suggestions: ind.packed
              ? replacementFor(l1, l1.standard, ind, group)
              : nonNull(standardiseLevelText(l1)),
          });
        }
        const l2 = c.level2;
        if (l2.status === 'unknown') {
          const allowed = c.standardLevel1
            ? LEVEL2.filter((d) => d.parents.includes(c.standardLevel1 as string))
            : [];
          const hint =
            allowed.length > 0
              ? `，“${c.standardLevel1}”下应为${quoteAll(allowed.map((d) => d.name))}之一`
              : '';
          at(ind.level2.cell, { message: `二级指标“${l2.written}”不在指标体系中${hint}。` });
        } else if (l2.status === 'synonym') {
          at(ind.level2.cell, {
            severity: 'warning',
            message: `二级指标“${l2.written}”不是标准名称，应为“${inWriterStyle(l2, l2.standard ?? l2.written)}”。`,
            suggestions: ind.packed
              ? replacementFor(l2, l2.standard, ind, group)
              : nonNull(standardiseLevelText(l2)),
          });
        }
      }
    }
  },
};

const NO_NAME = { text: '', cell: null };

/**
 * The indicators, and on a department form the categories it lists with nothing under them (a
 * skeleton row `可持续性影响` is named as much as a filled one), as indicators without name or value.
 */
function withCategories(form: Form, indicators: ReadonlyArray<Indicator>): Indicator[] {
  if (form.kind !== 'department-form' || !form.emptyCategories?.length) return [...indicators];
  const categories = form.emptyCategories.map((c): Indicator => ({
    level1: c.level1,
    level2: c.level2,
    name: NO_NAME,
    values: [],
    row: c.row,
  }));
  return [...indicators, ...categories];
}

function nonNull(s: string | null): string[] {
  return s === null ? [] : [s];
}
