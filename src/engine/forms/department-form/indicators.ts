import type { CellRef } from '../../grid/address';
import type { Grid } from '../../grid/grid';
import type {
  EmptyCategory,
  Indicator,
  IndicatorValueField,
  Period,
  TextField,
} from '../../model/forms';
import { areaOf, type Band } from './cells';
import { INDICATOR_HEADERS, levelName, normText } from './labels';

interface IndicatorColumns {
  /** the first data row */
  readonly dataTop: number;
  readonly level1: number;
  readonly level2: number;
  readonly name?: number;
  readonly description?: number;
  readonly basis?: number;
  readonly values: ReadonlyArray<{ readonly col: number; readonly period: Period }>;
}

export interface IndicatorTable {
  readonly headerRow: number;
  readonly indicators: Indicator[];
  readonly emptyCategories: EmptyCategory[];
  /** the last row read as part of the table */
  readonly bottom: number;
}

const periodOf = (t: string): Period =>
  INDICATOR_HEADERS.periodValue.test(t) ? 'period' : 'annual';

/** The `一级指标 | 二级指标 | 三级指标 | 指标值` header in the rows given (a two-row value header too). */
function findHeader(grid: Grid, band: Band, top: number, bottom: number): IndicatorColumns | null {
  for (let r = top; r <= bottom; r++) {
    let level1: number | undefined;
    let level2: number | undefined;
    let name: number | undefined;
    let description: number | undefined;
    let basis: number | undefined;
    const values: Array<{ col: number; period: Period }> = [];
    let dataTop = r + 1;
    for (let c = band.left; c <= band.right;) {
      const area = areaOf(grid, r, c);
      const t = area.top === r && area.left === c ? normText(grid.text(r, c)) : '';
      if (t === '') {
        c = area.right + 1;
        continue;
      }
      const known = (Object.keys(INDICATOR_HEADERS) as Array<keyof typeof INDICATOR_HEADERS>).some(
        (k) => k !== 'periodValue' && INDICATOR_HEADERS[k].test(t),
      );
      if (known) dataTop = Math.max(dataTop, area.bottom + 1);
      if (INDICATOR_HEADERS.level1.test(t)) level1 ??= c;
      else if (INDICATOR_HEADERS.level2.test(t)) level2 ??= c;
      else if (INDICATOR_HEADERS.name.test(t)) name ??= c;
      else if (INDICATOR_HEADERS.basis.test(t)) basis ??= c;
      else if (INDICATOR_HEADERS.value.test(t)) {
        const sub = subHeaders(grid, area.bottom + 1, area.left, area.right);
        if (sub.length > 1 && area.bottom + 1 <= bottom) {
          values.push(...sub);
          dataTop = Math.max(dataTop, area.bottom + 2);
        } else {
          values.push({ col: c, period: periodOf(t) });
        }
      } else if (INDICATOR_HEADERS.description.test(t)) description ??= c;
      c = area.right + 1;
    }
    if (level1 !== undefined && level2 !== undefined) {
      return { dataTop, level1, level2, name, description, basis, values };
    }
  }
  return null;
}

/** `年度指标值 | 实施周期指标值` written in the row under a merged `指标值` header. */
function subHeaders(grid: Grid, row: number, left: number, right: number) {
  const out: Array<{ col: number; period: Period }> = [];
  for (let c = left; c <= right;) {
    const area = areaOf(grid, row, c);
    const t = normText(grid.text(row, c));
    if (area.top === row && /年度|实施周期|实施期|周期/.test(t)) {
      out.push({ col: area.left, period: periodOf(t) });
    }
    c = area.right + 1;
  }
  return out;
}

const blank = (row: number, col: number): TextField => ({ text: '', cell: { row, col } });

const sameCell = (a: CellRef | null, b: CellRef | null) =>
  !!a && !!b && a.row === b.row && a.col === b.col;

