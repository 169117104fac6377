import type { CellRef, Range } from '../../grid/address';
import { cellText } from '../../grid/cell';
import type { Grid } from '../../grid/grid';
import { matchLevel1, matchLevel2 } from '../../framework';
import type {
  EmptyCategory,
  Indicator,
  IndicatorValueField,
  Period,
  TableColumnRole,
  TableHeaderCell,
  TableReading,
  TableRowReason,
  TableRowSpan,
  TableStatus,
  TextField,
} from '../../model/forms';
import { firstCell, rowCells, usedRowsIn, type RowCell } from './cells';
import { columnRole, subHeaderPeriod, type ColumnMatch } from './columns';
import { isNoteText, levelName, titleKind } from './labels';

/**
 * Reading the indicator table shared by the project form and the department form (docs/domain.md §1.1,
 * §1.3): `一级指标 | 二级指标 | 三级指标 | 绩效指标描述? | 指标值… | 指标值确定依据?`, found by its
 * header row and mapped by label (forms/common/columns), in any column order, at any offset, with a
 * 序号 column, a two-row value header, 一级/二级 cells merged over their rows or written once and
 * blank below. Where the table ends is decided by structure: a note line, the next form, a label of
 * the form, a row merged across the table, or a run of empty rows longer than any real form has;
 * empty rows inside the table (under the header, between groups) are read past.
 */

/** Empty rows read past inside a table; one more ends it. Real forms have at most a page break. */
export const MAX_BLANK_RUN = 10;

/** Where the columns of an indicator table are. */
export interface IndicatorColumns {
  /** the header row (the first one when the header takes two rows) */
  readonly headerRow: number;
  readonly headerRows: ReadonlyArray<number>;
  /** the first row under the header */
  readonly firstDataRow: number;
  /** leftmost and rightmost column of the table */
  readonly left: number;
  readonly right: number;
  readonly seq?: number;
  /** -1 when the table has no 一级指标 column */
  readonly level1: number;
  /** -1 when the table has no 二级指标 column */
  readonly level2: number;
  /** -1 when no 三级指标 column was recognised (the table cannot be read) */
  readonly name: number;
  readonly description?: number;
  /** value columns in column order (`指标值` alone is annual) */
  readonly values: ReadonlyArray<{ readonly col: number; readonly period: Period }>;
  readonly basis?: number;
  /** 计量单位 and 指标方向 columns, when the table has them */
  readonly unit?: number;
  readonly direction?: number;
  /** every labelled header cell inside the table with the role it was given */
  readonly header: ReadonlyArray<TableHeaderCell>;
  /** roles the table needs that the header lacks */
  readonly missing: ReadonlyArray<TableColumnRole>;
}

interface Labelled {
  /** the label's row: the header row, or the row above for a label merged down into it */
  readonly row: number;
  readonly col: number;
  readonly right: number;
  readonly bottom: number;
  readonly text: string;
  readonly match: ColumnMatch | null;
}

const CORE_ROLES: ReadonlySet<TableColumnRole> = new Set(['level1', 'level2', 'name', 'value']);

/**
 * Whether a row's cells are an indicator-table header: a 一级 or 二级 label with another indicator
 * column, or a 三级 label with a value column. Weak labels (`绩效指标`, `指标内容`) count only beside
 * a 一级/二级 label, so that a header block's `绩效指标` group label alone is no table.
 */
export function isIndicatorHeader(matches: ReadonlyArray<ColumnMatch | null>): boolean {
  const roles = new Set<TableColumnRole>();
  let strongName = false;
  for (const m of matches) {
    if (!m || m.role === 'ignored' || m.role === 'seq') continue;
    if (m.role === 'unit' || m.role === 'direction') continue;
    roles.add(m.role);
    if (m.role === 'name' && m.strength === 'strong') strongName = true;
  }
  const levels = roles.has('level1') || roles.has('level2');
  if (levels) return roles.size >= 2;
  return strongName && roles.has('value');
}

/**
 * Recognises the header row of an indicator table and maps its columns by label. A header whose
 * `指标值` spans two columns (or says no period) with `实施周期指标值 | 年度指标值` (or `实施周期 |
 * 年度`) on the row below is read as one two-row header. Looks at columns `minCol`..`maxCol` only
 * and stops at a second table's `一级指标` in the same row. Null when the row is no header; a header
 * without a 三级 or 指标值 column is returned with `missing` set.
 */
