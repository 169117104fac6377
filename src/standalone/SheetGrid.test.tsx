/**
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import '@testing-library/jest-dom';
import { render, screen, within, fireEvent } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { checkSheet, type SheetData } from '../engine';
import { MemoryWorkbookHost } from '../adapters/memory';
import { projectFormSheet } from '../../test/helpers/project-form-sheet';
import { SheetGrid } from './SheetGrid';
import { windowCells } from './grid-cells';

async function setup(data: SheetData = projectFormSheet('表1'), cell = 'E7') {
  const host = MemoryWorkbookHost.fromData([
    { ...data, merges: [...data.merges, { top: 0, left: 0, bottom: 0, right: 4 }] },
  ]);
  const findings = [...checkSheet(data).findings];
  await host.applyHighlights(new Map([[data.name, findings]]));
  await host.selectCell(data.name, cell);
  const sel = await host.activeSelection();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <SheetGrid
        host={host}
        sheet={data.name}
        version={host.version}
        selection={sel.ok ? sel.value : null}
        findings={findings}
      />
    </FluentProvider>,
  );
  return { host, findings, view };
}

const cellAt = (address: string) =>
  document.querySelector<HTMLElement>(`[role="gridcell"][data-address="${address}"]`);

/** A sheet of `rows` rows: a value in column A of each. */
function tall(rows: number): SheetData {
  return {
    name: '长表',
    cells: Array.from({ length: rows }, (_, r) => [`第${r + 1}行`]),
    merges: [],
  };
}

describe('SheetGrid (standalone)', () => {
  it('draws merged cells once, spanning their area', async () => {
    await setup();
    const title = screen.getByText('2024年项目支出绩效目标表').closest('[role="gridcell"]')!;
    expect(title).toHaveAttribute('data-address', 'A1');
    // five columns wide: as wide as A1 to E1 together
    const widths = ['A2', 'B2', 'C2', 'D2', 'E2'].map((a) => parseFloat(cellAt(a)!.style.width));
    expect(parseFloat((title as HTMLElement).style.width)).toBe(widths.reduce((x, y) => x + y));
    expect(cellAt('B1')).toBeNull();
  });

  it('colours findings by severity and shows their messages on hover', async () => {
    const { findings } = await setup();
    const typo = findings.find((f) => f.rule === 'value.operator-typo')!;
    const cell = cellAt(typo.cell)!;
    expect(cell).toHaveAttribute('data-highlight', 'error');
    expect(cell.getAttribute('title')).toContain(typo.message);
    expect(cellAt('E12')).toHaveAttribute('data-highlight', 'info');
    expect(cellAt('C7')).not.toHaveAttribute('data-highlight');
  });

  it('marks the selected cell and selects on click and with the arrow keys', async () => {
    const { host } = await setup();
    const grid = screen.getByRole('grid', { name: '工作表 表1' });
    expect(within(grid).getByText('》20台').closest('[role="gridcell"]')).toHaveAttribute(
      'aria-selected',
      'true',
    );
    fireEvent.click(within(grid).getByText('购置台数'));
    let sel = await host.activeSelection();
    expect(sel.ok && sel.value.address).toBe('C7');
    // the arrows move from the selection the grid shows (E7; the page re-renders on each change)
    fireEvent.keyDown(screen.getByRole('region'), { key: 'ArrowDown' });
    sel = await host.activeSelection();
    expect(sel.ok && sel.value.address).toBe('E8');
  });

  it('draws only what is in view of a 5,000-row sheet, and says how big the sheet is', async () => {
    await setup(tall(5000), 'A1');
    const grid = screen.getByRole('grid');
    expect(Number(grid.getAttribute('aria-rowcount'))).toBeGreaterThan(5000);
    const rows = within(grid).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.length).toBeLessThan(80);
    expect(screen.queryByText('第4943行')).toBeNull();
  });

  it('draws the selected cell far down the sheet (the grid scrolls to it)', async () => {
    await setup(tall(5000), 'A4943');
    // jsdom has no layout: the grid asked to scroll, and draws the rows around the selection
    const cell = cellAt('A4943');
    expect(cell).toHaveAttribute('aria-selected', 'true');
    expect(cell).toHaveTextContent('第4943行');
  });
});

describe('windowCells', () => {
  it('draws a merged area that starts above the window once, from its top-left cell', () => {
    const data: SheetData = {
      name: 'S',
      cells: [['跨行合并的说明'], ...Array.from({ length: 99 }, () => [])],
      merges: [{ top: 0, left: 0, bottom: 59, right: 2 }],
    };
    const host = MemoryWorkbookHost.fromData([data]);
    const drawn = windowCells(host, 'S', { top: 40, left: 1, bottom: 70, right: 5 })!;
    const merged = drawn.cells.filter((c) => c.span);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ row: 0, col: 0, text: '跨行合并的说明' });
    expect(merged[0].span).toEqual({ rows: 60, cols: 3 });
    // nothing else is drawn inside the area
    expect(drawn.cells.some((c) => c.row >= 40 && c.row <= 59 && c.col <= 2 && !c.span)).toBe(
      false,
    );
    expect(drawn.cells.some((c) => c.row === 60 && c.col === 1)).toBe(true);
  });
});
