import type { Grid } from '../../grid/grid';
import type { Indicator, IndicatorValueField, Period, TextField } from '../../model/forms';
import { isNoteText, MAX_LABEL_LENGTH, normalizeLabel } from './labels';
import { cellText } from '../../grid/cell';
import { rowCells, textFieldAt } from './cells';

/**
 * Reading the indicator table shared by the project form and the department form:
 * `一级指标 | 二级指标 | 三级指标 | 绩效指标描述? | 指标值… | 指标值确定依据?` in any column order,
 * starting at any column, with the 一级/二级 cells merged over their rows or written once and blank
 * below (docs/domain.md §1.1).
 */

/** Where the columns of an indicator table are. */
export interface IndicatorColumns {
  /** the header row (the first one when the header takes two rows) */
  readonly headerRow: number;
  /** the first row under the header */
  readonly firstDataRow: number;
  /** leftmost and rightmost column of the table */
  readonly left: number;
  readonly right: number;
  readonly level1: number;
  /** -1 when the table has no 二级指标 column */
  readonly level2: number;
  readonly name: number;
  readonly description?: number;
  /** value columns in column order (`指标值` alone is annual) */
  readonly values: ReadonlyArray<{ readonly col: number; readonly period: Period }>;
  readonly basis?: number;
}

type HeaderRole = 'level1' | 'level2' | 'name' | 'description' | 'basis' | Period;

/** The role of one header cell text, or null. */
export function indicatorHeaderRole(text: string): HeaderRole | null {
  if (text.length > MAX_LABEL_LENGTH) return null;
  const s = normalizeLabel(text);
  if (s.startsWith('一级指标') || s === '一级') return 'level1';
  if (s.startsWith('二级指标') || s === '二级') return 'level2';
  if (s.startsWith('三级指标') || s === '三级' || s === '指标名称' || s === '绩效指标名称') {
    // `三级指标值` / `三级指标目标值` are value columns
    if (s.indexOf('值') < 0) return 'name';
  }
  if (s.indexOf('依据') >= 0) return 'basis';
  if (
    s.indexOf('描述') >= 0 ||
    s === '指标解释' ||
    s === '指标说明' ||
    s === '指标内容' ||
    s === '指标定义'
  ) {
    return 'description';
  }
  if (s.indexOf('指标值') >= 0 || s.indexOf('目标值') >= 0) {
    return s.indexOf('实施') >= 0 ||
      s.indexOf('周期') >= 0 ||
      s.indexOf('中期') >= 0 ||
      s.indexOf('长期') >= 0
      ? 'period'
      : 'annual';
  }
  return null;
}

/**
 * Recognises the header row of an indicator table (it must name 一级指标 and 三级指标) and maps its
 * columns. A header whose `指标值` spans two columns with `实施周期指标值 | 年度指标值` on the row
 * below is read as one two-row header. Looks at columns `minCol`..`maxCol` only.
 */
export function matchIndicatorHeader(
  grid: Grid,
  row: number,
  maxCol = 60,
  minCol = 0,
): IndicatorColumns | null {
  let level1 = -1;
  let level2 = -1;
  let name = -1;
  let description: number | undefined;
  let basis: number | undefined;
  let right = -1;
  const values: Array<{ col: number; period: Period }> = [];
  const spans: Array<{ left: number; right: number }> = [];
  for (const { col, text } of rowCells(grid, row, maxCol, minCol)) {
    const role = indicatorHeaderRole(text);
    if (role === null) continue;
    const m = grid.mergeAt(row, col);
    const colRight = m ? m.right : col;
    if (colRight > right) right = colRight;
    if (role === 'level1' && level1 < 0) level1 = col;
    else if (role === 'level2' && level2 < 0) level2 = col;
    else if (role === 'name' && name < 0) name = col;
    else if (role === 'description' && description === undefined) description = col;
    else if (role === 'basis' && basis === undefined) basis = col;
    else if (role === 'annual' || role === 'period') {
      values.push({ col, period: role });
      if (colRight > col) spans.push({ left: col, right: colRight });
    }
  }
  if (level1 < 0 || name < 0) return null;
  let firstDataRow = row + 1;
  // Two-row header: `指标值` merged across, `实施周期指标值 | 年度指标值` below it.
  if (spans.length) {
    const sub: Array<{ col: number; period: Period }> = [];
    for (const { col, text } of rowCells(grid, row + 1, maxCol, minCol)) {
      const role = indicatorHeaderRole(text);
      if (role !== 'annual' && role !== 'period') continue;
      if (spans.some((s) => col >= s.left && col <= s.right)) sub.push({ col, period: role });
    }
    if (sub.length) {
      const kept = values.filter((v) => !spans.some((s) => s.left === v.col));
      values.length = 0;
      values.push(...kept, ...sub);
      values.sort((a, b) => a.col - b.col);
      firstDataRow = row + 2;
    }
  }
  const cols = [level1, level2, name, description ?? -1, basis ?? -1, ...values.map((v) => v.col)];
  const left = Math.min(...cols.filter((c) => c >= 0));
  return {
    headerRow: row,
    firstDataRow,
    left,
    right,
    level1,
    level2,
    name,
    ...(description !== undefined ? { description } : {}),
    values,
    ...(basis !== undefined ? { basis } : {}),
  };
}