export function matchIndicatorHeader(
  grid: Grid,
  row: number,
  maxCol = Infinity,
  minCol = 0,
): IndicatorColumns | null {
  const found: Labelled[] = [];
  let level1Seen = false;
  let nameSeen = false;
  let stopCol = maxCol;
  for (const { col, text } of rowCells(grid, row, maxCol, minCol)) {
    const match = columnRole(text);
    if (match?.role === 'level1' && level1Seen && nameSeen) {
      stopCol = col - 1;
      break; // a second table to the right
    }
    if (match?.role === 'level1') level1Seen = true;
    if (match?.role === 'name') nameSeen = true;
    const m = grid.mergeAt(row, col);
    found.push({ row, col, right: m ? m.right : col, bottom: m ? m.bottom : row, text, match });
  }
  // a two-storey header whose 一级/二级/三级 sit under a `绩效指标` group label: the other labels
  // (`指标值`, `指标值确定依据`) are merged down from the row above
  if (row > 0 && (level1Seen || nameSeen) && !found.some((f) => f.match?.role === 'value'))
    addLabelsMergedDown(grid, row, minCol, stopCol, found);
  if (!isIndicatorHeader(found.map((f) => f.match))) return null;

  const of = (role: TableColumnRole) => found.filter((f) => f.match?.role === role);
  const first = (list: Labelled[]) =>
    list.find((f) => f.match!.strength === 'strong') ?? list[0] ?? null;
  const taken = new Map<number, TableColumnRole>();
  const give = (f: Labelled | null, role: TableColumnRole): number => {
    if (!f || taken.has(f.col)) return -1;
    taken.set(f.col, role);
    return f.col;
  };
  const level1 = give(first(of('level1')), 'level1');
  const level2 = give(first(of('level2').filter((f) => !taken.has(f.col))), 'level2');
  // 三级: strong labels first, then `指标内容`-like, then `绩效指标` (a weak label left of the 一级
  // column is a block label such as the department form's `绩效指标`)
  const names = of('name').filter(
    (f) => !taken.has(f.col) && (f.match!.strength === 'strong' || f.col > level1),
  );
  const name = give(
    names.find((f) => f.match!.strength === 'strong') ??
      names.find((f) => f.match!.fallback !== undefined) ??
      names[0] ??
      null,
    'name',
  );
  const descriptions = [
    ...of('description'),
    ...names.filter((f) => f.match!.fallback === 'description' && f.col !== name),
  ].filter((f) => !taken.has(f.col));
  const description = give(first(descriptions), 'description');
  const basis = give(first(of('basis').filter((f) => !taken.has(f.col))), 'basis');
  const seq = give(first(of('seq').filter((f) => !taken.has(f.col))), 'seq');
  const unit = give(first(of('unit').filter((f) => !taken.has(f.col))), 'unit');
  const direction = give(first(of('direction').filter((f) => !taken.has(f.col))), 'direction');
  for (const f of of('ignored')) give(f, 'ignored');

  // values, with the second header row when the value header spans its period columns
  const values: Array<{ col: number; period: Period | null; right: number }> = [];
  const subCells: Array<{ col: number; right: number; text: string; period: Period }> = [];
  let twoRows = false;
  const valueHeads = of('value').filter((f) => !taken.has(f.col));
  const below = subHeaderRow(grid, row, minCol, maxCol);
  for (const f of valueHeads) {
    taken.set(f.col, 'value');
    const subs = below
      ? below.filter((s) => s.col >= f.col && s.col <= f.right && s.period !== null)
      : [];
    if (subs.length > 0 && (f.right > f.col || f.match!.period === null)) {
      twoRows = true;
      for (const s of subs) {
        values.push({ col: s.col, period: s.period, right: s.right });
        subCells.push({ col: s.col, right: s.right, text: s.text, period: s.period! });
      }
    } else {
      values.push({ col: f.col, period: f.match!.period, right: f.right });
    }
  }
  values.sort((a, b) => a.col - b.col);
  const resolved = resolvePeriods(values);

  const assigned = found.filter((f) => taken.has(f.col));
  if (assigned.length === 0) return null;
  let left = Infinity;
  let right = -1;
  let headerBottom = row;
  for (const f of assigned) {
    if (f.col < left) left = f.col;
    if (f.right > right) right = f.right;
    if (CORE_ROLES.has(taken.get(f.col)!) && f.bottom > headerBottom) headerBottom = f.bottom;
  }
  if (twoRows) headerBottom = Math.max(headerBottom, row + 1);
  const header: TableHeaderCell[] = [];
  for (const f of found) {
    if (f.col < left || f.col > right) continue;
    const role = taken.get(f.col) ?? null;
    const period = resolved.find((v) => v.col === f.col)?.period;
    header.push({
      cell: { row: f.row, col: f.col },
      right: f.right,
      text: f.text,
      role,
      ...(role === 'value' && period ? { period } : {}),
    });
  }
  for (const s of subCells) {
    header.push({
      cell: { row: row + 1, col: s.col },
      right: s.right,
      text: s.text,
      role: 'value',
      period: s.period,
    });
  }
  const missing: TableColumnRole[] = [];
  if (name < 0) missing.push('name');
  if (resolved.length === 0) missing.push('value');
  return {
    headerRow: row,
    headerRows: twoRows ? [row, row + 1] : [row],
    firstDataRow: headerBottom + 1,
    left,
    right,
    ...(seq >= 0 ? { seq } : {}),
    level1,
    level2,
    name,
    ...(description >= 0 ? { description } : {}),
    values: resolved,
    ...(basis >= 0 ? { basis } : {}),
    ...(unit >= 0 ? { unit } : {}),
    ...(direction >= 0 ? { direction } : {}),
    header,
    missing,
  };
}

