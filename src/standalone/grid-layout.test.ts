import {
  columnAt,
  columnOffsets,
  gridSize,
  HEADER_HEIGHT,
  OVERSCAN_ROWS,
  ROW_HEADER_WIDTH,
  ROW_HEIGHT,
  scrollToShow,
  visibleWindow,
} from './grid-layout';

const view = { scrollTop: 0, scrollLeft: 0, width: 800, height: 600 };

describe('grid layout', () => {
  it('offers the used area of any size and room beside it', () => {
    expect(gridSize({ rows: 731, cols: 5 })).toEqual({ rows: 751, cols: 16 });
    expect(gridSize({ rows: 4943, cols: 300 })).toEqual({ rows: 4963, cols: 304 });
    expect(gridSize({ rows: 0, cols: 0 })).toEqual({ rows: 60, cols: 16 });
  });

  it('places columns by their widths and finds the column under a point', () => {
    const offsets = columnOffsets(4, [10, undefined, 2]);
    expect([...offsets]).toEqual([0, 78, 150, 172, 244]);
    expect(columnAt(offsets, 0)).toBe(0);
    expect(columnAt(offsets, 149)).toBe(1);
    expect(columnAt(offsets, 150)).toBe(2);
    expect(columnAt(offsets, 10_000)).toBe(3);
  });

  it('draws the rows and columns in view, with a little overscan', () => {
    const offsets = columnOffsets(300, []);
    const w = visibleWindow({ ...view, scrollTop: 4942 * ROW_HEIGHT }, offsets, 5000);
    expect(w.top).toBe(4942 - OVERSCAN_ROWS);
    expect(w.bottom).toBeLessThan(4942 + 40);
    expect(w.bottom).toBeGreaterThan(4942 + (600 - HEADER_HEIGHT) / ROW_HEIGHT - 1);
    const wide = visibleWindow({ ...view, scrollLeft: 72 * 250 }, offsets, 50);
    expect(wide.left).toBeLessThanOrEqual(250);
    expect(wide.right).toBeGreaterThan(250 + (800 - ROW_HEADER_WIDTH) / 72 - 1);
    expect(wide.right).toBeLessThan(300);
  });

  it('scrolls the least that brings a cell into view, and not at all when it is', () => {
    const offsets = columnOffsets(300, []);
    const area = (row: number, col: number) => ({ top: row, left: col, bottom: row, right: col });
    expect(scrollToShow(view, offsets, area(3, 2))).toBeNull();
    const down = scrollToShow(view, offsets, area(667, 4))!;
    // the row's bottom edge at the viewport's bottom edge
    expect(down.top).toBe(668 * ROW_HEIGHT - (600 - HEADER_HEIGHT));
    expect(down.left).toBe(0);
    const right = scrollToShow(view, offsets, area(0, 250))!;
    expect(right.left).toBe(251 * 72 - (800 - ROW_HEADER_WIDTH));
    // back up and left: the cell at the top-left edge
    expect(
      scrollToShow({ ...view, scrollTop: 9999, scrollLeft: 9999 }, offsets, area(5, 1)),
    ).toEqual({ top: 5 * ROW_HEIGHT, left: 72 });
  });
});
