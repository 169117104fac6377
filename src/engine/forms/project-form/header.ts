import Big from 'big.js';
import type { CellRef } from '../../grid/address';
import type { Grid } from '../../grid/grid';
import type { AmountField, SpendingPlanEntry, TextField } from '../../model/forms';
import { parseAmount, type Amount, type MoneyUnit } from '../../money/amount';
import {
  amountFieldAt,
  amountFieldFromText,
  MISSING_AMOUNT,
  MISSING_TEXT,
  rowCells,
  usedRowsIn,
} from '../common/cells';
import { MAX_LABEL_LENGTH, readLabel, splitInlineLabel, unitFromText } from '../common/labels';
import { headerKeyNorm, planPeriodNorm, type HeaderKey } from './labels';

/** The header block of one project form, read from the rows above its indicator table. */
export interface HeaderBlock {
  code?: TextField;
  name: TextField;
  department?: TextField;
  implementer?: TextField;
  budget: AmountField;
  fiscal?: AmountField;
  other?: AmountField;
  purpose?: TextField;
  spendingPlan: SpendingPlanEntry[];
  targets: TextField[];
  targetsCell: CellRef | null;
  unit: MoneyUnit;
  /** leftmost and rightmost columns used by the block */
  left: number;
  right: number;
  /** last row holding something */
  lastRow: number;
  /** last row of a label or of a value paired with one (where an indicator table would follow) */
  labelsBottom: number;
}

type Kind = HeaderKey | 'period' | 'text' | 'unit' | 'title';

interface Entry {
  readonly row: number;
  readonly col: number;
  readonly bottom: number;
  readonly right: number;
  readonly text: string;
  readonly kind: Kind;
  /** `3月底` for periods */
  readonly period?: string;
  /** value typed into the label cell itself (`项目名称：某某项目`) */
  readonly inline?: string;
  /** unit of a `预算数（元）` label */
  readonly unit?: MoneyUnit | null;
}

const LABEL_KINDS: ReadonlySet<Kind> = new Set<Kind>([
  'code',
  'name',
  'department',
  'implementer',
  'budget',
  'fiscal',
  'other',
  'purpose',
  'plan',
  'targets',
  'targetItem',
  'group',
  'departmentOnly',
  'period',
]);

/** A found label with the cell holding its value (null: nowhere to type one). */
interface Pair {
  readonly label: Entry;
  readonly cell: CellRef | null;
  readonly text: string;
}

/**
 * Reads the key–value cells of rows `top`..`bottom`: each label takes the cell to its right, or the
 * cell below it when the labels stand in a row of their own (`项目名称 | 主管部门 | 实施单位` over
 * their values) or the right neighbour is another label. A label merged over several rows next to
 * other labels (`预算规模及资金用途`, `绩效目标` over `目标1`, `目标2`) only groups them; texts left over
 * in such a group are the 资金用途 / 绩效目标 lines.
 */