/** Adds the labels of the row above whose merge reaches down into `row`, in column order. */
function addLabelsMergedDown(
  grid: Grid,
  row: number,
  minCol: number,
  maxCol: number,
  found: Labelled[],
): void {
  let added = false;
  for (const { col, text } of rowCells(grid, row - 1, maxCol, minCol)) {
    const m = grid.mergeAt(row - 1, col);
    if (!m || m.bottom < row || found.some((f) => f.col >= m.left && f.col <= m.right)) continue;
    const match = columnRole(text);
    if (!match) continue;
    found.push({ row: row - 1, col, right: m.right, bottom: m.bottom, text, match });
    added = true;
  }
  if (added) found.sort((a, b) => a.col - b.col);
}

/**
 * The row under a header when it is a second header row: every cell it holds is a label (a period
 * such as `年度指标值` or `实施周期`, or another column label). Null when it holds anything else.
 */
function subHeaderRow(
  grid: Grid,
  row: number,
  minCol: number,
  maxCol: number,
): Array<{ col: number; right: number; text: string; period: Period | null }> | null {
  const cells = rowCells(grid, row + 1, maxCol, minCol);
  if (cells.length === 0) return null;
  const out: Array<{ col: number; right: number; text: string; period: Period | null }> = [];
  let periods = 0;
  for (const { col, text } of cells) {
    const period = subHeaderPeriod(text);
    if (period === null && columnRole(text) === null) return null;
    if (period !== null) periods++;
    const m = grid.mergeAt(row + 1, col);
    out.push({ col, right: m ? m.right : col, text, period });
  }
  return periods > 0 ? out : null;
}

/** A value column without a period is annual, or the period one when an annual column exists. */
function resolvePeriods(
  values: ReadonlyArray<{ col: number; period: Period | null }>,
): Array<{ col: number; period: Period }> {
  const hasAnnual = values.some((v) => v.period === 'annual');
  let plainSeen = false;
  return values.map((v) => {
    if (v.period !== null) return { col: v.col, period: v.period };
    const period: Period = hasAnnual || plainSeen ? 'period' : 'annual';
    plainSeen = true;
    return { col: v.col, period };
  });
}

export interface ReadIndicatorOptions {
  /** last row that may belong to the table (inclusive) */
  readonly bottom: number;
  /** extra end test, e.g. "this row starts the next form"; called before the row is read */
  readonly stopAt?: (row: number) => boolean;
  /** the form's columns: text in them left of the table ends it; nothing right of maxCol is read */
  readonly minCol?: number;
  readonly maxCol?: number;
  /**
   * rows with only a 一级/二级 name: indicators with no name and value (project form, the default)
   * or `category` rows, returned in `emptyCategories` when nothing is under them (department form)
   */
  readonly levelOnly?: 'indicator' | 'category';
  /** a label of the form (项目名称, 其他需要说明的情况): a row starting with one ends the table */
  readonly isFormLabel?: (text: string) => boolean;
}