/**
 * Reads the indicator rows under the header down to `bottom`. 一级/二级 cells that are blank or merged
 * continue the one above; a level written with an explanation after a colon gives its name only
 * (`产出指标：统一行使…` → `产出指标`; the cell keeps the full text). A row is an indicator when it
 * has a 三级指标 name, a value or a description of its own. A 二级 (or a lone 一级) with no
 * indicator under it is a skeleton category, returned in `emptyCategories` rather than as an
 * indicator with a missing value.
 */
export function readIndicators(
  grid: Grid,
  band: Band,
  top: number,
  bottom: number,
): IndicatorTable | null {
  const cols = findHeader(grid, band, top, bottom);
  if (!cols) return null;
  const headerRow = cols.dataTop - 1;
  const indicators: Indicator[] = [];
  interface Group {
    level1: TextField;
    level2: TextField;
    row: number;
    used: boolean;
  }
  const groups1: Group[] = [];
  const groups2: Group[] = [];
  let cur1: Group | null = null;
  let cur2: Group | null = null;
  let last = headerRow;
  const tableLeft = cols.level1;

  /** The cell of a table column in a row: blank when it is merged in from a column on its left. */
  const cellAt = (row: number, col: number) => {
    const a = grid.anchor(row, col);
    const fromLeft = a.col < col && a.col >= tableLeft;
    return {
      cell: a,
      text: fromLeft ? '' : grid.text(a.row, a.col),
      own: !fromLeft && a.row === row,
    };
  };

  for (let r = cols.dataTop; r <= bottom; r++) {
    const a1 = grid.anchor(r, cols.level1);
    if (a1.col < cols.level1 && a1.row === r && grid.text(r, cols.level1) !== '') break;
    const l1 = cellAt(r, cols.level1);
    if (INDICATOR_HEADERS.level1.test(normText(l1.text)) && l1.own) continue; // header repeated
    const l2 = cellAt(r, cols.level2);
    const name = cols.name !== undefined ? cellAt(r, cols.name) : null;
    const description = cols.description !== undefined ? cellAt(r, cols.description) : null;
    const basis = cols.basis !== undefined ? cellAt(r, cols.basis) : null;
    const values = cols.values.map((v) => ({ ...cellAt(r, v.col), period: v.period }));

    if (l1.text !== '' && !sameCell(cur1?.level1.cell ?? null, l1.cell)) {
      cur1 = {
        level1: { text: levelName(l1.text), cell: l1.cell },
        level2: blank(r, cols.level2),
        row: r,
        used: false,
      };
      groups1.push(cur1);
      cur2 = null;
    }
    if (l2.text !== '' && !sameCell(cur2?.level2.cell ?? null, l2.cell)) {
      const level1 = cur1?.level1 ?? blank(r, cols.level1);
      cur2 = { level1, level2: { text: levelName(l2.text), cell: l2.cell }, row: r, used: false };
      groups2.push(cur2);
      if (cur1) cur1.used = true;
    }
    const ownContent = (c: { text: string; own: boolean } | null) => !!c && c.own && c.text !== '';
    const isIndicator =
      ownContent(name) || ownContent(description) || values.some((v) => ownContent(v));
    if (l1.text !== '' || l2.text !== '' || isIndicator) last = Math.max(last, r);
    if (!isIndicator) continue;

    if (cur1) cur1.used = true;
    if (cur2) cur2.used = true;
    const indicator: Indicator = {
      level1: cur1?.level1 ?? blank(r, cols.level1),
      level2: cur2?.level2 ?? blank(r, cols.level2),
      name: name ? { text: name.text, cell: name.cell } : blank(r, cols.level2 + 1),
      values: values.map((v): IndicatorValueField => ({
        period: v.period,
        text: v.text,
        cell: v.cell,
      })),
      row: r,
      ...(description ? { description: { text: description.text, cell: description.cell } } : {}),
      ...(basis ? { basis: { text: basis.text, cell: basis.cell } } : {}),
    };
    indicators.push(indicator);
  }

  const emptyCategories: EmptyCategory[] = [...groups1, ...groups2]
    .filter((g) => !g.used)
    .sort((a, b) => a.row - b.row)
    .map((g) => ({ level1: g.level1, level2: g.level2, row: g.row }));
  return { headerRow, indicators, emptyCategories, bottom: last };
}
