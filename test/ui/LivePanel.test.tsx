/**
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Live mode in the pane: the summary, the selected cell's messages, remarks and 审核意见.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryWorkbookHost } from '../../src/adapters/memory';
import { LiveSummary } from '../../src/ui/components/LivePanel';
import { ReviewTab } from '../../src/ui/components/ReviewTab';
import { projectFormSheet, renderWithApp } from './helpers';

const book = () => MemoryWorkbookHost.fromData([projectFormSheet('项目表')]);

describe('live summary and selected cell', () => {
  it('shows the workbook counts politely, follows the selection and clears/restores marks', async () => {
    const host = book();
    const { app } = renderWithApp(<LiveSummary />, { host });
    await act(() => app.startLive());
    const summary = await screen.findByTestId('live-summary');
    expect(summary).toHaveAttribute('aria-live', 'polite');
    await waitFor(() => expect(summary).toHaveTextContent(/工作簿：2 个错误，\d+ 个警告/));
    expect(host.highlightAt('项目表', 'E7')).toBe('error');

    act(() => void host.userSelect('项目表', 'E7'));
    const panel = await screen.findByTestId('selected-cell');
    await waitFor(() => expect(panel).toHaveTextContent('项目表!E7'));
    expect(within(panel).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(screen.getByTestId('live-form-summary')).toHaveTextContent(/当前表单：.*2 个错误/);

    await userEvent.setup().click(screen.getByRole('button', { name: '清除标记' }));
    await screen.findByRole('button', { name: '显示标记' });
    expect(host.highlightAt('项目表', 'E7')).toBeNull();
    expect(summary).toHaveTextContent(/2 个错误/);
    await userEvent.setup().click(screen.getByRole('button', { name: '显示标记' }));
    await waitFor(() => expect(host.highlightAt('项目表', 'E7')).toBe('error'));
    await act(() => app.live.stop());
  });
});

describe('审核 tab', () => {
  it('summarises sheets, adds a remark on the selected cell and exports 审核意见', async () => {
    const host = book();
    const { app } = renderWithApp(<ReviewTab />, { host });
    await act(() => app.startLive());
    const table = await screen.findByRole('table', { name: '各工作表检查结果' });
    await waitFor(() => expect(within(table).getByText('项目表')).toBeInTheDocument());

    act(() => void host.userSelect('项目表', 'E8'));
    await waitFor(() => expect(screen.getByTestId('remark-cell')).toHaveTextContent('项目表!E8'));
    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox'));
    await user.click(screen.getByRole('option', { name: '指标与指标值不匹配' }));
    await user.type(screen.getByRole('textbox', { name: '意见内容' }), '请核实单位');
    await user.click(screen.getByRole('button', { name: '添加审核意见' }));
    const list = await screen.findByRole('list', { name: '审核意见' });
    expect(list).toHaveTextContent('项目表!E8');
    expect(list).toHaveTextContent('指标与指标值不匹配');
    expect(list).toHaveTextContent('请核实单位');

    await user.click(screen.getByRole('button', { name: '导出审核意见' }));
    await screen.findByText(/已写入工作表“审核意见”/);
    const sheets = await host.listSheets();
    expect(sheets.ok && sheets.value.map((s) => s.name)).toContain('审核意见');
    await act(() => app.live.stop());
  });
});
