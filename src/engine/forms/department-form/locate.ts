import type { CellRef } from '../../grid/address';
import type { Grid } from '../../grid/grid';
import type { RowWindow } from '../reader';
import type { Band } from './cells';
import { rowCells, usedRowsIn } from '../common/cells';
import { classifyLabel, normText, OTHER_FORM_LABEL, OTHER_TITLE, TITLE } from './labels';

/** Where one department form starts: its title, or its 部门名称 label when it has no title. */
export interface FormStart {
  readonly row: number;
  readonly col: number;
  readonly titleCell: CellRef | null;
  /** the 部门名称 label that belongs to this form, if seen */
  readonly nameLabel: CellRef | null;
}

/** How far below a title its 部门名称 label may be (a year line and a unit line in between). */
const TITLE_TO_LABEL_ROWS = 6;
/** How far below 部门名称 the 部门预算金额 and 预算整体情况 labels must be for a form without a title. */
const LABEL_CONFIRM_ROWS = 25;
/** Starts this close in rows are side by side rather than stacked. */
const SAME_ROW_SLACK = 3;
const TITLE_MAX_LENGTH = 60;

function isTitle(text: string): boolean {
  const t = normText(text);
  return t.length <= TITLE_MAX_LENGTH && TITLE.test(t);
}

/**
 * A cell starting some other form: another `…绩效目标表` title anywhere, or a `项目名称` label in the
 * form's first column (where a project form without a title has it).
 */
function isOtherFormStart(text: string, firstColumn: boolean): boolean {
  const t = normText(text);
  if (t.length > TITLE_MAX_LENGTH) return false;
  return (OTHER_TITLE.test(t) && !TITLE.test(t)) || (firstColumn && OTHER_FORM_LABEL.test(t));
}

function isNameLabel(text: string): boolean {
  const hit = classifyLabel(text);
  return hit?.kind === 'field' && hit.key === 'name';
}

/** Whether a 部门名称 label is followed by the labels only a department form has. */
function confirmsDepartmentForm(grid: Grid, label: CellRef, lastRow: number): boolean {
  let budget = false;
  let block = false;
  const end = Math.min(lastRow, label.row + LABEL_CONFIRM_ROWS);
  for (const r of usedRowsIn(grid, label.row, end)) {
    if (budget && block) break;
    for (const { text } of rowCells(grid, r)) {
      const hit = classifyLabel(text);
      if (hit?.kind === 'field' && hit.key === 'budget') budget = true;
      if (hit?.kind === 'block' && hit.key === 'budget-block') block = true;
    }
  }
  return budget && block;
}

/** Every department form start on the sheet (or in the window), top to bottom. */
export function findStarts(grid: Grid, window?: RowWindow): FormStart[] {
  const first = window ? Math.max(0, window.top - TITLE_TO_LABEL_ROWS) : 0;
  const last = Math.min(grid.rowCount - 1, window ? window.bottom : Infinity);
  const titles: CellRef[] = [];
  const labels: CellRef[] = [];
  for (const r of usedRowsIn(grid, first, last)) {
    for (const c of grid.storedCols(r)) {
      // cheap tests first: titles and labels are text; every title has 整体 (部门整体, 部门（单位）
      // 整体, 单位整体), every 部门名称 label has 名称
      const v = grid.raw(r, c);
      if (typeof v !== 'string' || (v.indexOf('名') < 0 && v.indexOf('整') < 0)) continue;
      const m = grid.mergeAt(r, c);
      if (m && (m.top !== r || m.left !== c)) continue; // a merged value copied into every cell
      const text = v.trim();
      const compact = text.replace(/\s+/g, '');
      if (!compact.includes('名称') && !compact.includes('整体')) continue;
      if (isTitle(text)) titles.push({ row: r, col: c });
      else if (isNameLabel(text)) labels.push({ row: r, col: c });
    }
  }
  const starts: Array<{
    row: number;
    col: number;
    titleCell: CellRef | null;
    nameLabel: CellRef | null;
  }> = titles.map((t) => ({ row: t.row, col: t.col, titleCell: t, nameLabel: null }));
  for (const label of labels) {
    const owner = starts
      .filter(
        (s) =>
          s.titleCell &&
          !s.nameLabel &&
          s.row < label.row &&
          label.row - s.row <= TITLE_TO_LABEL_ROWS &&
          !starts.some((o) => o !== s && o.row > s.row && o.row <= label.row && bandsMeet(o, s)),
      )
      .sort((a, b) => Math.abs(a.col - label.col) - Math.abs(b.col - label.col))[0];
    if (owner) {
      owner.nameLabel = label;
      owner.col = Math.min(owner.col, label.col);
    } else if (confirmsDepartmentForm(grid, label, last)) {
      starts.push({ row: label.row, col: label.col, titleCell: null, nameLabel: label });
    }
  }
  return starts
    .filter((s) => !window || (s.row >= window.top && s.row <= window.bottom))
    .sort((a, b) => a.row - b.row || a.col - b.col);
}

function bandsMeet(a: { col: number }, b: { col: number }): boolean {
  return Math.abs(a.col - b.col) <= 1;
}

/**
 * The rows and columns a form may use: from its start to the row before the next form below it (a
 * department form, or any other form's title), never past the window; from its start column to the
 * column before a form beside it.
 */
export function bandOf(
  grid: Grid,
  start: FormStart,
  all: ReadonlyArray<FormStart>,
  window?: RowWindow,
): Band {
  let right = grid.colCount - 1;
  for (const o of all) {
    if (o !== start && o.col > start.col && Math.abs(o.row - start.row) <= SAME_ROW_SLACK) {
      right = Math.min(right, o.col - 1);
    }
  }
  let bottom = Math.min(grid.rowCount - 1, window ? window.bottom : Infinity);
  for (const o of all) {
    if (o !== start && o.row > start.row + SAME_ROW_SLACK && o.col <= right && o.row - 1 < bottom) {
      bottom = o.row - 1;
    }
  }
  const firstBody = (start.nameLabel ?? start).row + 1;
  scan: for (const r of usedRowsIn(grid, firstBody, bottom)) {
    for (const { col, text } of rowCells(grid, r, right, start.col)) {
      if (isOtherFormStart(text, col === start.col)) {
        bottom = r - 1;
        break scan;
      }
    }
  }
  return { top: start.row, bottom, left: start.col, right };
}
