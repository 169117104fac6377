/**
 * The geometry of the virtualised grid, as pure functions: where each row and column is, which
 * ones a viewport shows, and how far to scroll to bring a cell into view. Rows have one height;
 * columns take the sheet's widths. The grid draws only what the viewport shows, so a sheet of 5,000
 * rows or 300 columns costs what a screenful costs.
 */
import type { Range } from '../engine';

export const ROW_HEIGHT = 22;
export const HEADER_HEIGHT = 22;
export const ROW_HEADER_WIDTH = 52;
export const DEFAULT_COL_WIDTH = 72;
/** Rows and columns drawn beyond the viewport on each side, so that scrolling shows no gaps. */
export const OVERSCAN_ROWS = 6;
export const OVERSCAN_COLS = 2;
/** Excel's limits. */
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_SHEET_COLS = 16_384;

/** A column width in characters (the file's) → pixels. */
export function columnPixels(chars: number | undefined): number {
  return chars ? Math.round(Math.min(chars, 60) * 7 + 8) : DEFAULT_COL_WIDTH;
}

/** How many rows and columns the grid offers: the used area and room to type below and beside it. */
export function gridSize(used: { rows: number; cols: number }): { rows: number; cols: number } {
  return {
    rows: Math.min(MAX_SHEET_ROWS, Math.max(used.rows + 20, 60)),
    cols: Math.min(MAX_SHEET_COLS, Math.max(used.cols + 4, 16)),
  };
}

/** Left edge of every column and, last, the total width: `offsets[c]`, `offsets[cols]`. */
export function columnOffsets(
  cols: number,
  widths: ReadonlyArray<number | undefined>,
): Float64Array {
  const out = new Float64Array(cols + 1);
  for (let c = 0; c < cols; c++) out[c + 1] = out[c] + columnPixels(widths[c]);
  return out;
}

/** The column at x pixels from the left of column A (clamped to the columns there are). */
export function columnAt(offsets: Float64Array, x: number): number {
  const cols = offsets.length - 1;
  let lo = 0;
  let hi = cols - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

export interface Viewport {
  readonly scrollTop: number;
  readonly scrollLeft: number;
  /** the scroller's inner size, headers included */
  readonly width: number;
  readonly height: number;
}

/** The rows and columns to draw for a viewport, with overscan, within the grid's size. */
export function visibleWindow(v: Viewport, offsets: Float64Array, rows: number): Range {
  const cols = offsets.length - 1;
  const bodyHeight = Math.max(0, v.height - HEADER_HEIGHT);
  const bodyWidth = Math.max(0, v.width - ROW_HEADER_WIDTH);
  const top = Math.max(0, Math.floor(v.scrollTop / ROW_HEIGHT) - OVERSCAN_ROWS);
  const bottom = Math.min(
    rows - 1,
    Math.ceil((v.scrollTop + bodyHeight) / ROW_HEIGHT) + OVERSCAN_ROWS,
  );
  const left = Math.max(0, columnAt(offsets, v.scrollLeft) - OVERSCAN_COLS);
  const right = Math.min(cols - 1, columnAt(offsets, v.scrollLeft + bodyWidth) + OVERSCAN_COLS);
  return { top, left, bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/**
 * Where to scroll so that the cell (or merged area) at `area` is in view, or null when it is
 * already: the smallest move, as a spreadsheet does when the selection moves.
 */
export function scrollToShow(
  v: Viewport,
  offsets: Float64Array,
  area: Range,
): { top: number; left: number } | null {
  const bodyHeight = Math.max(ROW_HEIGHT, v.height - HEADER_HEIGHT);
  const bodyWidth = Math.max(DEFAULT_COL_WIDTH, v.width - ROW_HEADER_WIDTH);
  const y0 = area.top * ROW_HEIGHT;
  const y1 = Math.min((area.bottom + 1) * ROW_HEIGHT, y0 + bodyHeight);
  const cols = offsets.length - 1;
  const x0 = offsets[Math.min(area.left, cols)];
  const x1 = Math.min(offsets[Math.min(area.right + 1, cols)], x0 + bodyWidth);
  let top = v.scrollTop;
  let left = v.scrollLeft;
  if (y0 < top) top = y0;
  else if (y1 > top + bodyHeight) top = y1 - bodyHeight;
  if (x0 < left) left = x0;
  else if (x1 > left + bodyWidth) left = x1 - bodyWidth;
  return top === v.scrollTop && left === v.scrollLeft ? null : { top, left };
}
