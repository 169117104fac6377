import type { Grid } from '../../grid/grid';
import { usedRowsIn } from '../common/cells';
import {
  matchIndicatorHeader,
  readIndicatorTable,
  type IndicatorColumns,
  type IndicatorTable,
} from '../common/indicators';
import type { Band } from './cells';
import { classifyLabel } from './labels';

/**
 * The 绩效指标 table of a department form: the first indicator header in rows `top`..`bottom` of the
 * form's band, read with the reader shared with the project form. 一级/二级 rows with no indicator
 * under them (the skeleton rows `时效指标`, `成本指标` of a form that fills only some categories) are
 * returned as empty categories, not as indicators missing their values. A label of the form
 * (`其他需要说明的情况`, `财政部门审核意见`) ends the table.
 */
export function readIndicators(
  grid: Grid,
  band: Band,
  top: number,
  bottom: number,
): { cols: IndicatorColumns | null; table: IndicatorTable | null } {
  let cols: IndicatorColumns | null = null;
  for (const r of usedRowsIn(grid, top, bottom)) {
    cols = matchIndicatorHeader(grid, r, band.right, band.left);
    if (cols) break;
  }
  if (!cols || cols.missing.length > 0) return { cols, table: null };
  const table = readIndicatorTable(grid, cols, {
    bottom,
    minCol: band.left,
    maxCol: band.right,
    levelOnly: 'category',
    isFormLabel: (text) => classifyLabel(text) !== null,
  });
  return { cols, table };
}
