/**
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// (exceljs, behind the memory workbook, needs Node's builds of its dependencies under jsdom)
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TaskPane } from '../../src/ui/components/TaskPane';
import { ErrorBoundary } from '../../src/ui/components/ErrorBoundary';
import { renderWithApp } from './helpers';

function Broken(): never {
  throw new Error('render failed');
}

describe('task pane', () => {
  it('has four tabs in Chinese, 检查 first shown, and switches panels', async () => {
    renderWithApp(<TaskPane />);
    expect(screen.getAllByRole('tab').map((t) => t.getAttribute('value'))).toEqual([
      'templates',
      'check',
      'export',
      'review',
    ]);
    for (const name of ['模板', '检查', '导出', '审核'])
      expect(screen.getByRole('tab', { name })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: '检查' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-check');
    const u = userEvent.setup();
    await u.click(screen.getByRole('tab', { name: '模板' }));
    expect(screen.getByRole('button', { name: '插入为新工作表' })).toBeInTheDocument();
    await u.click(screen.getByRole('tab', { name: '导出' }));
    expect(screen.getByRole('button', { name: '写入新工作表' })).toBeInTheDocument();
  });

  it('can be used from the keyboard: tabs first, Enter opens one', async () => {
    renderWithApp(<TaskPane />);
    const u = userEvent.setup();
    await u.tab();
    expect(document.activeElement).toHaveAttribute('role', 'tab');
    screen.getByRole('tab', { name: '导出' }).focus();
    await u.keyboard('{Enter}');
    expect(screen.getByRole('tab', { name: '导出' })).toHaveAttribute('aria-selected', 'true');
    // (the focus order from the tabs into the panel is checked in real Chromium: test/e2e)
    expect(screen.getByRole('button', { name: '写入新工作表' })).toBeInTheDocument();
  });

  it('never shows a blank pane: a rendering error becomes a Chinese message', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    renderWithApp(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('界面出现错误');
    expect(screen.getByRole('button', { name: '重试' })).toBeInTheDocument();
    spy.mockRestore();
  });

  it('follows the Office theme when given, else the browser', () => {
    const { container, unmount } = renderWithApp(<TaskPane />, { officeBackground: '#262626' });
    expect(container.querySelector('[data-theme]')).toHaveAttribute('data-theme', 'dark');
    unmount();
    const light = renderWithApp(<TaskPane />);
    expect(light.container.querySelector('[data-theme]')).toHaveAttribute('data-theme', 'light');
  });
});
