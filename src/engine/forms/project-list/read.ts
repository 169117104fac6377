import type { Range } from '../../grid/address';
import { cellText } from '../../grid/cell';
import type { Grid } from '../../grid/grid';
import type {
  AmountField,
  FundingRow,
  Indicator,
  ListProject,
  ListUnit,
  ProjectList,
  TextField,
} from '../../model/forms';
import { differs, parseAmount, sum } from '../../money/amount';
import { firstCell } from '../common/cells';
import type { RowWindow } from '../reader';
import { findHeaders, type ListHeader } from './header';
import { packedIndicators, rowIndicators } from './indicators';
import {
  endsList,
  isSubtotalName,
  isTotalName,
  looksLikeProjectName,
  looksLikeUnitName,
  stripTags,
} from './labels';
import { readPreamble } from './preamble';

/** Blank rows tolerated inside a list; more end it. */
const MAX_BLANK_RUN = 5;

const NO_TEXT: TextField = { text: '', cell: null };
const EMPTY = parseAmount(null);
const NO_AMOUNT: AmountField = { text: '', cell: null, amount: EMPTY };

/**
 * Finds and reads every project list (docs/domain.md §1.2) on a sheet: a header row with 项目名称 and
 * 总计 and 绩效指标 (or 一级/二级/三级指标 and 指标值 columns), anywhere on the sheet, several per
 * sheet. One pass over the rows of each list.
 */
export function readProjectLists(grid: Grid, window?: RowWindow): ProjectList[] {
  const top = window ? Math.max(0, window.top) : 0;
  const bottom = window ? Math.min(window.bottom, grid.rowCount - 1) : grid.rowCount - 1;
  if (bottom < top) return [];
  const headers = findHeaders(grid, top, bottom);
  const lists: ProjectList[] = [];
  headers.forEach((h, i) => {
    let limit = bottom;
    for (let j = i + 1; j < headers.length; j++) {
      if (columnsOverlap(h, headers[j])) {
        limit = Math.min(limit, headers[j].row - 1);
        break;
      }
    }
    let floor = top;
    for (const l of lists) {
      if (l.range.left <= h.right && h.left <= l.range.right && l.range.bottom < h.row) {
        floor = Math.max(floor, l.range.bottom + 1);
      }
    }
    lists.push(readList(grid, h, floor, limit));
  });
  return lists;
}

function columnsOverlap(a: ListHeader, b: ListHeader): boolean {
  return a.left <= b.right && b.left <= a.right;
}

/** A row of the list before roles are settled. */
interface Record {
  readonly row: number;
  readonly kind: 'total' | 'funding';
  /** no 绩效目标 and no indicators on the row: a unit, or a project missing both */
  readonly bare: boolean;
  /** rows under it that carry only its indicators (or target) */
  readonly more: number[];
  role?: 'unit' | 'project';
}