export interface IndicatorTable {
  readonly indicators: Indicator[];
  readonly emptyCategories: EmptyCategory[];
  /** the last row that belongs to the table (the header's last row when the table is empty) */
  readonly lastRow: number;
  readonly skipped: TableRowSpan[];
  readonly end: TableRowSpan | null;
  /** rows after the end that hold indicator-like content in two or more table columns */
  readonly unreadRows: number[];
}

const NO_LEVEL: TextField = { text: '', cell: null };

/**
 * Reads the indicator rows under a header found by `matchIndicatorHeader` (see the module comment
 * for where the table ends). A blank 一级 cell continues the name above (its `cell` is the cell that
 * wrote it); a blank 二级 cell does too, unless the row starts a new 一级. A repeated header row (a
 * table continued on the next page) is read past. Cost: the stored cells of the table's rows.
 */
export function readIndicatorTable(
  grid: Grid,
  cols: IndicatorColumns,
  options: ReadIndicatorOptions,
): IndicatorTable {
  const indicators: Indicator[] = [];
  const skipped: TableRowSpan[] = [];
  const minCol = Math.min(options.minCol ?? cols.left, cols.left);
  const maxCol = Math.max(options.maxCol ?? cols.right, cols.right);
  const roleOf = new Map<number, RoleKind>();
  if (cols.level1 >= 0) roleOf.set(cols.level1, 'level');
  if (cols.level2 >= 0) roleOf.set(cols.level2, 'level');
  if (cols.name >= 0) roleOf.set(cols.name, 'name');
  if (cols.description !== undefined) roleOf.set(cols.description, 'description');
  for (const v of cols.values) roleOf.set(v.col, 'value');
  if (cols.basis !== undefined) roleOf.set(cols.basis, 'basis');
  // 计量单位 and 指标方向 are read like 确定依据: beside the value, never an indicator on their own
  if (cols.unit !== undefined) roleOf.set(cols.unit, 'basis');
  if (cols.direction !== undefined) roleOf.set(cols.direction, 'basis');
  const firstRoleCol = Math.min(...roleOf.keys());
  const categories = options.levelOnly === 'category';
  const at = (r: number, col: number): Field => fieldAt(grid, r, col, roleOf);

  const groups: Group[] = [];
  let level1: TextField = NO_LEVEL;
  let level2: TextField = NO_LEVEL;
  let group1: Group | null = null;
  let group2: Group | null = null;
  let lastContent = cols.firstDataRow - 1;
  let lastRow = cols.firstDataRow - 1;
  let end: TableRowSpan | null = null;
  const skip = (top: number, bottom: number, reason: TableRowReason) => {
    const prev = skipped[skipped.length - 1];
    if (prev && prev.reason === reason && prev.bottom === top - 1) {
      skipped[skipped.length - 1] = { ...prev, bottom };
    } else skipped.push({ top, bottom, reason });
  };

  const rows = usedRowsIn(grid, cols.firstDataRow, options.bottom);
  let k = 0;
  for (; k < rows.length; k++) {
    const r = rows[k];
    if (options.stopAt?.(r)) {
      end = { top: r, bottom: r, reason: 'limit' };
      break;
    }
    const first = firstCell(grid, r, minCol, maxCol);
    if (!first) continue;
    if (first.col > cols.right) {
      skip(r, r, 'outside');
      continue;
    }
    const gap = r - lastContent - 1;
    if (gap > MAX_BLANK_RUN) {
      end = { top: lastContent + 1, bottom: r - 1, reason: 'gap' };
      break;
    }
    const reason = endReason(grid, r, first, cols, roleOf, options.isFormLabel);
    if (reason) {
      end = { top: r, bottom: r, reason };
      break;
    }
    const l1 = cols.level1 >= 0 ? at(r, cols.level1) : null;
    const l2 = cols.level2 >= 0 ? at(r, cols.level2) : null;
    const name = cols.name >= 0 ? at(r, cols.name) : null;
    const description = cols.description !== undefined ? at(r, cols.description) : null;
    const basis = cols.basis !== undefined ? at(r, cols.basis) : null;
    const beside: Beside = {
      unit: cols.unit !== undefined ? at(r, cols.unit) : null,
      direction: cols.direction !== undefined ? at(r, cols.direction) : null,
    };
    const values: Field[] = [];
    let valueWide = false;
    let valueOwn = false;
    for (const v of cols.values) {
      const f = at(r, v.col);
      values.push(f);
      if (wide(f)) valueWide = true;
      if (owns(f)) valueOwn = true;
    }
    if (wide(l1) || wide(l2) || wide(name) || wide(description) || wide(basis) || valueWide) {
      end = { top: r, bottom: r, reason: 'section' };
      break;
    }
    if (
      ((l1 && mayBeHeaderText(l1.text)) || (name && mayBeHeaderText(name.text))) &&
      isRepeatedHeader(rowCells(grid, r, cols.right, cols.left))
    ) {
      if (gap > 0) skip(lastContent + 1, r - 1, 'blank');
      skip(r, r, 'repeated-header');
      lastContent = r;
      continue;
    }
    const isIndicator = valueOwn || owns(name) || owns(description) || owns(basis);
    if (!isIndicator && !owns(l1) && !owns(l2)) {
      const inside = rowCells(grid, r, cols.right, cols.left);
      skip(r, r, inside.every((c) => NUMBER.test(c.text)) ? 'number-only' : 'outside');
      continue;
    }
    if (gap > 0) {
      const content = rowCells(grid, r, cols.right, cols.left).filter((c) => roleOf.has(c.col));
      if (!continuesTable(content, firstRoleCol, roleOf)) {
        end = { top: lastContent + 1, bottom: r - 1, reason: 'gap' };
        break;
      }
      skip(lastContent + 1, r - 1, 'blank');
    }
    lastContent = r;
    lastRow = r;

    // 一级: merged → the anchor; written → itself; blank → continues the one above
    const newLevel1 = l1 !== null && l1.own && l1.text !== '';
    if (l1) level1 = levelOf(l1, level1);
    if (l2) {
      if (l2.text !== '') level2 = levelOf(l2, level2);
      else if (!l2.own || newLevel1 || level2.cell === null) level2 = { text: '', cell: l2.cell };
      // else: blank 二级 under the same 一级 continues the one above
    }
    const push = () =>
      indicators.push(
        indicatorOf(
          level1,
          l2 ? level2 : NO_LEVEL,
          name,
          description,
          basis,
          values,
          cols,
          r,
          beside,
        ),
      );
    if (!categories) {
      push();
      continue;
    }
    // department form: categories listed with no indicator under them are kept apart
    if (level1.text !== '' && !sameCell(group1?.level1.cell ?? null, level1.cell)) {
      const noLevel2 = l2 ? { text: '', cell: { row: r, col: cols.level2 } } : NO_LEVEL;
      group1 = { level1, level2: noLevel2, row: r, used: false };
      groups.push(group1);
      group2 = null;
    }
    if (l2 && level2.text !== '' && !sameCell(group2?.level2.cell ?? null, level2.cell)) {
      group2 = { level1, level2, row: r, used: false };
      groups.push(group2);
      if (group1) group1.used = true;
    }
    if (!isIndicator) {
      skip(r, r, 'category');
      continue;
    }
    if (group1) group1.used = true;
    if (group2) group2.used = true;
    push();
  }
  const stop = end as TableRowSpan | null;
  const unreadRows = stop ? unreadAfter(grid, rows, k, minCol, maxCol, roleOf) : [];
  const emptyCategories = groups
    .filter((g) => !g.used)
    .map((g) => ({ level1: g.level1, level2: g.level2, row: g.row }));
  return {
    indicators,
    emptyCategories,
    lastRow: Math.max(lastRow, cols.firstDataRow - 1),
    skipped,
    end: stop,
    unreadRows,
  };
}

