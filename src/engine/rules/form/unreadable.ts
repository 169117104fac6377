import type { TableReading } from '../../model/forms';
import { ROLE_LABEL } from '../../forms/common/columns';
import type { Rule } from '../types';
import { formAnchor, listProjects, unreadPacked } from '../shared/forms';

const END_REASON: Readonly<Partial<Record<string, string>>> = {
  gap: '表头下的空行过多，表格在空行处被视为结束',
  section: '表头下有一行跨列合并的说明，表格在此处被视为结束',
  note: '表头下先出现了“注：”等说明行',
  left: '表头下的内容不在指标表的列内',
  label: '表头下先出现了表单的其他栏目',
};

/** What the reader saw and missed, for a clerk: which columns, which rows. */
export function unreadableMessage(table: TableReading): string | null {
  switch (table.status) {
    case 'no-header':
      return '找到了绩效目标表，但未找到绩效指标表的表头（应有“一级指标”“二级指标”“三级指标”“指标值”等列），其中的绩效指标没有读取，也就没有检查。请按标准表头填写。';
    case 'incomplete': {
      const missing = table.missing.map((r) => `“${ROLE_LABEL[r]}”`).join('和');
      const seen = table.header.map((h) => h.text.replace(/\s+/g, '')).join('、');
      return `找到了绩效指标表头（${seen}），但未能识别${missing}列，其中的绩效指标没有读取，也就没有检查。请将表头改为标准写法。`;
    }
    case 'unread': {
      const rows = table.unreadRows;
      const span =
        rows.length === 1
          ? `第 ${rows[0] + 1} 行`
          : `第 ${rows[0] + 1}–${rows[rows.length - 1] + 1} 行`;
      const why = table.end ? END_REASON[table.end.reason] : undefined;
      return `找到了绩效指标表头，但表头下没有读出任何指标：${span}的内容未能识别为指标行${why ? `（${why}）` : ''}，没有检查。请删去多余的空行或说明，使指标紧接在表头之下。`;
    }
    default:
      return null;
  }
}

/**
 * `form.unreadable`: a form was found but its indicators could not be read — no indicator header
 * where the table belongs, a header without a 三级指标 or 指标值 column, a header with indicator-like
 * rows the reader could not take, or a list project whose packed 绩效指标 cell holds text but no
 * indicator. Without it such a form would pass as having no problems (or as an empty table).
 */
export const formUnreadable: Rule = {
  meta: {
    id: 'form.unreadable',
    severity: 'error',
    title: '表格无法读取',
    description:
      '找到了绩效目标表，但未能读出其中的绩效指标（找不到表头、表头缺少“三级指标”或“指标值”列，或表头下的行无法识别），这些指标没有被检查。',
    fixable: false,
    forms: ['project-form', 'project-list', 'department-form'],
  },
  check(form, ctx) {
    if (form.kind === 'project-list') {
      for (const p of listProjects(form)) {
        const cell = p.indicatorCell.cell;
        if (!cell || !unreadPacked(p.indicatorCell, p.indicators)) continue;
        ctx.report({
          cell,
          message: `项目“${p.name.text.trim()}”的绩效指标单元格有内容，但未能读出任何指标，没有检查。请按“1、产出指标；数量指标；三级指标名称；年度指标值:…”或“1、产出指标：三级指标名称，年度指标值：…”的格式填写。`,
        });
      }
      return;
    }
    const table = form.table;
    if (!table) return;
    const message = unreadableMessage(table);
    if (message) ctx.report({ cell: table.cell ?? formAnchor(form), message });
  },
};