function readList(grid: Grid, h: ListHeader, floor: number, limit: number): ProjectList {
  const cols = h.columns;
  const pre = readPreamble(grid, h.row, h.left, h.right, floor);
  const moneyCols = [cols.total, cols.fiscal, cols.special, cols.other].filter(
    (c): c is number => c !== undefined,
  );
  const contentCols = [
    cols.target,
    cols.indicators,
    cols.level1,
    cols.level2,
    cols.level3,
    cols.description,
    cols.basis,
    ...cols.values.map((v) => v.col),
  ].filter((c): c is number => c !== undefined);

  /** The text a row itself holds in a column: '' where a merge from a row above covers it. */
  const own = (r: number, c: number): string => {
    const m = grid.mergeAt(r, c);
    if (!m) return cellText(grid.raw(r, c));
    return m.top === r ? cellText(grid.raw(m.top, m.left)) : '';
  };

  const records: Record[] = [];
  let lastRow = h.bottom;
  let blankRun = 0;
  let hasTotal = false;
  for (let r = h.bottom + 1; r <= limit; r++) {
    // text left or right of the list's columns belongs to something else (a note, a list beside)
    const first = firstCell(grid, r, h.left, h.right);
    if (first === null) {
      if (++blankRun > MAX_BLANK_RUN) break;
      continue;
    }
    blankRun = 0;
    if (endsList(stripTags(first.text))) break;
    const name = stripTags(own(r, cols.name));
    if (name !== '' && isTotalName(name)) {
      // a second 合计 (repeated at the bottom) is read past
      if (!hasTotal) records.push({ row: r, kind: 'total', bare: true, more: [] });
      hasTotal = true;
      lastRow = r;
      continue;
    }
    if (name !== '' && isSubtotalName(name)) {
      lastRow = r;
      continue;
    }
    let hasAmounts = false;
    for (const c of moneyCols) if (own(r, c) !== '') hasAmounts = true;
    let hasContent = false;
    for (const c of contentCols) if (own(r, c) !== '') hasContent = true;
    if (name !== '' || hasAmounts) {
      records.push({ row: r, kind: 'funding', bare: !hasContent, more: [] });
      lastRow = r;
    } else if (hasContent) {
      const current = records[records.length - 1];
      if (current && current.kind === 'funding') current.more.push(r);
      else records.push({ row: r, kind: 'funding', bare: false, more: [] });
      lastRow = r;
    }
  }

  const amount = (r: number, c: number | undefined): AmountField => {
    if (c === undefined) return NO_AMOUNT;
    const cell = grid.anchor(r, c);
    const v = grid.raw(cell.row, cell.col);
    return { text: cellText(v), cell, amount: v === null ? EMPTY : parseAmount(v) };
  };
  const text = (r: number, c: number | undefined): TextField => {
    if (c === undefined) return NO_TEXT;
    const cell = grid.anchor(r, c);
    return { text: cellText(grid.raw(cell.row, cell.col)), cell };
  };
  const fundingRow = <R extends FundingRow['role']>(
    role: R,
    r: number,
  ): FundingRow & { role: R } => {
    const cell = grid.anchor(r, cols.name);
    return {
      role,
      name: { text: stripTags(cellText(grid.raw(cell.row, cell.col))), cell },
      row: r,
      total: amount(r, cols.total),
      fiscal: amount(r, cols.fiscal),
      special: amount(r, cols.special),
      other: amount(r, cols.other),
    };
  };

  const rows = records.map((rec) =>
    fundingRow(rec.kind === 'total' ? 'total' : 'project', rec.row),
  );
  classify(records, rows);

  let total: FundingRow | null = null;
  const units: Array<{ row: FundingRow | null; projects: ListProject[] }> = [];
  const indicators: Indicator[] = [];
  records.forEach((rec, k) => {
    const base = rows[k];
    if (rec.kind === 'total') {
      total = base;
      return;
    }
    if (rec.role === 'unit') {
      units.push({ row: { ...base, role: 'unit' }, projects: [] });
      return;
    }
    const projectRows = rec.more.length ? [rec.row, ...rec.more] : [rec.row];
    let indicatorCell = text(rec.row, cols.indicators);
    const list: Indicator[] = [];
    if (cols.indicators !== undefined) {
      for (const r of projectRows) {
        const t = own(r, cols.indicators);
        if (t === '') continue;
        const cell = grid.anchor(r, cols.indicators);
        if (indicatorCell.text === '') indicatorCell = { text: t, cell };
        for (const ind of packedIndicators(t, cell, r)) list.push(ind);
      }
    }
    if (h.perRow) for (const ind of rowIndicators(grid, cols, projectRows)) list.push(ind);
    let target = text(rec.row, cols.target);
    if (target.text === '' && cols.target !== undefined) {
      const targetCol = cols.target;
      const r = rec.more.find((x) => own(x, targetCol) !== '');
      if (r !== undefined) target = text(r, targetCol);
    }
    const project: ListProject = Object.assign(base as FundingRow & { role: 'project' }, {
      target,
      indicatorCell,
      indicators: list,
    });
    for (const ind of list) indicators.push(ind);
    if (units.length === 0) units.push({ row: null, projects: [] });
    units[units.length - 1].projects.push(project);
  });

  const range: Range = {
    top: pre.top,
    left: Math.min(pre.left, h.left),
    bottom: lastRow,
    right: Math.max(pre.right, h.right),
  };
  const listUnits: ListUnit[] = units.map((u) =>
    u.row
      ? { ...u.row, role: 'unit', projects: u.projects }
      : {
          role: 'unit',
          name: NO_TEXT,
          row: -1,
          total: NO_AMOUNT,
          fiscal: NO_AMOUNT,
          special: NO_AMOUNT,
          other: NO_AMOUNT,
          projects: u.projects,
        },
  );
  return {
    kind: 'project-list',
    sheet: grid.name,
    range,
    title: pre.title?.text ?? '',
    titleCell: pre.title?.cell ?? null,
    unit: pre.unit ?? h.unit ?? '万元',
    indicators,
    ...(pre.department ? { department: pre.department } : {}),
    total,
    units: listUnits,
  };
}

/**
 * Settles the rows with amounts but no 绩效目标 and no indicators: a 资金使用单位 row when its 总计
 * is the sum of the projects under it, or when it is the first row after 合计 (or a unit's name)
 * and not a project's name (`…经费`, `…项目`); otherwise a project that lacks both.
 */
function classify(records: Record[], rows: ReadonlyArray<FundingRow>): void {
  const funding: number[] = [];
  records.forEach((rec, k) => {
    if (rec.kind === 'funding') funding.push(k);
  });
  funding.forEach((k, i) => {
    const rec = records[k];
    if (!rec.bare || rec.more.length > 0) {
      rec.role = 'project';
      return;
    }
    const own = rows[k].total.amount;
    let sumMatches = false;
    if (own.ok) {
      const parts = [];
      let decimals = own.decimals;
      for (let j = i + 1; j < funding.length && !records[funding[j]].bare; j++) {
        const t = rows[funding[j]].total.amount;
        if (!t.ok) break;
        parts.push(t.value);
        decimals = Math.max(decimals, t.decimals);
      }
      sumMatches = parts.length > 0 && !differs(own.value, sum(parts), decimals);
    }
    const name = rows[k].name.text;
    const unitLike = (i === 0 || looksLikeUnitName(name)) && !looksLikeProjectName(name);
    rec.role = sumMatches || unitLike ? 'unit' : 'project';
  });
}
