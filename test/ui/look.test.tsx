/**
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// (exceljs, behind the memory workbook, needs Node's builds of its dependencies under jsdom)
/**
 * One Fluent look across the pane's four tabs: Fluent dropdowns and no native <select>, a severity
 * icon beside every finding, and no Excel green written into the pane's own styles.
 */
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MemoryWorkbookHost } from '../../src/adapters/memory';
import { TaskPane } from '../../src/ui/components/TaskPane';
import { renderWithApp } from './helpers';

jest.setTimeout(240_000);

const GUANGZHOU = path.resolve(
  __dirname,
  '../../fixtures/seeds/guangzhou-env-tech-center-project-list.xlsx',
);

/** Excel's green (#217346, #107C41) in any inline style of the pane. */
const EXCEL_GREEN = /#217346|#107c41|rgb\(33, 115, 70\)|rgb\(16, 124, 65\)/i;

describe('one Fluent look', () => {
  it('no native select on any tab, a severity icon per finding, no Excel green', async () => {
    const host = await MemoryWorkbookHost.load(readFileSync(GUANGZHOU));
    const { app, container } = renderWithApp(<TaskPane />, { host });
    await act(() => app.startLive());
    const items = await screen.findAllByRole('listitem');
    const findings = container.querySelectorAll('li[data-rule]');
    expect(findings.length).toBeGreaterThan(0);
    expect(items.length).toBeGreaterThanOrEqual(findings.length);
    for (const li of findings) {
      const go = li.querySelector('button')!;
      expect(go.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    }
    const user = userEvent.setup();
    for (const tab of ['检查', '模板', '导出', '审核']) {
      await user.click(screen.getByRole('tab', { name: tab }));
      expect(container.querySelectorAll('select')).toHaveLength(0);
      const styled = [...container.querySelectorAll<HTMLElement>('[style]')];
      expect(styled.filter((e) => EXCEL_GREEN.test(e.getAttribute('style') ?? ''))).toEqual([]);
    }
    // the dropdowns there are Fluent comboboxes
    expect(screen.getByRole('combobox', { name: '类别' })).toBeInTheDocument();
    await act(() => app.live.stop());
  });
});