export interface ReadIndicatorOptions {
  /** last row that may belong to the table (inclusive) */
  readonly bottom: number;
  /** extra end test, e.g. "this row starts the next form"; called before the row is read */
  readonly stopAt?: (row: number) => boolean;
}

export interface IndicatorTable {
  readonly indicators: Indicator[];
  /** the last row that belongs to the table (header row when the table is empty) */
  readonly lastRow: number;
}

/**
 * Reads indicator rows under a header found by `matchIndicatorHeader`. The table ends at the first
 * blank row (unless a merged 一级 cell runs on below it), a note line (`注：…`, `填报人`), a row the
 * caller's `stopAt` claims, or `bottom`. A blank 一级 cell continues the name above (its `cell` is the
 * cell that wrote it); a blank 二级 cell does too, unless the row starts a new 一级. A repeated header
 * row (a table continued on the next page) is skipped.
 */
export function readIndicatorTable(
  grid: Grid,
  cols: IndicatorColumns,
  options: ReadIndicatorOptions,
): IndicatorTable {
  const indicators: Indicator[] = [];
  let lastRow = cols.firstDataRow - 1;
  let level1: TextField = { text: '', cell: null };
  let level2: TextField = { text: '', cell: null };
  const dataCols = [cols.name, ...cols.values.map((v) => v.col)];
  if (cols.description !== undefined) dataCols.push(cols.description);
  if (cols.basis !== undefined) dataCols.push(cols.basis);
  for (let r = cols.firstDataRow; r <= options.bottom; r++) {
    if (options.stopAt?.(r)) break;
    const first = firstOwnText(grid, r, cols.left, cols.right);
    if (first === '') {
      // A blank row ends the table unless a merged 一级 cell carries on below it.
      const m = grid.mergeAt(r, cols.level1);
      if (m && m.bottom > r) continue;
      break;
    }
    if (isNoteText(first)) break;
    if (first.charCodeAt(0) === ONE && indicatorHeaderRole(first) === 'level1') continue; // repeated header
    const l1 = levelCell(grid, r, cols.level1, level1);
    const newLevel1 = l1.cell !== null && l1.cell.row === r && l1.text !== '';
    level1 = l1;
    if (cols.level2 >= 0) {
      const own = textFieldAt(grid, r, cols.level2);
      if (own.cell!.row < r || own.text !== '') level2 = own;
      else if (newLevel1 || level2.cell === null) level2 = own;
      // else: blank 二级 under the same 一级 continues the one above
    }
    const values: IndicatorValueField[] = cols.values.map((v) => {
      const f = textFieldAt(grid, r, v.col);
      return { period: v.period, text: f.text, cell: f.cell! };
    });
    const indicator: Indicator = {
      level1,
      level2: cols.level2 >= 0 ? level2 : NO_LEVEL2,
      name: textFieldAt(grid, r, cols.name),
      ...(cols.description !== undefined
        ? { description: textFieldAt(grid, r, cols.description) }
        : {}),
      values,
      ...(cols.basis !== undefined ? { basis: textFieldAt(grid, r, cols.basis) } : {}),
      row: r,
    };
    indicators.push(indicator);
    lastRow = r;
  }
  return { indicators, lastRow: Math.max(lastRow, cols.headerRow) };
}

const ONE = '一'.charCodeAt(0);
const NO_LEVEL2: TextField = { text: '', cell: null };

/** 一级 cell: merged → the anchor; written → itself; blank → continues `above`. */
function levelCell(grid: Grid, r: number, col: number, above: TextField): TextField {
  const own = textFieldAt(grid, r, col);
  if (own.cell!.row < r || own.text !== '') return own;
  if (above.cell !== null) return above;
  return own;
}

/** The first text stored in this very row between left and right (merge continuations excluded). */
function firstOwnText(grid: Grid, r: number, left: number, right: number): string {
  const width = Math.min(grid.rowWidth(r), right + 1);
  for (let c = left; c < width; c++) {
    const v = grid.raw(r, c);
    if (v === null) continue;
    const m = grid.mergeAt(r, c);
    if (m && (m.top !== r || m.left !== c)) continue;
    const t = cellText(v);
    if (t !== '') return t;
  }
  return '';
}
