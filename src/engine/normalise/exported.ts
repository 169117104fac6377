import { cellText } from '../grid/cell';
import type { Grid } from '../grid/grid';
import { INDICATOR_COLUMNS, PROJECT_COLUMNS } from './columns';

const HEADERS: ReadonlyArray<ReadonlyArray<string>> = [
  INDICATOR_COLUMNS.map((c) => c.header),
  PROJECT_COLUMNS.map((c) => c.header),
];

/**
 * Whether a sheet is one the normalised export wrote (its first row is the 指标 or 项目资金 header).
 * Such a sheet holds no forms: read as one, its 一级/二级/三级 columns would look like an indicator
 * table and every row would be reported.
 */
export function isNormalisedExport(grid: Grid): boolean {
  const width = grid.rowWidth(0);
  return HEADERS.some(
    (h) => width >= h.length && h.every((text, i) => cellText(grid.raw(0, i)) === text),
  );
}
