import type { Grid } from '../../grid/grid';
import { rowCells, usedRowsIn, type RowCell } from '../common/cells';
import { columnRole } from '../common/columns';
import { isIndicatorHeader, mayBeHeader } from '../common/indicators';
import {
  MAX_LABEL_LENGTH,
  normalizeLabel,
  splitInlineLabel,
  titleKind,
  unitFromText,
} from '../common/labels';
import { HEADER_LABELS, LIST_HEADER_MARKS } from './labels';

/** Only the first few texts of a row are looked at for header-block labels. */
const FIRST_TEXTS = 6;

/**
 * First characters of every label that matters when finding forms (项目名称, 项目编码, list and
 * department marks, 单位：/金额单位：, 其中：, `*` marks). Any other text is skipped without
 * normalising it: most cells of a sheet are indicator values and names.
 */
const START_CHARS = new Set(Array.from('项部预年财下总绩单金（(*＊★其'));

/** Columns a form may use: the whole sheet, or one of several forms standing side by side. */
export interface Band {
  readonly left: number;
  readonly right: number;
}

export const WHOLE_SHEET: Band = { left: 0, right: Infinity };

/** Where one project form lies on the sheet, before its cells are read. */
export interface Segment {
  /** first row of the form (title row, or the unit row / first label row of a form without title) */
  readonly top: number;
  /** last row the form may use (the row before the next form starts, or the end of the scan) */
  readonly bottom: number;
  readonly titleRow: number;
  readonly titleCol: number;
  /** the indicator table's header row, -1 when the form has none */
  readonly tableRow: number;
  /** the columns the form may use */
  readonly band: Band;
}

interface Open {
  top: number;
  titleRow: number;
  titleCol: number;
  tableRow: number;
  hasName: boolean;
  hasCode: boolean;
  departmentOnly: boolean;
  lastNonBlank: number;
}

type RowKind =
  'blank' | 'title' | 'other-title' | 'start-label' | 'list-header' | 'table' | 'other';

interface RowInfo {
  kind: RowKind;
  col: number;
  hasName: boolean;
  hasCode: boolean;
  departmentOnly: boolean;
  unit: boolean;
  /**
   * columns where a second form starts beside the first in this row: a second project-form title,
   * 项目名称 label or indicator header
   */
  beside: number[];
}

/**
 * Where the project forms of rows `top`..`bottom` are: one pass down the rows finds forms stacked
 * on the sheet (a form starts at a project-form title `…绩效目标表` / `…绩效目标申报表` or, without a
 * title, at a 项目名称 / 项目编码 label once the form before it is complete; department-form and
 * project-list titles and list headers close the current form). A form with a second title,
 * 项目名称 label or indicator header beside the first in one row holds forms side by side: its
 * columns are split (at the empty column between them when there is one) and each part is read
 * on its own.
 */
export function findSegments(grid: Grid, top: number, bottom: number): Segment[] {
  const out: Segment[] = [];
  for (const seg of findStacked(grid, top, bottom, WHOLE_SHEET)) {
    if (seg.beside.length === 0) {
      out.push(seg.segment);
      continue;
    }
    for (const band of splitBands(grid, seg.segment, seg.beside)) {
      for (const part of findStacked(grid, seg.segment.top, seg.segment.bottom, band)) {
        out.push(part.segment);
      }
    }
  }
  return out.sort((a, b) => a.top - b.top || a.band.left - b.band.left);
}

function findStacked(
  grid: Grid,
  top: number,
  bottom: number,
  band: Band,
): Array<{ segment: Segment; beside: number[] }> {
  const out: Array<{ segment: Segment; beside: number[] }> = [];
  let cur: Open | null = null;
  let beside: number[] = [];
  let prevUnitRow = -1;
  let lastClosedEnd = top - 1;

  const close = (endBefore: number) => {
    if (cur && !(cur.departmentOnly && !cur.hasName && !cur.hasCode)) {
      if (cur.hasName || cur.hasCode || cur.tableRow >= 0) {
        const end = Math.max(cur.top, Math.min(cur.lastNonBlank, endBefore));
        out.push({
          segment: {
            top: cur.top,
            bottom: end,
            titleRow: cur.titleRow,
            titleCol: cur.titleCol,
            tableRow: cur.tableRow,
            band,
          },
          beside,
        });
        lastClosedEnd = end;
      }
    }
    cur = null;
    beside = [];
  };
  const open = (row: number, titleRow: number, titleCol: number): Open => ({
    top: row,
    titleRow,
    titleCol,
    tableRow: -1,
    hasName: false,
    hasCode: false,
    departmentOnly: false,
    lastNonBlank: row,
  });

  for (const r of usedRowsIn(grid, top, bottom)) {
    const wantTable = cur !== null && (cur as Open).tableRow < 0;
    const info = classifyRow(grid, r, band, wantTable);
    if (info.kind === 'blank') continue;
    const c = cur as Open | null;
    if (info.kind === 'title') {
      close(r - 1);
      cur = open(r, r, info.col);
    } else if (info.kind === 'other-title' || info.kind === 'list-header') {
      close(r - 1);
    } else if (info.kind === 'start-label') {
      const unitAbove = prevUnitRow === r - 1 && prevUnitRow > lastClosedEnd;
      if (c === null) {
        cur = open(unitAbove ? prevUnitRow : r, -1, -1);
      } else if (c.tableRow >= 0 || (info.hasName && c.hasName) || (info.hasCode && c.hasCode)) {
        const start = unitAbove && prevUnitRow > c.top ? prevUnitRow : r;
        close(start - 1);
        cur = open(start, -1, -1);
      }
      const o = cur as Open | null;
      if (o) {
        o.hasName ||= info.hasName;
        o.hasCode ||= info.hasCode;
      }
    } else if (info.kind === 'table') {
      if (c && c.tableRow < 0) c.tableRow = r;
    }
    const o = cur as Open | null;
    if (o) {
      o.lastNonBlank = r;
      if (info.departmentOnly) o.departmentOnly = true;
      if (band === WHOLE_SHEET) for (const col of info.beside) beside.push(col);
    }
    if (info.unit) prevUnitRow = r;
  }
  close(bottom);
  return out;
}

