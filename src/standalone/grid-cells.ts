/**
 * The cells the virtualised grid draws for a window of a sheet: every cell of the window that is
 * not inside a merged area, each merged area once, including those that start above or to the left
 * of the window (the title of a form scrolled half out of view is still drawn, across its area).
 */
import type { Range } from '../engine';
import type { GridCellView, MemoryWorkbookHost } from '../adapters/memory';

export interface WindowCells {
  /** cells to draw, merged areas as their top-left cell with `span` */
  readonly cells: ReadonlyArray<GridCellView>;
  /** the sheet's used size */
  readonly rowCount: number;
  readonly colCount: number;
  readonly columnWidths: ReadonlyArray<number | undefined>;
}

const covers = (c: GridCellView, row: number, col: number) =>
  c.span !== undefined &&
  c.row <= row &&
  row < c.row + c.span.rows &&
  c.col <= col &&
  col < c.col + c.span.cols;

/** The merged area's top-left cell covering `row, col`, searched up and left; null if none. */
function originOf(
  host: MemoryWorkbookHost,
  sheet: string,
  row: number,
  col: number,
): GridCellView | null {
  for (let k = 16; ; k *= 2) {
    const area = { top: Math.max(0, row - k), left: Math.max(0, col - k), bottom: row, right: col };
    const view = host.renderSheet(sheet, area);
    if (!view) return null;
    for (const line of view.rows) for (const c of line) if (covers(c, row, col)) return c;
    if (area.top === 0 && area.left === 0) return null;
  }
}

export function windowCells(
  host: MemoryWorkbookHost,
  sheet: string,
  window: Range,
): WindowCells | null {
  const view = host.renderSheet(sheet, window);
  if (!view) return null;
  const cells: GridCellView[] = [];
  const spans: GridCellView[] = [];
  for (const line of view.rows)
    for (const c of line) {
      if (c.covered) continue;
      cells.push(c);
      if (c.span) spans.push(c);
    }
  // a covered cell on the window's top row or left column whose area starts outside the window
  const edge: GridCellView[] = [];
  for (const line of view.rows)
    for (const c of line)
      if (c.covered && (c.row === window.top || c.col === window.left)) edge.push(c);
  for (const c of edge) {
    if (spans.some((s) => covers(s, c.row, c.col))) continue;
    const origin = originOf(host, sheet, c.row, c.col);
    if (origin && !spans.some((s) => s.row === origin.row && s.col === origin.col)) {
      spans.push(origin);
      cells.push(origin);
    }
  }
  return {
    cells,
    rowCount: view.rowCount,
    colCount: view.colCount,
    columnWidths: view.columnWidths,
  };
}
