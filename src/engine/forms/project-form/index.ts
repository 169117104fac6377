import type { Grid } from '../../grid/grid';
import type { Range } from '../../grid/address';
import type { Indicator, ProjectForm } from '../../model/forms';
import type { FormReader, RowWindow } from '../reader';
import {
  matchIndicatorHeader,
  readIndicatorTable,
  tableReading,
  type IndicatorTable,
} from '../common/indicators';
import { normalizeLabel } from '../common/labels';
import { readHeaderBlock, type HeaderBlock } from './header';
import { HEADER_LABELS, type HeaderKey } from './labels';
import { findSegments, type Segment } from './segment';

/** Rows looked at above a window's top to tell a form starting there from one already running. */
const LOOKBACK = 40;

/**
 * Finds and reads every 项目支出绩效目标表 on a sheet (docs/domain.md §1.1): stacked or side by side, at
 * any row and column, with or without a title row. With a window, only forms whose first row lies
 * in it are read and nothing past `window.bottom` is looked at.
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
    forms.push(readForm(grid, seg));
  }
  return forms;
}

/** Labels of the header block that end an indicator table when a row holds one. */
const ENDING_LABELS: ReadonlySet<HeaderKey> = new Set<HeaderKey>([
  'code',
  'name',
  'budget',
  'plan',
  'targets',
  'purpose',
  'departmentOnly',
]);

/** First characters of those labels (`*`-marked ones included): other texts are never compared. */
const ENDING_STARTS = new Set(
  [...ENDING_LABELS]
    .flatMap((k) => HEADER_LABELS.labelsOf(k).map((l) => l[0]))
    .concat(['*', '＊', '★']),
);

function isFormLabel(text: string): boolean {
  if (text.length > 30 || !ENDING_STARTS.has(text[0])) return false;
  const key = HEADER_LABELS.matchNorm(normalizeLabel(text));
  return key !== null && ENDING_LABELS.has(key);
}

function readForm(grid: Grid, seg: Segment): ProjectForm {
  const { top, bottom, band } = seg;
  const cols =
    seg.tableRow >= 0 ? matchIndicatorHeader(grid, seg.tableRow, band.right, band.left) : null;
  const titleCell = seg.titleRow >= 0 ? { row: seg.titleRow, col: seg.titleCol } : null;
  const headerBottom = cols ? cols.headerRow - 1 : bottom;
  let header = readHeaderBlock(grid, top, headerBottom, band, titleCell, cols ? cols.right : -1);
  let indicators: Indicator[] = [];
  let table: IndicatorTable | null = null;
  let lastRow = header.lastRow;
  let left = header.left;
  let right = header.right;
  if (cols) {
    if (cols.left < left) left = cols.left;
    if (cols.right > right) right = cols.right;
    lastRow = Math.max(lastRow, cols.firstDataRow - 1);
    if (cols.missing.length === 0) {
      table = readIndicatorTable(grid, cols, {
        bottom,
        minCol: band.left,
        maxCol: band.right,
        isFormLabel,
      });
      indicators = table.indicators;
      lastRow = Math.max(lastRow, table.lastRow);
      // a block under the table (资金支出计划 written below the indicators)
      if (table.end?.reason === 'label') {
        const below = readHeaderBlock(grid, table.end.top, bottom, band, null, cols.right);
        header = withBlockBelow(header, below);
        lastRow = Math.max(lastRow, below.lastRow);
        if (below.right > right) right = below.right;
      }
    }
  }
  // where the table was expected: under the labels, and never past the form (nor the sheet) end
  const reading = tableReading(cols, table, {
    row: Math.min(header.labelsBottom + 1, bottom),
    col: left,
  });
  // a table that could not be read still covers the rows it spans
  if (reading.status !== 'read' && reading.status !== 'empty') lastRow = Math.max(lastRow, bottom);
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
    table: reading,
  };
}

/** The header block completed by a block written under the table: what the top lacks, the foot gives. */
function withBlockBelow(top: HeaderBlock, below: HeaderBlock): HeaderBlock {
  return {
    ...top,
    code: top.code ?? below.code,
    department: top.department ?? below.department,
    implementer: top.implementer ?? below.implementer,
    fiscal: top.fiscal ?? below.fiscal,
    other: top.other ?? below.other,
    purpose: top.purpose ?? below.purpose,
    spendingPlan: top.spendingPlan.length > 0 ? top.spendingPlan : below.spendingPlan,
    labelsBottom: top.labelsBottom,
    targets: top.targets.length > 0 ? top.targets : below.targets,
    targetsCell: top.targetsCell ?? below.targetsCell,
  };
}

export const projectFormReader: FormReader = {
  kind: 'project-form',
  read: (grid, window) => readProjectForms(grid, window),
};
