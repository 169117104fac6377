import type { CellRef, Range } from '../../grid/address';
import type { Grid } from '../../grid/grid';
import type { AmountField, DepartmentForm, DepartmentSplit, TextField } from '../../model/forms';
import { parseAmount, type MoneyUnit } from '../../money/amount';
import { amountField, areaOf, textField, valueCellOf, type Band } from './cells';
import { readIndicators } from './indicators';
import { tableReading } from '../common/indicators';
import { rowCells, usedRowsIn } from '../common/cells';
import {
  classifyLabel,
  normLabel,
  SPLITS,
  UNIT_STATEMENT,
  YEAR_TEXT,
  type BlockKey,
  type FieldKey,
  type LabelHit,
} from './labels';
import type { FormStart } from './locate';
import { readTasks } from './tasks';

interface Hit {
  readonly label: LabelHit;
  readonly cell: CellRef;
  readonly area: Range;
}

/** Every label cell of the form, in sheet order (merged labels once, at their anchor). */
function labelHits(grid: Grid, band: Band): Hit[] {
  const hits: Hit[] = [];
  for (const r of usedRowsIn(grid, band.top, band.bottom)) {
    for (const { col: c, text } of rowCells(grid, r, band.right, band.left)) {
      const label = classifyLabel(text);
      if (label) hits.push({ label, cell: { row: r, col: c }, area: areaOf(grid, r, c) });
    }
  }
  return hits;
}

/** Reads one department form from its start within its band. */
export function readDepartmentForm(grid: Grid, start: FormStart, band: Band): DepartmentForm {
  const hits = labelHits(grid, band);
  const field = (key: FieldKey) =>
    hits.find((h) => h.label.kind === 'field' && h.label.key === key);
  const blocks = hits.filter((h) => h.label.kind === 'block');
  const block = (key: BlockKey) => blocks.find((h) => h.label.key === key);
  /** the last row of a block: the row before the next block label below it */
  const blockEnd = (h: Hit) => {
    // the next block label, or a field label in the label column below the block's own label
    // (`金额合计` and `年度总体目标` under the national layout's 年度主要任务)
    const next = hits.find(
      (b) =>
        b.area.top > h.area.top &&
        (b.label.kind === 'block' || (b.area.top > h.area.bottom && b.cell.col <= h.cell.col)),
    );
    return next ? next.area.top - 1 : band.bottom;
  };
  let bottom = start.row;
  const see = (cell: CellRef | null) => {
    if (!cell) return;
    bottom = Math.max(bottom, areaOf(grid, cell.row, cell.col).bottom);
  };
  for (const h of hits) bottom = Math.max(bottom, h.area.bottom);

  const valueOf = (h: Hit | undefined): CellRef | null => {
    if (!h) return null;
    if (h.label.inline !== undefined) return h.cell;
    const cell = valueCellOf(grid, h.cell, band);
    see(cell);
    return cell;
  };
  const text = (key: FieldKey): TextField | undefined => {
    const h = field(key);
    if (!h) return undefined;
    if (h.label.inline !== undefined) return { text: h.label.inline, cell: h.cell };
    return textField(grid, valueOf(h));
  };
  const budgetHit = field('budget');
  const budget: AmountField =
    budgetHit?.label.inline !== undefined
      ? {
          text: budgetHit.label.inline,
          cell: budgetHit.cell,
          amount: parseAmount(budgetHit.label.inline),
        }
      : amountField(grid, valueOf(budgetHit));

  // 预算整体情况: the block's rows, or the rows above the first table when it has no label
  const budgetBlock = block('budget-block');
  const firstTable = blocks.find((b) => b.label.key !== 'budget-block');
  const splitTop = budgetBlock ? budgetBlock.area.top : band.top;
  const splitBottom = budgetBlock
    ? blockEnd(budgetBlock)
    : firstTable
      ? firstTable.area.top - 1
      : band.bottom;
  const splitBand: Band = { ...band, top: splitTop, bottom: splitBottom };
  const splits = readSplits(grid, splitBand);
  for (const s of splits) for (const p of s.parts) see(p.field.cell);

  // 年度重点工作任务
  const tasksHit = block('tasks');
  const indicatorsHit = block('indicators');
  const tasks = readTasks(
    grid,
    band,
    tasksHit ? tasksHit.area.top : splitBottom + 1,
    tasksHit ? blockEnd(tasksHit) : indicatorsHit ? indicatorsHit.area.top - 1 : band.bottom,
  );
  for (const t of tasks) bottom = Math.max(bottom, t.row);

  // 绩效指标
  const tableTop = indicatorsHit
    ? indicatorsHit.area.top
    : (tasksHit ? blockEnd(tasksHit) : splitBottom) + 1;
  const tableBottom = indicatorsHit ? blockEnd(indicatorsHit) : band.bottom;
  const { cols, table } = readIndicators(grid, band, tableTop, tableBottom);
  if (cols) bottom = Math.max(bottom, cols.firstDataRow - 1);
  if (table) bottom = Math.max(bottom, table.lastRow);
  const reading = tableReading(
    cols,
    table,
    indicatorsHit?.cell ?? { row: Math.min(bottom + 1, band.bottom), col: band.left },
  );
  // a table that could not be read still covers its block
  if (cols && reading.status !== 'read' && reading.status !== 'empty') {
    const used = usedRowsIn(grid, tableTop, tableBottom);
    if (used.length > 0) bottom = Math.max(bottom, used[used.length - 1]);
  }

  for (const key of ['notes', 'review', 'other-targets'] as const) valueOf(block(key));

  const year = text('year') ?? yearFromHeading(grid, band, hits[0]?.area.top ?? band.bottom);
  const name = text('name') ?? { text: '', cell: null };
  const title = start.titleCell ? grid.text(start.titleCell.row, start.titleCell.col) : '';
  bottom = Math.min(bottom, band.bottom);
  const range: Range = {
    top: band.top,
    left: band.left,
    bottom,
    right: rightEdge(grid, band, bottom),
  };
  const staff = text('staff');
  const subunits = text('subunits');
  const summary = text('summary');
  return {
    kind: 'department-form',
    sheet: grid.name,
    range,
    title,
    titleCell: start.titleCell,
    unit: unitOf(grid, { ...band, bottom }, budgetHit),
    indicators: table?.indicators ?? [],
    table: reading,
    name,
    ...(year ? { year } : {}),
    ...(staff ? { staff } : {}),
    ...(subunits ? { subunits } : {}),
    budget,
    ...(summary ? { summary } : {}),
    splits,
    tasks,
    emptyCategories: table?.emptyCategories ?? [],
  };
}

