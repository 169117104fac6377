/**
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// (exceljs, behind the memory workbook, needs Node's builds of its dependencies under jsdom)
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExportTab } from '../../src/ui/components/ExportTab';
import { MemoryWorkbookHost } from '../../src/adapters/memory';
import { fakeHost, never, projectFormSheet, renderWithApp } from './helpers';

describe('导出 tab', () => {
  it('idle: explains the two tables and offers sheets and downloads', () => {
    renderWithApp(<ExportTab />);
    expect(screen.getByRole('heading', { name: '规范化导出' })).toBeInTheDocument();
    for (const name of ['写入新工作表', '下载 .xlsx', '指标 .csv', '项目资金 .csv'])
      expect(screen.getByRole('button', { name })).toBeEnabled();
  });

  it('writes 指标 and 项目资金 into new sheets', async () => {
    const host = MemoryWorkbookHost.fromData([projectFormSheet()]);
    renderWithApp(<ExportTab />, { host });
    await userEvent.setup().click(screen.getByRole('button', { name: '写入新工作表' }));
    expect(
      await screen.findByText('已写入新工作表“指标”、“项目资金”（共 6 行指标、1 个项目）。'),
    ).toBeInTheDocument();
    const sheets = await host.listSheets();
    expect(sheets.ok && sheets.value.map((s) => s.name)).toEqual(['项目表', '指标', '项目资金']);
  });

  it('error: nothing to export', async () => {
    renderWithApp(<ExportTab />);
    await userEvent.setup().click(screen.getByRole('button', { name: '写入新工作表' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('没有找到绩效目标表');
  });

  it('busy: progress with cancel, buttons disabled; cancelling writes nothing', async () => {
    const host = fakeHost({
      listSheets: async () => ({
        ok: true,
        value: [{ name: '表1', visible: true, protected: false }],
      }),
      readSheets: () => never(),
    });
    const { app } = renderWithApp(<ExportTab />, { host });
    const u = userEvent.setup();
    await u.click(screen.getByRole('button', { name: '下载 .xlsx' }));
    expect(await screen.findByText(/正在整理工作表“表1”/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '写入新工作表' })).toBeDisabled();
    expect(app.store.getState().export.status).toBe('running');
    await u.click(screen.getByRole('button', { name: '取消' }));
    // the read never returns, so the cancel lands when it does; the state says running until then
    expect(app.store.getState().export.result).toBeNull();
  });
});