export function readHeaderBlock(
  grid: Grid,
  top: number,
  bottom: number,
  band: { readonly left: number; readonly right: number },
  titleCell: CellRef | null,
  tableRight: number,
): HeaderBlock {
  const entries: Entry[] = [];
  const byCell = new Map<number, Entry>();
  let unit: MoneyUnit | null = null;
  let labelUnit: MoneyUnit | null = null;
  let left = titleCell ? titleCell.col : Number.MAX_SAFE_INTEGER;
  let right = tableRight;
  let lastRow = top;
  let unitRow = -1;
  for (const r of usedRowsIn(grid, top, bottom)) {
    for (const { col, text } of rowCells(grid, r, band.right, band.left)) {
      const m = grid.mergeAt(r, col);
      const e = classify(r, col, m ? m.bottom : r, m ? m.right : col, text, titleCell);
      if (e.kind === 'unit' && unit === null) {
        unit = unitFromText(text);
        unitRow = r;
      }
      if (e.kind === 'title' || e.kind === 'unit') continue;
      entries.push(e);
      byCell.set(key(r, col), e);
      if (col < left) left = col;
      if (e.right > right) right = e.right;
      lastRow = r;
    }
  }
  if (left === Number.MAX_SAFE_INTEGER) left = 0;

  const isLabel = (e: Entry | undefined) => e !== undefined && LABEL_KINDS.has(e.kind);
  // Rows made only of labels, at least two: their values are below them.
  const labelRows = new Set<number>();
  {
    const count = new Map<number, { labels: number; other: number }>();
    for (const e of entries) {
      const c = count.get(e.row) ?? { labels: 0, other: 0 };
      if (isLabel(e) && e.inline === undefined) c.labels++;
      else c.other++;
      count.set(e.row, c);
    }
    for (const [row, c] of count) if (c.labels >= 2 && c.other === 0) labelRows.add(row);
  }

  const used = new Set<number>();
  const pairs: Pair[] = [];
  const groups: Entry[] = [];
  for (const e of entries) {
    if (!isLabel(e) || e.kind === 'departmentOnly') continue;
    if (e.inline !== undefined) {
      pairs.push({ label: e, cell: { row: e.row, col: e.col }, text: e.inline });
      continue;
    }
    if (e.kind === 'group') {
      groups.push(e);
      continue;
    }
    const rightCell = grid.anchor(e.row, e.right + 1);
    const rightEntry = byCell.get(key(rightCell.row, rightCell.col));
    const belowCell = grid.anchor(e.bottom + 1, e.col);
    const belowEntry = byCell.get(key(belowCell.row, belowCell.col));
    const belowInBlock = belowCell.row <= bottom && belowCell.row > e.row;
    const rightInForm = e.right + 1 <= right;
    let cell: CellRef | null;
    if (isLabel(rightEntry) && (e.bottom > e.row || e.kind === 'plan' || e.kind === 'targets')) {
      // a label over other labels: a group, unless nothing else explains it
      groups.push(e);
      if (e.kind !== 'targets' && e.kind !== 'plan') continue;
      cell = null;
    } else if (labelRows.has(e.row) && belowInBlock && !isLabel(belowEntry)) {
      cell = belowCell;
    } else if (rightInForm && !isLabel(rightEntry)) {
      cell = rightCell;
    } else if (belowInBlock && !isLabel(belowEntry)) {
      cell = belowCell;
    } else {
      cell = null;
    }
    if (cell) used.add(key(cell.row, cell.col));
    pairs.push({ label: e, cell, text: cell ? grid.text(cell.row, cell.col) : '' });
  }

  // First non-empty value wins; else the first empty value cell; else the first label found.
  const best = new Map<HeaderKey, Pair>();
  for (const p of pairs) {
    const kind = p.label.kind;
    if (kind === 'targetItem' || kind === 'period' || kind === 'plan') continue;
    const k = kind as HeaderKey;
    const had = best.get(k);
    if (!had || (had.text === '' && p.text !== '') || (had.cell === null && p.cell !== null))
      best.set(k, p);
  }
  for (const p of pairs) {
    if (
      (p.label.kind === 'budget' || p.label.kind === 'fiscal' || p.label.kind === 'other') &&
      p.label.unit
    ) {
      labelUnit ??= p.label.unit;
    }
  }

  const textOf = (k: HeaderKey): TextField | undefined => {
    const p = best.get(k);
    if (!p) return undefined;
    return { text: p.text, cell: p.cell };
  };
  const amountOf = (k: HeaderKey): AmountField | undefined => {
    const p = best.get(k);
    if (!p) return undefined;
    if (!p.cell) return { ...MISSING_AMOUNT };
    if (p.label.inline !== undefined) return amountFieldFromText(p.text, p.cell);
    return amountFieldAt(grid, p.cell.row, p.cell.col);
  };

  // Leftover texts inside a group label's rows: 资金用途 lines, 绩效目标 lines.
  const leftovers = (g: Entry): TextField[] => {
    const out: TextField[] = [];
    for (const e of entries) {
      if (e.row < g.row || e.row > g.bottom || e.col <= g.right || e.kind !== 'text') continue;
      if (used.has(key(e.row, e.col))) continue;
      out.push({ text: e.text, cell: { row: e.row, col: e.col } });
    }
    return out;
  };

  let purpose = textOf('purpose');
  if (!purpose || purpose.text === '') {
    const g = groups.find((x) => x.text.indexOf('用途') >= 0);
    const rest = g ? leftovers(g) : [];
    if (rest.length) {
      purpose = rest[0];
      used.add(key(rest[0].cell!.row, rest[0].cell!.col));
    }
  }

  // 绩效目标: `目标1` / `实施期目标` rows, else the 绩效目标 cell (plus its own wrapped rows).
  let targets: TextField[] = [];
  let targetsCell: CellRef | null = null;
  const items = pairs.filter((p) => p.label.kind === 'targetItem');
  if (items.length) {
    for (const p of items) if (p.text !== '') targets.push({ text: p.text, cell: p.cell });
    targetsCell = targets[0]?.cell ?? items.find((p) => p.cell)?.cell ?? null;
  } else {
    const p = best.get('targets');
    if (p) {
      if (p.text !== '') targets.push({ text: p.text, cell: p.cell });
      if (p.label.bottom > p.label.row) {
        for (const t of leftovers(p.label))
          if (!targets.some((x) => sameCell(x.cell, t.cell))) targets.push(t);
        targets.sort((a, b) => a.cell!.row - b.cell!.row || a.cell!.col - b.cell!.col);
      }
      targetsCell = targets[0]?.cell ?? p.cell ?? { row: p.label.row, col: p.label.col };
    }
  }
  targets = targets.filter((t) => t.text !== '');

  // A unit row such as `362101天津市生态环境局财务处（审计处） | 单位：万元` names the unit that
  // fills in the form: without an 实施单位 label, that is the implementer.
  let implementer = textOf('implementer');
  if (!implementer && unitRow >= 0) {
    const texts = entries.filter((e) => e.row === unitRow);
    if (texts.length === 1 && texts[0].kind === 'text') {
      implementer = { text: texts[0].text, cell: { row: texts[0].row, col: texts[0].col } };
    }
  }
  let labelsBottom = top;
  const below = (cell: CellRef | null) => {
    if (!cell) return;
    const m = grid.mergeAt(cell.row, cell.col);
    labelsBottom = Math.max(labelsBottom, m ? m.bottom : cell.row);
  };
  for (const p of pairs) {
    labelsBottom = Math.max(labelsBottom, p.label.bottom);
    below(p.cell);
  }
  for (const g of groups) labelsBottom = Math.max(labelsBottom, g.bottom);
  for (const t of targets) below(t.cell);
  return {
    code: textOf('code'),
    name: textOf('name') ?? { ...MISSING_TEXT },
    department: textOf('department'),
    implementer,
    budget: amountOf('budget') ?? { ...MISSING_AMOUNT },
    fiscal: amountOf('fiscal'),
    other: amountOf('other'),
    purpose,
    spendingPlan: spendingPlan(grid, pairs),
    targets,
    targetsCell,
    unit: unit ?? labelUnit ?? '万元',
    left,
    right,
    lastRow,
    labelsBottom,
  };
}