/** The four splits: each part label's amount beside (or under) it; a split is kept when one part is found. */
function readSplits(grid: Grid, band: Band): DepartmentSplit[] {
  const cells: Array<{ key: string; cell: CellRef }> = [];
  for (const r of usedRowsIn(grid, band.top, band.bottom)) {
    for (const { col: c, text } of rowCells(grid, r, band.right, band.left)) {
      cells.push({ key: normLabel(text).key.replace(/^其中:?/, ''), cell: { row: r, col: c } });
    }
  }
  const out: DepartmentSplit[] = [];
  for (const spec of SPLITS) {
    const found = spec.parts.map((p) => cells.find((x) => p.pattern.test(x.key)));
    if (!found.some(Boolean)) continue;
    const labelCell = cells.find((x) => spec.labels.test(x.key));
    out.push({
      key: spec.key,
      label: labelCell ? grid.text(labelCell.cell.row, labelCell.cell.col) : spec.label,
      parts: spec.parts.map((p, i) => {
        const hit = found[i];
        return {
          label: hit ? grid.text(hit.cell.row, hit.cell.col) : p.label,
          field: amountField(grid, hit ? valueCellOf(grid, hit.cell, band) : null),
        };
      }),
    });
  }
  return out;
}

/** `单位：元` written on the form, else a unit after the 部门预算金额 label, else 万元. */
function unitOf(grid: Grid, band: Band, budgetHit: { label: LabelHit } | undefined): MoneyUnit {
  for (const r of usedRowsIn(grid, band.top, band.bottom)) {
    for (const { text } of rowCells(grid, r, band.right, band.left)) {
      const m = UNIT_STATEMENT.exec(text);
      if (m) return m[1] as MoneyUnit;
    }
  }
  if (budgetHit?.label.kind === 'field' && budgetHit.label.unit) return budgetHit.label.unit;
  return '万元';
}

/** The year written under (or in) the title, `(2020 年度)`, when there is no 预算安排年度 label. */
function yearFromHeading(grid: Grid, band: Band, before: number): TextField | undefined {
  for (const r of usedRowsIn(grid, band.top, Math.min(before, band.bottom))) {
    for (const { col: c, text } of rowCells(grid, r, band.right, band.left)) {
      const m = YEAR_TEXT.exec(text);
      if (m) return { text: m[0].trim(), cell: { row: r, col: c } };
    }
  }
  return undefined;
}

/** The rightmost column the form uses in its rows. */
function rightEdge(grid: Grid, band: Band, bottom: number): number {
  let right = band.left;
  for (const r of usedRowsIn(grid, band.top, bottom)) {
    for (const { col: c } of rowCells(grid, r, band.right, band.left)) {
      right = Math.max(right, Math.min(band.right, areaOf(grid, r, c).right));
    }
  }
  for (const m of grid.allMerges()) {
    if (m.top >= band.top && m.bottom <= bottom && m.left >= band.left && m.left <= band.right) {
      right = Math.max(right, Math.min(band.right, m.right));
    }
  }
  return right;
}