type RoleKind = 'level' | 'name' | 'description' | 'value' | 'basis';

/** The 计量单位 and 指标方向 cells of a row, when the table has those columns. */
interface Beside {
  readonly unit: Field | null;
  readonly direction: Field | null;
}

function indicatorOf(
  level1: TextField,
  level2: TextField,
  name: Field | null,
  description: Field | null,
  basis: Field | null,
  fields: ReadonlyArray<Field>,
  cols: IndicatorColumns,
  row: number,
  beside: Beside,
): Indicator {
  const values: IndicatorValueField[] = [];
  for (let i = 0; i < fields.length; i++) {
    values.push({ period: cols.values[i].period, text: fields[i].text, cell: fields[i].cell });
  }
  const nameField = name ? { text: name.text, cell: name.cell } : NO_LEVEL;
  // one object shape per table: the optional columns are there for every row or for none
  let ind: Indicator;
  if (description && basis) {
    const d = textOf(description);
    ind = { level1, level2, name: nameField, description: d, values, basis: textOf(basis), row };
  } else if (description)
    ind = { level1, level2, name: nameField, description: textOf(description), values, row };
  else if (basis) ind = { level1, level2, name: nameField, values, basis: textOf(basis), row };
  else ind = { level1, level2, name: nameField, values, row };
  if (!beside.unit && !beside.direction) return ind;
  return {
    ...ind,
    ...(beside.unit ? { unit: textOf(beside.unit) } : {}),
    ...(beside.direction ? { direction: textOf(beside.direction) } : {}),
  };
}

