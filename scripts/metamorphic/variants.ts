/**
 * The layout changes of the metamorphic suite (issue 8): each one is a way real forms differ from
 * the seeds without meaning anything else — what clerks type, what budget systems export. A
 * variant changes a copy of a seed form in place (`Work`) and keeps track of where every original
 * cell went, so that the findings of the unchanged form can be expected at their new cells.
 */
import type { CellRef, FormKind } from '../../src/engine';
import type { Base } from './bases';
import { Work } from './work';

export interface Context {
  /** the form placed beside or below the changed one (another seed form of the same kind) */
  readonly companion: Base;
}

export interface Variant {
  readonly id: string;
  /** what the variant does, in Chinese, for the table in docs/ */
  readonly title: string;
  readonly kinds: ReadonlyArray<FormKind>;
  /** order of application when variants are combined: cell texts, columns, rows, hiding, moves */
  readonly phase: number;
  /** variants of one group change the same cells and are never combined */
  readonly group?: string;
  apply(w: Work, b: Base, ctx: Context): void;
}

const TABLES: ReadonlyArray<FormKind> = ['project-form', 'department-form'];
const ALL: ReadonlyArray<FormKind> = ['project-form', 'department-form', 'project-list'];

/** The current cell of a header role of the base form. */
function header(w: Work, b: Base, role: string): CellRef {
  const cell = b.struct.header.get(role);
  if (!cell) throw new Error(`${b.id}: no ${role} column`);
  return w.need(cell);
}

/** The current header row (its first row). */
function headerRow(w: Work, b: Base): number {
  return w.need({ row: b.struct.headerTop, col: b.struct.range.left }).row;
}

/** The current row of an original row. */
function rowOf(w: Work, b: Base, row: number): number {
  return w.need({ row, col: b.struct.range.left }).row;
}

/** The current column just right of the table (or list). */
function afterTable(w: Work, b: Base): number {
  return w.need({ row: b.struct.headerTop, col: b.struct.tableRight }).col + 1;
}

function relabel(role: string, text: string): (w: Work, b: Base) => void {
  return (w, b) => w.set(header(w, b, role), text);
}

/** Rewrites every label of the form with `how`. */
function labels(how: (text: string, i: number) => string): (w: Work, b: Base) => void {
  return (w, b) =>
    b.struct.labels.forEach((cell, i) => {
      const at = w.at(cell);
      if (at && w.text(at) !== '') w.set(at, how(w.text(at), i));
    });
}

/** Adds columns right of the table: a header label and a value on every indicator or project row. */
function extraColumns(columns: ReadonlyArray<[string, string | number]>) {
  return (w: Work, b: Base): void => {
    const col = afterTable(w, b);
    w.insertCols(col, columns.length);
    const top = headerRow(w, b);
    columns.forEach(([label, value], i) => {
      w.add({ row: top, col: col + i }, label);
      for (const r of b.struct.rows) w.add({ row: rowOf(w, b, r), col: col + i }, value);
    });
  };
}

/** Pastes the companion form to the right of everything, `step` columns after the last one. */
function beside(step: number): Variant['apply'] {
  return (w, b, ctx) => {
    const top = w.need({ row: b.struct.range.top, col: b.struct.range.left }).row;
    const dr = top - ctx.companion.struct.range.top;
    const dc = w.lastCol() + step - ctx.companion.struct.range.left;
    w.paste(new Work(ctx.companion.sheet), dr, dc, 'companion');
  };
}

/** `levelRows`, with the level cells unmerged so that a variant can lay them out afresh. */
function unmergedLevels(w: Work, b: Base): ReturnType<typeof levelRows> {
  const rows = levelRows(w, b);
  for (const { cells } of rows) for (const c of cells) w.unmergeAt(c);
  return rows;
}

/** The 一级 and 二级 texts of every table row, continued down as a clerk reads them. */
function levelRows(w: Work, b: Base): Array<{ row: number; cells: CellRef[]; texts: string[] }> {
  const roles = ['level1', 'level2'].filter((r) => b.struct.header.has(r));
  const current = roles.map(() => '');
  const out: Array<{ row: number; cells: CellRef[]; texts: string[] }> = [];
  for (let r = b.struct.firstRow; r <= b.struct.lastRow; r++) {
    const cells = roles.map((role) => w.need({ row: r, col: b.struct.header.get(role)!.col }));
    cells.forEach((cell, i) => {
      const m = w.mergeAt(cell);
      const anchor = m ? { row: m.top, col: m.left } : cell;
      const t = w.text(anchor);
      if (t !== '' && (anchor.row === cell.row || m)) current[i] = t;
      if (i === 0 && t !== '' && anchor.row === cell.row) current[1] = '';
    });
    out.push({ row: r, cells, texts: [...current] });
  }
  return out;
}

