/**
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import '@testing-library/jest-dom';
import { render, screen, within, fireEvent } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { checkSheet } from '../engine';
import { MemoryWorkbookHost } from '../adapters/memory';
import { projectFormSheet } from '../../test/helpers/project-form-sheet';
import { SheetGrid } from './SheetGrid';

async function setup() {
  const data = projectFormSheet('表1');
  const host = MemoryWorkbookHost.fromData([
    { ...data, merges: [{ top: 0, left: 0, bottom: 0, right: 4 }] },
  ]);
  const findings = [...checkSheet(data).findings];
  await host.applyHighlights(new Map([['表1', findings]]));
  await host.selectCell('表1', 'E7');
  const sel = await host.activeSelection();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <SheetGrid
        host={host}
        sheet="表1"
        version={host.version}
        selection={sel.ok ? sel.value : null}
        findings={findings}
      />
    </FluentProvider>,
  );
  return { host, findings, view };
}

describe('SheetGrid (standalone)', () => {
  it('draws merged cells once, spanning their area', async () => {
    await setup();
    const title = screen.getByText('2024年项目支出绩效目标表').closest('td')!;
    expect(title).toHaveAttribute('colspan', '5');
    expect(document.querySelector('td[data-address="B1"]')).toBeNull();
  });

  it('colours findings by severity and shows their messages on hover', async () => {
    const { findings } = await setup();
    const typo = findings.find((f) => f.rule === 'value.operator-typo')!;
    const cell = document.querySelector(`td[data-address="${typo.cell}"]`)!;
    expect(cell).toHaveAttribute('data-highlight', 'error');
    expect(cell.getAttribute('title')).toContain(typo.message);
    const info = document.querySelector('td[data-address="E12"]')!;
    expect(info).toHaveAttribute('data-highlight', 'info');
    expect(document.querySelector('td[data-address="C7"]')).not.toHaveAttribute('data-highlight');
  });

  it('marks the selected cell and selects on click and with the arrow keys', async () => {
    const { host } = await setup();
    const grid = screen.getByRole('grid', { name: '工作表 表1' });
    expect(within(grid).getByText('》20台').closest('td')).toHaveAttribute('aria-selected', 'true');
    fireEvent.click(within(grid).getByText('购置台数'));
    let sel = await host.activeSelection();
    expect(sel.ok && sel.value.address).toBe('C7');
    // the arrows move from the selection the grid shows (E7; the page re-renders on each change)
    fireEvent.keyDown(screen.getByRole('region'), { key: 'ArrowDown' });
    sel = await host.activeSelection();
    expect(sel.ok && sel.value.address).toBe('E8');
  });
});