interface Group {
  level1: TextField;
  level2: TextField;
  row: number;
  used: boolean;
}

/** The cell of a table column in one row, as the table reads it. */
interface Field {
  readonly text: string;
  readonly cell: CellRef;
  /** the row holds the text itself (not a merge from a row above) */
  readonly own: boolean;
  /** merged across three or more kinds of the table's columns: a section or note line */
  readonly wide: boolean;
}

/**
 * The field of a table column in a row: the merge anchor's text, or blank when the cell is merged in
 * from a column of another kind (a 一级 merged over the 二级 column gives no 二级).
 */
function fieldAt(grid: Grid, r: number, col: number, roleOf: ReadonlyMap<number, RoleKind>): Field {
  const m = grid.mergeAt(r, col);
  if (!m)
    return { text: cellText(grid.raw(r, col)), cell: { row: r, col }, own: true, wide: false };
  if (m.left !== col && roleOf.has(m.left) && roleOf.get(m.left) !== roleOf.get(col)) {
    return { text: '', cell: { row: r, col }, own: false, wide: false };
  }
  return {
    text: cellText(grid.raw(m.top, m.left)),
    cell: { row: m.top, col: m.left },
    own: m.top === r,
    wide: m.right > m.left && isSection(m, roleOf),
  };
}

/** A 一级/二级 field as the level it names: the same merged cell as above keeps its reading. */
function levelOf(f: Field, above: TextField): TextField {
  if (f.text !== '') {
    if (sameCell(above.cell, f.cell)) return above;
    return { text: levelName(f.text), cell: f.cell };
  }
  if (!f.own || above.cell === null) return { text: '', cell: f.cell };
  return above; // blank below a name written once
}

function textOf(f: Field): TextField {
  return { text: f.text, cell: f.cell };
}

function owns(f: Field | null): boolean {
  return f !== null && f.own && f.text !== '';
}

function wide(f: Field | null): boolean {
  return f !== null && f.own && f.wide;
}

/** Why the table ends at a row that starts with `first`, or null when it may go on. */
function endReason(
  grid: Grid,
  r: number,
  first: RowCell,
  cols: IndicatorColumns,
  roleOf: ReadonlyMap<number, RoleKind>,
  isFormLabel: ((text: string) => boolean) | undefined,
): TableRowReason | null {
  if (isNoteText(first.text)) return 'note';
  if (titleKind(first.text) !== null) return 'title';
  if (isFormLabel && isFormLabel(first.text)) return 'label';
  if (first.col >= cols.left) return null;
  // text left of the table: a number (an unlabelled 序号) is read past, a merge reaching across
  // the table is a section line, anything else ends the table
  const m = grid.mergeAt(r, first.col);
  if (m && m.right >= cols.left) return isSection(m, roleOf) ? 'section' : null;
  for (const c of rowCells(grid, r, cols.left - 1, first.col)) {
    if (!NUMBER.test(c.text)) return 'left';
  }
  return null;
}

const NUMBER = /^[0-9０-９]+[.、．]?$/;

/**
 * A cheap test before labels are matched: every header has a 一级/二级/三级 label or a strong 三级
 * label (`指标名称`, `具体指标`); indicator rows rarely mention 级.
 */
export function mayBeHeader(cells: ReadonlyArray<RowCell>): boolean {
  for (const c of cells) if (mayBeHeaderText(c.text)) return true;
  return false;
}

