import type { Grid } from '../../grid/grid';
import type { Period } from '../../model/forms';
import type { MoneyUnit } from '../../money/amount';
import { parseAmount } from '../../money/amount';
import { usedRowsIn } from '../common/cells';
import { columnRole, mayBeNameLabel, PERIOD_OF, type ColumnRole } from './labels';

/** Where each column of one list is. Optional columns are absent when the header lacks them. */
export interface ListColumns {
  readonly name: number;
  readonly total?: number;
  readonly fiscal?: number;
  readonly special?: number;
  readonly other?: number;
  readonly target?: number;
  /** the packed 绩效指标 column */
  readonly indicators?: number;
  /** one-indicator-per-row variant */
  readonly level1?: number;
  readonly level2?: number;
  readonly level3?: number;
  readonly description?: number;
  readonly basis?: number;
  /** value columns in column order */
  readonly values: ReadonlyArray<{ readonly col: number; readonly period: Period }>;
}

/** A list's header: one row, or two when money or indicator columns sit under a group label. */
export interface ListHeader {
  readonly row: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly columns: ListColumns;
  /** every column the list reads, for blank-row tests */
  readonly readColumns: ReadonlyArray<number>;
  /** the unit of a `总计（万元）` label, null when the labels carry none */
  readonly unit: MoneyUnit | null;
  /** whether the list has the one-indicator-per-row columns */
  readonly perRow: boolean;
}

/** Header rows of project lists between rows `top` and `bottom`, in sheet order. */
export function findHeaders(grid: Grid, top: number, bottom: number): ListHeader[] {
  const out: ListHeader[] = [];
  let skipTo = -1;
  for (const r of usedRowsIn(grid, Math.max(0, top), Math.min(bottom, grid.rowCount - 1))) {
    if (r <= skipTo) continue; // the second row of a header found above
    let after = -1;
    for (const c of grid.storedCols(r)) {
      if (c <= after) continue;
      const v = grid.raw(r, c);
      if (typeof v !== 'string' || !mayBeNameLabel(v)) continue;
      if (columnRole(v)?.role !== 'name') continue;
      const header = readHeader(grid, r, c);
      if (!header) continue;
      out.push(header);
      after = header.right;
      if (header.bottom > skipTo) skipTo = header.bottom;
    }
  }
  return out;
}

function readHeader(grid: Grid, row: number, nameCol: number): ListHeader | null {
  const end = grid.colCount - 1;
  const upper: Array<ColumnRole | null> = [];
  let right = nameCol;
  let unit: MoneyUnit | null = null;
  for (let c = nameCol; c <= Math.min(end, grid.rowExtent(row)); c++) {
    const text = grid.text(row, c);
    // an empty column (nothing in the header's two rows) ends the list: what follows is another table
    if (text === '' && grid.anchor(row, c).col === c && grid.text(row + 1, c) === '') break;
    const hit = columnRole(text);
    // another list's 项目名称 to the right ends this one
    if (c > nameCol && hit?.role === 'name' && grid.anchor(row, c).col === c) break;
    upper[c] = hit?.role ?? null;
    if (hit) {
      right = c;
      unit ??= hit.unit;
    }
  }
  // A second header row: labels under group cells (`资金来源`, `绩效指标` merged over 一级…指标值).
  const lower: Array<ColumnRole | null> = [];
  let twoRows = false;
  const below = row + 1;
  if (below < grid.rowCount) {
    let amounts = false;
    for (let c = nameCol; c <= right; c++) {
      const a = grid.anchor(below, c);
      if (a.row !== below) continue;
      const v = grid.raw(below, c);
      if (v === null) continue;
      if (parseAmount(v).ok) amounts = true;
      const hit = columnRole(grid.text(below, c));
      lower[c] = hit && hit.role !== 'name' ? hit.role : null;
      if (lower[c]) {
        twoRows = true;
        unit ??= hit?.unit ?? null;
      }
    }
    if (amounts) twoRows = false;
  }
  const cols: { [K in ColumnRole]?: number } = {};
  const values: Array<{ col: number; period: Period }> = [];
  for (let c = nameCol; c <= right; c++) {
    const role = (twoRows ? lower[c] : null) ?? upper[c];
    if (!role) continue;
    const period = PERIOD_OF[role];
    if (period) values.push({ col: c, period });
    else if (cols[role] === undefined) cols[role] = c;
  }
  cols.name = nameCol;
  const perRow = cols.level3 !== undefined || values.length > 0;
  if (cols.total === undefined || (cols.indicators === undefined && !perRow)) return null;
  // A group cell over indicator columns is no packed column of its own.
  if (perRow && cols.indicators !== undefined && twoRows && lower[cols.indicators] === null) {
    const group = grid.mergeAt(row, cols.indicators);
    if (group && group.right > group.left) delete cols.indicators;
  }
  let left = nameCol;
  for (let c = nameCol - 1; c >= 0; c--) {
    const hit = columnRole(grid.text(row, c));
    if (!hit || (hit.role !== 'seq' && hit.role !== 'code' && hit.role !== 'unitName')) break;
    left = c;
  }
  let bottom = twoRows ? below : row;
  for (let c = left; c <= right; c++) {
    const m = grid.mergeAt(row, c);
    if (m && m.top === row && m.bottom > bottom && m.bottom <= row + 2) bottom = m.bottom;
  }
  const columns: ListColumns = {
    name: nameCol,
    total: cols.total,
    fiscal: cols.fiscal,
    special: cols.special,
    other: cols.other,
    target: cols.target,
    indicators: cols.indicators,
    level1: cols.level1,
    level2: cols.level2,
    level3: cols.level3,
    description: cols.description,
    basis: cols.basis,
    values,
  };
  // columns the list has but does not read (`备注`, `评分标准`) still belong to it
  for (let c = right + 1; c <= Math.min(end, grid.rowExtent(row)); c++) {
    const text = grid.text(row, c);
    if (text === '' || columnRole(text)?.role === 'name') break;
    right = c;
  }
  const readColumns: number[] = [];
  for (let c = left; c <= right; c++) readColumns.push(c);
  return { row, bottom, left, right, columns, readColumns, unit, perRow };
}
