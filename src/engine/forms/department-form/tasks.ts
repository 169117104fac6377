import type { Grid } from '../../grid/grid';
import type { AmountField, KeyTask, TextField } from '../../model/forms';
import { parseAmount } from '../../money/amount';
import { areaOf, ownsRow, type Band } from './cells';
import { normLabel, normText, TASK_HEADERS, TASK_TOTAL } from './labels';
import { rowCells, usedRowsIn } from '../common/cells';

interface TaskColumns {
  readonly row: number;
  /** last row of the header (its merges included) */
  readonly bottom: number;
  readonly name: number;
  readonly content?: number;
  readonly amount?: number;
  readonly goal?: number;
}

/** The `名称 | 主要实施内容 | 拟投入的资金（万元） | 期望达到的目标` header row in the rows given. */
function findHeader(grid: Grid, band: Band, top: number, bottom: number): TaskColumns | null {
  for (const r of usedRowsIn(grid, top, bottom)) {
    const cols: { name?: number; content?: number; amount?: number; goal?: number } = {};
    let headerBottom = r;
    for (const cell of rowCells(grid, r, band.right, band.left)) {
      const area = areaOf(grid, r, cell.col);
      const t = normLabel(cell.text).key;
      const kind = TASK_HEADERS.name.test(t)
        ? 'name'
        : TASK_HEADERS.content.test(t)
          ? 'content'
          : TASK_HEADERS.amount.test(t)
            ? 'amount'
            : TASK_HEADERS.goal.test(t)
              ? 'goal'
              : null;
      if (kind && cols[kind] === undefined) {
        cols[kind] = area.left;
        headerBottom = Math.max(headerBottom, area.bottom);
      }
    }
    if (cols.name !== undefined && (cols.amount !== undefined || cols.content !== undefined)) {
      return {
        row: r,
        bottom: headerBottom,
        name: cols.name,
        content: cols.content,
        amount: cols.amount,
        goal: cols.goal,
      };
    }
  }
  return null;
}

/**
 * Reads 年度重点工作任务 rows from below the header to `bottom`: every row with something of its own
 * in the task columns (a merge continued from the row above does not start a task) is one task; a
 * 合计 row is skipped. An amount merged down over several tasks counts once, on its first row.
 */
export function readTasks(grid: Grid, band: Band, top: number, bottom: number): KeyTask[] {
  const header = findHeader(grid, band, top, bottom);
  if (!header) return [];
  const tasks: KeyTask[] = [];
  for (const r of usedRowsIn(grid, header.bottom + 1, bottom)) {
    const cols = [header.name, header.content, header.amount, header.goal].filter(
      (c): c is number => c !== undefined,
    );
    const own = cols.some((c) => ownsRow(grid, r, c) && grid.text(r, c) !== '');
    if (!own) continue;
    const name = text(grid, r, header.name);
    if (TASK_TOTAL.test(normText(name.text))) continue;
    const task: KeyTask = {
      row: r,
      name,
      amount: amount(grid, r, header.amount),
      ...(header.content !== undefined ? { content: text(grid, r, header.content) } : {}),
      ...(header.goal !== undefined ? { goal: text(grid, r, header.goal) } : {}),
    };
    tasks.push(task);
  }
  return tasks;
}

function text(grid: Grid, row: number, col: number): TextField {
  const a = grid.anchor(row, col);
  return { text: grid.text(a.row, a.col), cell: a };
}

function amount(grid: Grid, row: number, col: number | undefined): AmountField {
  if (col === undefined) return { text: '', cell: null, amount: parseAmount(null) };
  const a = grid.anchor(row, col);
  if (a.row !== row) return { text: '', cell: a, amount: parseAmount(null) };
  return { text: grid.text(a.row, a.col), cell: a, amount: parseAmount(grid.value(a.row, a.col)) };
}