function mayBeHeaderText(t: string): boolean {
  const n = t.length;
  if (n > HEADER_HINT_LENGTH || n === 0) return false;
  // one character compared at a time: a multi-character search costs a set-up on every call
  for (let i = 0; i < n; i++) if (t.charCodeAt(i) === LEVEL_CHAR) return true;
  return t.startsWith('指标名称') || t.startsWith('具体指标');
}

const LEVEL_CHAR = '级'.charCodeAt(0);

/** `MAX_HEADER_LENGTH`, kept here: this test runs on every table row. */
const HEADER_HINT_LENGTH = 40;

/** The header again: two or more cells labelled 一级 / 二级 / 三级 / 指标值. */
function isRepeatedHeader(cells: ReadonlyArray<RowCell>): boolean {
  if (!mayBeHeader(cells)) return false;
  let n = 0;
  for (const c of cells) {
    if (c.text.length > 20) continue;
    const m = columnRole(c.text);
    if (m && CORE_ROLES.has(m.role) && m.strength === 'strong' && ++n >= 2) return true;
  }
  return false;
}

/**
 * A cell merged across three or more kinds of the table's columns (a note or section line typed
 * over the table's width). A 三级 merged over its 描述, or a 一级 over the 二级, is no section.
 */
function isSection(m: Range, roleOf: ReadonlyMap<number, RoleKind>): boolean {
  const kinds = new Set<string>();
  for (const [c, role] of roleOf) if (c >= m.left && c <= m.right) kinds.add(role);
  return kinds.size >= 3;
}

/**
 * After empty rows, whether a row carries the table on: anything but one lone text in the table's
 * first column that is no 一级/二级 name (a free line typed under the table).
 */
function continuesTable(
  content: ReadonlyArray<RowCell>,
  firstRoleCol: number,
  roleOf: ReadonlyMap<number, string>,
): boolean {
  if (content.length !== 1) return true;
  const c = content[0];
  if (c.col !== firstRoleCol && roleOf.has(c.col)) return true;
  if (roleOf.get(c.col) === 'level') return isLevelName(c.text);
  return false;
}

function isLevelName(text: string): boolean {
  const name = levelName(text);
  return matchLevel1(name).status !== 'unknown' || matchLevel2(name).status !== 'unknown';
}

/** Rows after the table's end with text in two or more of its role columns. */
function unreadAfter(
  grid: Grid,
  rows: ReadonlyArray<number>,
  from: number,
  minCol: number,
  maxCol: number,
  roleOf: ReadonlyMap<number, string>,
): number[] {
  const out: number[] = [];
  for (let k = from; k < rows.length && out.length < 1000; k++) {
    const r = rows[k];
    let n = 0;
    for (const c of rowCells(grid, r, maxCol, minCol)) if (roleOf.has(c.col)) n++;
    if (n >= 2) out.push(r);
  }
  return out;
}

/**
 * The status of a table read (see `TableStatus`): `read` with indicators, `incomplete` when the
 * header lacks a needed column, `unread` when nothing was read but rows below look like indicator
 * rows, `empty` otherwise.
 */
export function tableStatus(
  cols: IndicatorColumns | null,
  table: IndicatorTable | null,
): TableStatus {
  if (!cols) return 'no-header';
  if (cols.missing.length > 0) return 'incomplete';
  if (!table) return 'empty';
  if (table.indicators.length > 0) return 'read';
  return table.unreadRows.length > 0 ? 'unread' : 'empty';
}

/** The reading trace of a form's table for the model (`Form.table`). */
export function tableReading(
  cols: IndicatorColumns | null,
  table: IndicatorTable | null,
  expectedAt: CellRef,
): TableReading {
  return {
    status: tableStatus(cols, table),
    cell: cols ? { row: cols.headerRow, col: cols.left } : expectedAt,
    headerRows: cols ? cols.headerRows : [],
    header: cols ? cols.header : [],
    missing: cols ? cols.missing : [],
    skipped: table ? table.skipped : [],
    end: table ? table.end : null,
    unreadRows: table ? table.unreadRows : [],
  };
}

function sameCell(a: CellRef | null, b: CellRef | null): boolean {
  return a !== null && b !== null && a.row === b.row && a.col === b.col;
}