/** `wantTable`: the current form has no indicator header yet (else header rows are not looked for). */
function classifyRow(grid: Grid, r: number, band: Band, wantTable: boolean): RowInfo {
  const info: RowInfo = {
    kind: 'blank',
    col: -1,
    hasName: false,
    hasCode: false,
    departmentOnly: false,
    unit: false,
    beside: NONE,
  };
  const cells = rowCells(grid, r, band.right, band.left);
  if (cells.length === 0) return info;
  info.col = cells[0].col;
  info.kind = 'other';
  const kind = titleKind(cells[0].text);
  if (kind !== null) {
    info.kind = kind === 'project-form' ? 'title' : 'other-title';
    for (let i = 1; i < cells.length; i++) {
      if (titleKind(cells[i].text) === 'project-form' && !covers(grid, r, cells[0], cells[i].col))
        info.beside = [...info.beside, cells[i].col];
    }
    return info;
  }
  let nameLike = false;
  let listMark = false;
  let nameCols = 0;
  for (let i = 0; i < cells.length && i < FIRST_TEXTS * 2; i++) {
    const text = cells[i].text;
    if (text.length > MAX_LABEL_LENGTH || !START_CHARS.has(text[0])) continue;
    const norm = normalizeLabel(text);
    let key = HEADER_LABELS.matchNorm(norm);
    if (key === null) {
      const inline = splitInlineLabel(text);
      if (inline) key = HEADER_LABELS.match(inline.label);
    }
    if (key === 'name') {
      info.hasName = true;
      // a second 项目名称 in the row: a second form beside the first
      if (++nameCols >= 2) info.beside = [...info.beside, cells[i].col];
    } else if (key === 'code') info.hasCode = true;
    else if (key === 'departmentOnly') info.departmentOnly = true;
    else if (norm.startsWith('项目名称')) nameLike = true;
    if (LIST_HEADER_MARKS.matchNorm(norm) !== null) listMark = true;
    if (key === null && unitFromText(text) !== null) info.unit = true;
  }
  if ((info.hasName || nameLike) && listMark) info.kind = 'list-header';
  else if (wantTable && mayBeHeader(cells)) {
    const matches = cells.map((c) => columnRole(c.text));
    if (isIndicatorHeader(matches)) {
      info.kind = 'table';
      // a second 一级指标 after a 三级 column: a second table beside the first
      let name = false;
      let level1 = false;
      matches.forEach((m, i) => {
        if (m?.role === 'level1' && m.strength === 'strong') {
          if (level1 && name) {
            info.beside = [...info.beside, cells[i].col];
            name = false;
          }
          level1 = true;
        } else if (m?.role === 'name') name = true;
      });
    }
  }
  if (info.kind === 'other' && (info.hasName || info.hasCode)) info.kind = 'start-label';
  return info;
}

const NONE: number[] = [];

/** Whether the merge of `cell` reaches column `col`. */
function covers(grid: Grid, r: number, cell: RowCell, col: number): boolean {
  const m = grid.mergeAt(r, cell.col);
  return !!m && m.right >= col;
}

/**
 * The column bands of a segment holding forms side by side: one band per form, split at the empty
 * column left of each second form's start when there is one, else at the start itself.
 */
function splitBands(grid: Grid, seg: Segment, beside: ReadonlyArray<number>): Band[] {
  const starts = [...new Set(beside)].sort((a, b) => a - b);
  // columns that hold something in the segment's rows (merges included)
  const used = new Set<number>();
  for (const r of usedRowsIn(grid, seg.top, seg.bottom)) {
    for (const c of grid.storedCols(r)) used.add(c);
  }
  for (const m of grid.allMerges()) {
    if (m.bottom < seg.top || m.top > seg.bottom) continue;
    for (let c = m.left; c <= m.right && c - m.left < 64; c++) used.add(c);
  }
  const bands: Band[] = [];
  let left = seg.band.left;
  for (const s of starts) {
    let split = s;
    for (let c = s - 1; c > left && c >= s - 64; c--) {
      if (!used.has(c)) {
        split = c + 1;
        break;
      }
    }
    if (split <= left) continue;
    bands.push({ left, right: split - 1 });
    left = split;
  }
  bands.push({ left, right: seg.band.right });
  return bands;
}
