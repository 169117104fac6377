import { cellText } from '../../grid/cell';
import type { Grid } from '../../grid/grid';
import {
  MAX_LABEL_LENGTH,
  normalizeLabel,
  splitInlineLabel,
  titleKind,
  unitFromText,
} from '../common/labels';
import { indicatorHeaderRole } from '../common/indicators';
import { HEADER_LABELS, LIST_HEADER_MARKS } from './labels';

/** How far to the right labels and titles are looked for. */
export const MAX_COL = 40;
/** Only the first few texts of a row are looked at when finding where forms start. */
const FIRST_TEXTS = 6;

/**
 * First characters of every label that matters when finding forms (项目名称, 项目编码, list and
 * department marks, 一级指标 / 三级指标 / 指标名称, 单位：/金额单位：, 其中：, `*` marks). Any other text
 * is skipped without normalising it: most cells of a sheet are indicator values and names.
 */
const START_CHARS = new Set(Array.from('项部预年财下总绩一三指单金（(*＊★其'));

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
}

/**
 * One pass down the rows `top`..`bottom`: a project form starts at a project-form title
 * (`…绩效目标表`, `…绩效目标申报表`) or, without a title, at a 项目名称 / 项目编码 label once the form
 * before it is complete. Department-form and project-list titles, and list headers
 * (`项目名称（资金使用单位）| 总计 | …`), close the current form and are skipped until the next start.
 */
export function findSegments(grid: Grid, top: number, bottom: number): Segment[] {
  const out: Segment[] = [];
  let cur: Open | null = null;
  let prevUnitRow = -1;
  let lastClosedEnd = top - 1;

  const close = (endBefore: number) => {
    if (cur && !(cur.departmentOnly && !cur.hasName && !cur.hasCode)) {
      if (cur.hasName || cur.hasCode || cur.tableRow >= 0) {
        const end = Math.max(cur.top, Math.min(cur.lastNonBlank, endBefore));
        out.push({
          top: cur.top,
          bottom: end,
          titleRow: cur.titleRow,
          titleCol: cur.titleCol,
          tableRow: cur.tableRow,
        });
        lastClosedEnd = end;
      }
    }
    cur = null;
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

  for (let r = top; r <= bottom; r++) {
    const info = classifyRow(grid, r);
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
    }
    if (info.unit) prevUnitRow = r;
  }
  close(bottom);
  return out;
}

function classifyRow(grid: Grid, r: number): RowInfo {
  const info: RowInfo = {
    kind: 'blank',
    col: -1,
    hasName: false,
    hasCode: false,
    departmentOnly: false,
    unit: false,
  };
  const width = Math.min(grid.rowWidth(r), MAX_COL + 1);
  let seen = 0;
  let level1 = false;
  let level3 = false;
  let nameLike = false;
  let listMark = false;
  for (let c = 0; c < width && seen < FIRST_TEXTS; c++) {
    const v = grid.raw(r, c);
    if (v === null) continue;
    const m = grid.mergeAt(r, c);
    if (m && (m.top !== r || m.left !== c)) continue;
    const text = cellText(v);
    if (text === '') continue;
    seen++;
    if (seen === 1) {
      info.col = c;
      info.kind = 'other';
      const kind = titleKind(text);
      if (kind === 'project-form') {
        info.kind = 'title';
        return info;
      }
      if (kind !== null) {
        info.kind = 'other-title';
        return info;
      }
    }
    if (text.length > MAX_LABEL_LENGTH || !START_CHARS.has(text[0])) continue;
    const norm = normalizeLabel(text);
    let key = HEADER_LABELS.matchNorm(norm);
    if (key === null) {
      const inline = splitInlineLabel(text);
      if (inline) key = HEADER_LABELS.match(inline.label);
    }
    if (key === 'name') info.hasName = true;
    else if (key === 'code') info.hasCode = true;
    else if (key === 'departmentOnly') info.departmentOnly = true;
    else if (norm.startsWith('项目名称')) nameLike = true;
    if (LIST_HEADER_MARKS.matchNorm(norm) !== null) listMark = true;
    if (key === null) {
      const role = indicatorHeaderRole(text);
      if (role === 'level1') level1 = true;
      else if (role === 'name') level3 = true;
      if (unitFromText(text) !== null) info.unit = true;
    }
  }
  if ((info.hasName || nameLike) && listMark) info.kind = 'list-header';
  else if (level1 && level3) info.kind = 'table';
  else if (info.hasName || info.hasCode) info.kind = 'start-label';
  return info;
}