export const VARIANTS: ReadonlyArray<Variant> = [
  // --- how clerks word the header (phase 0) ---
  {
    id: 'name-label-content',
    title: '“三级指标”写作“指标内容”',
    kinds: TABLES,
    phase: 0,
    group: 'name-label',
    apply: relabel('name', '指标内容'),
  },
  {
    id: 'name-label-long',
    title: '“三级指标”写作“三级指标名称”',
    kinds: TABLES,
    phase: 0,
    group: 'name-label',
    apply: relabel('name', '三级指标名称'),
  },
  {
    id: 'value-label-annual',
    title: '“指标值”写作“年度指标值”',
    kinds: TABLES,
    phase: 0,
    group: 'value-label',
    apply: relabel('value', '年度指标值'),
  },
  {
    id: 'value-label-bracket',
    title: '“指标值”写作“指标值（年度）”',
    kinds: TABLES,
    phase: 0,
    group: 'value-label',
    apply: relabel('value', '指标值（年度）'),
  },
  {
    id: 'value-label-target',
    title: '“指标值”写作“目标值”',
    kinds: TABLES,
    phase: 0,
    group: 'value-label',
    apply: relabel('value', '目标值'),
  },
  {
    id: 'colon-labels',
    title: '栏目名后加冒号（“项目名称：”“三级指标：”“名称：”）',
    kinds: ALL,
    phase: 0,
    group: 'label-spelling',
    apply: labels((t) => (/[：:]$/.test(t) ? t : `${t}：`)),
  },
  {
    id: 'spaced-labels',
    title: '栏目名中有空格、全角空格或换行（“项 目 名 称”“三级\\n指标”）',
    kinds: ALL,
    phase: 0,
    group: 'label-spelling',
    apply: labels((t, i) => {
      const chars = Array.from(t);
      const mid = Math.ceil(chars.length / 2);
      if (i % 3 === 0 && chars.length <= 4) return chars.join(' ');
      const sep = i % 3 === 1 ? '\u3000' : '\n';
      return chars.slice(0, mid).join('') + sep + chars.slice(mid).join('');
    }),
  },
  {
    id: 'star-labels',
    title: '栏目名前有必填标记“*”',
    kinds: ALL,
    phase: 0,
    group: 'label-spelling',
    apply: labels((t) => `*${t}`),
  },
  {
    id: 'levels-repeated',
    title: '一级、二级指标逐行重复填写（不合并，系统导出样式）',
    kinds: TABLES,
    phase: 0,
    group: 'levels',
    apply: (w, b) => {
      const rows = unmergedLevels(w, b);
      for (const { cells, texts } of rows) cells.forEach((c, i) => w.set(c, texts[i] || null));
    },
  },
  {
    id: 'levels-written-once',
    title: '一级、二级指标只在第一行填写，下方留空（不合并）',
    kinds: TABLES,
    phase: 0,
    group: 'levels',
    apply: (w, b) => {
      const rows = unmergedLevels(w, b);
      rows.forEach(({ cells, texts }, k) => {
        const above = rows[k - 1]?.texts;
        cells.forEach((c, i) => {
          const sameAsAbove =
            above !== undefined && above[i] === texts[i] && (i === 0 || above[0] === texts[0]);
          w.set(c, sameAsAbove ? null : texts[i] || null);
        });
      });
    },
  },
  {
    id: 'levels-merged',
    title: '一级、二级指标合并单元格',
    kinds: TABLES,
    phase: 0,
    group: 'levels',
    apply: (w, b) => {
      const rows = unmergedLevels(w, b);
      for (let i = 0; i < (rows[0]?.cells.length ?? 0); i++) {
        let start = 0;
        for (let k = 1; k <= rows.length; k++) {
          const key = (j: number) => `${rows[j].texts[0]}|${i === 1 ? rows[j].texts[1] : ''}`;
          if (k < rows.length && key(k) === key(start) && rows[k].texts[i] !== '') continue;
          const first = rows[start].cells[i];
          const last = rows[k - 1].cells[i];
          w.set(first, rows[start].texts[i] || null);
          for (let j = start + 1; j < k; j++) w.set(rows[j].cells[i], null);
          if (rows[start].texts[i] !== '')
            w.merge({ top: first.row, left: first.col, bottom: last.row, right: last.col });
          start = k;
        }
      }
    },
  },

  {
    id: 'merged-values-copied',
    title: '合并单元格的内容写在合并区的每一格（部分软件导出的样式）',
    kinds: ALL,
    phase: 0,
    apply: (w) => {
      for (const m of w.merges) {
        const v = w.get({ row: m.top, col: m.left });
        if (v === null) continue;
        for (let r = m.top; r <= m.bottom; r++)
          for (let c = m.left; c <= m.right; c++) w.set({ row: r, col: c }, v);
      }
    },
  },

  // --- columns (phase 1) ---
  {
    id: 'seq-column',
    title: '指标表（清单）左侧加“序号”列',
    kinds: ALL,
    phase: 1,
    apply: (w, b) => {
      const first = header(w, b, b.kind === 'project-list' ? 'name' : 'level1');
      w.insertCols(first.col);
      w.add({ row: headerRow(w, b), col: first.col }, '序号');
      b.struct.rows.forEach((r, i) => w.add({ row: rowOf(w, b, r), col: first.col }, i + 1));
    },
  },
  {
    id: 'two-row-header',
    title: '两行表头：“指标值”下分“年度指标值”“实施周期指标值”',
    kinds: TABLES,
    phase: 1,
    apply: (w, b) => {
      const value = header(w, b, 'value');
      const top = value.row;
      const valueRight = w.mergeAt(value)?.right ?? value.col;
      const period = valueRight + 1;
      w.insertCols(period);
      w.insertRows(top + 1);
      // every other header cell of the row now spans both header rows
      const row = w.cells[top] ?? [];
      row.forEach((v, c) => {
        if (v === null || c === value.col) return;
        if (!w.mergeAt({ row: top, col: c })) w.merge({ top, left: c, bottom: top + 1, right: c });
      });
      w.unmergeAt(value);
      w.set(value, '指标值');
      w.merge({ top, left: value.col, bottom: top, right: period });
      w.set({ row: top + 1, col: value.col }, '年度指标值');
      w.merge({ top: top + 1, left: value.col, bottom: top + 1, right: valueRight });
      w.add({ row: top + 1, col: period }, '实施周期指标值');
    },
  },
  {
    id: 'swap-name-description',
    title: '“三级指标”与“绩效指标描述”两列互换',
    kinds: ['project-form'],
    phase: 1,
    group: 'description',
    apply: (w, b) =>
      w.swapColsInRows(
        header(w, b, 'name').col,
        header(w, b, 'description').col,
        headerRow(w, b),
        rowOf(w, b, b.struct.lastRow),
      ),
  },
  {
    id: 'drop-description',
    title: '没有“绩效指标描述”列',
    kinds: ['project-form'],
    phase: 1,
    group: 'description',
    apply: (w, b) => w.deleteCol(header(w, b, 'description').col),
  },
  {
    id: 'basis-column',
    title: '加“指标值确定依据”列',
    kinds: TABLES,
    phase: 1,
    apply: extraColumns([['指标值确定依据', '计划标准']]),
  },
  {
    id: 'score-columns',
    title: '加“评（计）分标准”“分值”列（不应读作指标值）',
    kinds: ALL,
    phase: 1,
    apply: extraColumns([
      ['评（计）分标准', '完成得满分，未完成不得分'],
      ['分值', 10],
    ]),
  },
  {
    id: 'remark-column',
    title: '加“备注”列',
    kinds: ALL,
    phase: 1,
    apply: extraColumns([['备注', '无']]),
  },

  // --- rows (phase 2) ---
  {
    id: 'blank-under-header',
    title: '表头与第一行指标之间空一行',
    kinds: ALL,
    phase: 2,
    apply: (w, b) => w.insertRows(rowOf(w, b, b.struct.headerBottom) + 1),
  },
  {
    id: 'blank-between-groups',
    title: '产出指标与效益指标之间（清单的两个项目之间）空一行',
    kinds: ALL,
    phase: 2,
    group: 'split',
    apply: (w, b) => w.insertRows(rowOf(w, b, b.struct.splitRow)),
  },
  {
    id: 'gap-between-groups',
    title: '两组指标之间空三行（分页）',
    kinds: ALL,
    phase: 2,
    group: 'split',
    apply: (w, b) => w.insertRows(rowOf(w, b, b.struct.splitRow), 3),
  },
  {
    id: 'header-repeated',
    title: '表头在表中重复（续页）',
    kinds: TABLES,
    phase: 2,
    group: 'split',
    apply: (w, b) => {
      const top = headerRow(w, b);
      const bottom = rowOf(w, b, b.struct.headerBottom);
      const n = bottom - top + 1;
      const at = rowOf(w, b, b.struct.splitRow);
      const left = header(w, b, 'level1').col;
      const right = afterTable(w, b) - 1;
      w.insertRows(at, n);
      for (let i = 0; i < n; i++) {
        for (let c = left; c <= right; c++) {
          w.set({ row: at + i, col: c }, w.get({ row: top + i, col: c }));
        }
      }
      for (const m of [...w.merges]) {
        if (m.top >= top && m.bottom <= bottom && m.left >= left && m.right <= right) {
          w.merge({
            top: m.top - top + at,
            bottom: m.bottom - top + at,
            left: m.left,
            right: m.right,
          });
        }
      }
    },
  },
  {
    id: 'blank-before-table',
    title: '表头区与指标表之间空两行',
    kinds: TABLES,
    phase: 2,
    apply: (w, b) => w.insertRows(headerRow(w, b), 2),
  },
  {
    id: 'trailing-notes',
    title: '表下有“注：”说明和填报人签字行',
    kinds: ALL,
    phase: 2,
    apply: (w, b) => {
      const at = rowOf(w, b, b.struct.range.bottom) + 1;
      w.insertRows(at, 3);
      const col = w.need({ row: b.struct.range.top, col: b.struct.range.left }).col;
      w.set({ row: at + 1, col }, '注：指标值应填写可衡量的目标，金额单位为万元。');
      w.set({ row: at + 2, col }, '填报人：张三        联系电话：020-12345678');
    },
  },

  // --- hiding (phase 3) ---
  {
    id: 'hidden-rows',
    title: '隐藏一行指标（清单中一个项目）和表头区的一行',
    kinds: ALL,
    phase: 3,
    apply: (w, b) => {
      w.hiddenRows.add(rowOf(w, b, b.struct.rows[1]));
      w.hiddenRows.add(rowOf(w, b, b.struct.headerTop) - 1);
    },
  },
  {
    id: 'hidden-cols',
    title: '隐藏一列（描述、二级指标或财政专户拨款）',
    kinds: ALL,
    phase: 3,
    apply: (w, b) => {
      const role =
        b.kind === 'project-list'
          ? 'special'
          : b.struct.header.has('description')
            ? 'description'
            : 'level2';
      const cell = b.struct.header.get(role);
      if (cell && w.at(cell)) w.hiddenCols.add(w.need(cell).col);
    },
  },

  // --- moves (phase 4) ---
  {
    id: 'offset',
    title: '整张表下移三行、右移两列',
    kinds: ALL,
    phase: 4,
    apply: (w) => {
      w.insertRows(0, 3);
      w.insertCols(0, 2);
    },
  },

  // --- a second form on the sheet (phase 5) ---
  {
    id: 'side-by-side',
    title: '同一行并排两张表，中间空一列',
    kinds: ALL,
    phase: 5,
    group: 'second-form',
    apply: beside(2),
  },
  {
    id: 'side-by-side-adjacent',
    title: '同一行并排两张表，中间不空列（以同一行的第二个标题分开）',
    kinds: ['project-form'],
    phase: 5,
    group: 'second-form',
    apply: beside(1),
  },
  {
    id: 'stacked-tight',
    title: '下一张表紧接在本表之下（不空行）',
    kinds: ALL,
    phase: 5,
    group: 'second-form',
    apply: (w, b, ctx) => {
      const other = new Work(ctx.companion.sheet);
      const left = w.need({ row: b.struct.range.top, col: b.struct.range.left }).col;
      const dr = w.lastRow() + 1 - ctx.companion.struct.range.top;
      w.paste(other, dr, left - ctx.companion.struct.range.left, 'companion');
    },
  },
];

export function variant(id: string): Variant {
  const v = VARIANTS.find((x) => x.id === id);
  if (!v) throw new Error(`no variant ${id}`);
  return v;
}
