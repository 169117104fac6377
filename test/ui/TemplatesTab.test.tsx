/**
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// (exceljs, behind the memory workbook, needs Node's builds of its dependencies under jsdom)
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TemplatesTab } from '../../src/ui/components/TemplatesTab';
import { MemoryWorkbookHost } from '../../src/adapters/memory';
import { fakeHost, never, renderWithApp } from './helpers';

describe('模板 tab', () => {
  it('offers the three templates with options and a preview', async () => {
    renderWithApp(<TemplatesTab />);
    const radios = screen.getAllByRole('radio', { name: /绩效目标/ });
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(['project', 'department', 'list']);
    expect(screen.getByRole('img', { name: '项目支出绩效目标表预览' })).toBeInTheDocument();
    expect(screen.getByLabelText('预算年度')).toBeInTheDocument();
    const u = userEvent.setup();
    await u.click(screen.getByRole('radio', { name: /^部门整体支出绩效目标表/ }));
    expect(screen.getByRole('img', { name: '部门整体支出绩效目标表预览' })).toBeInTheDocument();
    expect(screen.getByLabelText('重点工作任务行数')).toBeInTheDocument();
    await u.click(screen.getByRole('radio', { name: /^项目支出绩效目标汇总表/ }));
    expect(screen.getByLabelText('每个单位的项目数')).toBeInTheDocument();
  });

  it('changes options and the preview follows', async () => {
    const { app } = renderWithApp(<TemplatesTab />);
    const u = userEvent.setup();
    await u.click(screen.getByRole('radio', { name: '元' }));
    expect(app.store.getState().templates.options.project.unit).toBe('元');
    const preview = screen.getByRole('img', { name: /预览$/ });
    expect(within(preview).getByText(/单位：元/)).toBeInTheDocument();
    await u.click(screen.getByRole('switch', { name: /跨年度项目/ }));
    expect(app.store.getState().templates.options.project.multiYear).toBe(true);
  });

  it('inserts into a new uniquely named sheet and says which', async () => {
    const host = MemoryWorkbookHost.create(['Sheet1']);
    renderWithApp(<TemplatesTab />, { host });
    const u = userEvent.setup();
    await u.click(screen.getByRole('button', { name: '插入为新工作表' }));
    await screen.findByText(/^已插入新工作表“(.*)”并选中。$/);
    await u.click(screen.getByRole('button', { name: '插入为新工作表' }));
    await screen.findByText(/^已插入新工作表“.* \(2\)”并选中。$/);
    const sheets = await host.listSheets();
    expect(sheets.ok && sheets.value.length).toBe(3);
    expect(host.activeSheet).toMatch(/\(2\)$/);
  });

  it('busy: the insert button waits', async () => {
    const host = fakeHost({ insertSheetFromSpec: () => never() });
    renderWithApp(<TemplatesTab />, { host });
    await userEvent.setup().click(screen.getByRole('button', { name: '插入为新工作表' }));
    expect(await screen.findByRole('button', { name: /正在插入/ })).toBeDisabled();
  });

  it('error: shows why in Chinese', async () => {
    const host = fakeHost({
      insertSheetFromSpec: async () => ({
        ok: false,
        error: { code: 'unsupported', message: '当前 Excel 版本不支持插入工作表。' },
      }),
    });
    renderWithApp(<TemplatesTab />, { host });
    await userEvent.setup().click(screen.getByRole('button', { name: '插入为新工作表' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '未能插入模板当前 Excel 版本不支持插入工作表。',
    );
  });
});
