import type { Grid } from '../../grid/grid';
import type { Range } from '../../grid/address';
import type { Indicator, ProjectForm } from '../../model/forms';
import type { FormReader, RowWindow } from '../reader';
import { matchIndicatorHeader, readIndicatorTable } from '../common/indicators';
import { readHeaderBlock } from './header';
import { findSegments, MAX_COL } from './segment';

/** Rows looked at above a window's top to tell a form starting there from one already running. */
const LOOKBACK = 40;

/**
 * Finds and reads every 项目支出绩效目标表 on a sheet (docs/domain.md §1.1): stacked or alone, at any row and
 * column, with or without a title row. With a window, only forms whose first row lies in it are read
 * and nothing past `window.bottom` is looked at.
 */
export function readProjectForms(grid: Grid, window?: RowWindow): ProjectForm[] {
  const last = grid.rowCount - 1;
  const top = window ? Math.max(0, window.top) : 0;
  const bottom = window ? Math.min(last, window.bottom) : last;
  if (bottom < top) return [];
  const scanTop = window ? Math.max(0, top - LOOKBACK) : 0;
  const forms: ProjectForm[] = [];
  for (const seg of findSegments(grid, scanTop, bottom)) {
    if (seg.top < top) continue;
    forms.push(readForm(grid, seg.top, seg.bottom, seg.titleRow, seg.titleCol, seg.tableRow));
  }
  return forms;
}

function readForm(
  grid: Grid,
  top: number,
  bottom: number,
  titleRow: number,
  titleCol: number,
  tableRow: number,
): ProjectForm {
  const cols = tableRow >= 0 ? matchIndicatorHeader(grid, tableRow, MAX_COL) : null;
  const titleCell = titleRow >= 0 ? { row: titleRow, col: titleCol } : null;
  const headerBottom = cols ? cols.headerRow - 1 : bottom;
  const header = readHeaderBlock(
    grid,
    top,
    headerBottom,
    MAX_COL,
    titleCell,
    cols ? cols.right : -1,
  );
  let indicators: Indicator[] = [];
  let lastRow = header.lastRow;
  let left = header.left;
  let right = header.right;
  if (cols) {
    const table = readIndicatorTable(grid, cols, { bottom });
    indicators = table.indicators;
    lastRow = table.lastRow;
    if (cols.left < left) left = cols.left;
    if (cols.right > right) right = cols.right;
  }
  if (titleCell) {
    const m = grid.mergeAt(titleCell.row, titleCell.col);
    if (titleCell.col < left) left = titleCell.col;
    if (m && m.right > right) right = m.right;
  }
  const range: Range = { top, left, bottom: Math.max(top, lastRow), right: Math.max(left, right) };
  return {
    kind: 'project-form',
    sheet: grid.name,
    range,
    title: titleCell ? grid.text(titleCell.row, titleCell.col) : '',
    titleCell,
    unit: header.unit,
    indicators,
    ...(header.code ? { code: header.code } : {}),
    name: header.name,
    ...(header.department ? { department: header.department } : {}),
    ...(header.implementer ? { implementer: header.implementer } : {}),
    budget: header.budget,
    ...(header.fiscal ? { fiscal: header.fiscal } : {}),
    ...(header.other ? { other: header.other } : {}),
    ...(header.purpose ? { purpose: header.purpose } : {}),
    spendingPlan: header.spendingPlan,
    targets: header.targets,
    targetsCell: header.targetsCell,
    valueColumns: cols ? cols.values.map((v) => v.period) : [],
  };
}

export const projectFormReader: FormReader = {
  kind: 'project-form',
  read: (grid, window) => readProjectForms(grid, window),
};