function classify(
  row: number,
  col: number,
  bottom: number,
  right: number,
  text: string,
  titleCell: CellRef | null,
): Entry {
  if (titleCell && titleCell.row === row && titleCell.col === col) {
    return { row, col, bottom, right, text, kind: 'title' };
  }
  if (text.length <= MAX_LABEL_LENGTH) {
    const label = readLabel(text);
    const k = headerKeyNorm(label.norm);
    if (k !== null) return { row, col, bottom, right, text, kind: k, unit: label.unit };
    const period = planPeriodNorm(label.norm);
    if (period !== null) return { row, col, bottom, right, text, kind: 'period', period };
  }
  if (text.indexOf('：') >= 0 || text.indexOf(':') >= 0) {
    const inline = splitInlineLabel(text);
    if (inline) {
      const label = readLabel(inline.label);
      const ik = headerKeyNorm(label.norm);
      if (ik !== null && ik !== 'group' && ik !== 'departmentOnly') {
        return { row, col, bottom, right, text, kind: ik, inline: inline.value, unit: label.unit };
      }
      const period = planPeriodNorm(label.norm);
      if (period !== null)
        return { row, col, bottom, right, text, kind: 'period', period, inline: inline.value };
      if (unitFromText(text) !== null) return { row, col, bottom, right, text, kind: 'unit' };
    }
  }
  return { row, col, bottom, right, text, kind: 'text' };
}

/** 资金支出计划: period labels with their shares; shares typed as fractions (0.3 for 30%) are scaled. */
function spendingPlan(grid: Grid, pairs: ReadonlyArray<Pair>): SpendingPlanEntry[] {
  const found = pairs.filter((p) => p.label.kind === 'period');
  const entries = found.map((p) => {
    const raw = p.cell ? grid.value(p.cell.row, p.cell.col) : null;
    let amount: Amount;
    if (p.label.inline !== undefined) amount = parseShare(p.text);
    else if (typeof raw === 'string') amount = parseShare(raw);
    else amount = parseAmount(raw);
    return {
      label: p.label.period!,
      text: p.text,
      cell: p.cell,
      amount,
      numeric: typeof raw === 'number',
    };
  });
  // A column formatted as percent stores 0.3 for 30%: when every number is a fraction, scale them.
  const numbers = entries.filter((e) => e.numeric && e.amount.ok);
  if (numbers.length && numbers.every((e) => e.amount.ok && e.amount.value.lte(1))) {
    for (const e of numbers) {
      if (e.amount.ok) {
        const value = e.amount.value.times(100);
        e.amount = { ok: true, value, decimals: decimalsOf(value), fromText: false };
      }
    }
  }
  return entries.map((e) => ({
    label: e.label,
    field: { text: e.text, cell: e.cell, amount: e.amount },
  }));
}

/** `30%`, `30％`, `30` → 30. */
function parseShare(text: string): Amount {
  const t = text.trim().replace(/[%％]$/, '');
  return parseAmount(t === '' ? null : t);
}

function decimalsOf(v: Big): number {
  const s = v.toFixed();
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

function key(row: number, col: number): number {
  return row * 16384 + col;
}

function sameCell(a: CellRef | null, b: CellRef | null): boolean {
  return a !== null && b !== null && a.row === b.row && a.col === b.col;
}
