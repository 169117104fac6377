/**
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The pane's 当前表单 / 选中单元格 line and the remark target follow the one selection, also when
// the app moves it; the 审核 tab says when kept remarks cannot be read, and replaces them only
// when asked.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryWorkbookHost } from '../../src/adapters/memory';
import { allFindings } from '../../src/app';
import { LiveSummary } from '../../src/ui/components/LivePanel';
import { ReviewTab } from '../../src/ui/components/ReviewTab';
import { TaskPane } from '../../src/ui/components/TaskPane';
import { projectFormSheet, renderWithApp } from './helpers';

// a guard against a hang, not a speed goal: Fluent in jsdom is slow on a busy 2-core machine
jest.setTimeout(240_000);

describe('one selection in the pane', () => {
  it('the summary line and the remark target move when the app goes to a finding', async () => {
    const host = MemoryWorkbookHost.fromData([projectFormSheet('甲'), projectFormSheet('乙')]);
    await host.selectCell('甲', 'A1');
    const { app } = renderWithApp(
      <>
        <LiveSummary />
        <ReviewTab />
      </>,
      { host },
    );
    await act(() => app.startLive());
    await waitFor(() => expect(screen.getByTestId('remark-cell')).toHaveTextContent('甲!A1'));

    // the app moves the selection (no selection event from the host)
    const typo = allFindings(app.store.getState().check).find(
      (f) => f.sheet === '乙' && f.rule === 'value.operator-typo',
    )!;
    await act(() => app.goToFinding(typo));
    expect(screen.getByTestId('remark-cell')).toHaveTextContent('乙!E7');
    expect(screen.getByTestId('selected-cell')).toHaveTextContent('乙!E7');
    expect(
      within(screen.getByTestId('selected-cell')).getByText(/》|书名号/, { exact: false }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('live-form-summary')).toHaveTextContent(/当前表单：办公设备购置/);

    // a remark goes to the cell the pane shows
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '添加审核意见' }));
    await waitFor(() =>
      expect(app.live.remarks.getState().map((r) => `${r.sheet}!${r.cell}`)).toEqual(['乙!E7']),
    );
    await act(() => app.stop());
  });
});

describe('the remark being written', () => {
  it('keeps its category and text while the reviewer looks at another tab', async () => {
    const host = MemoryWorkbookHost.fromData([projectFormSheet('甲')]);
    await host.selectCell('甲', 'B3');
    const { app } = renderWithApp(<TaskPane initialTab="review" />, { host });
    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox', { name: '类别' }));
    await user.click(screen.getByRole('option', { name: '指标不够细化量化' }));
    await user.type(screen.getByRole('textbox', { name: '意见内容' }), '请细化');
    await user.click(screen.getByRole('tab', { name: '检查' }));
    expect(screen.queryByRole('combobox', { name: '类别' })).toBeNull();
    await user.click(screen.getByRole('tab', { name: '审核' }));
    expect(screen.getByRole('combobox', { name: '类别' })).toHaveTextContent('指标不够细化量化');
    expect(screen.getByRole('textbox', { name: '意见内容' })).toHaveValue('请细化');
    // added, the text is cleared and the category stays for the next remark
    await user.click(screen.getByRole('button', { name: '添加审核意见' }));
    await waitFor(() =>
      expect(app.live.remarks.getState().map((r) => [r.cell, r.category, r.text])).toEqual([
        ['B3', 'not-specific', '请细化'],
      ]),
    );
    expect(screen.getByRole('textbox', { name: '意见内容' })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: '类别' })).toHaveTextContent('指标不够细化量化');
    await act(() => app.stop());
  });
});

describe('kept remarks in the 审核 tab', () => {
  it('says the kept remarks cannot be read and replaces them only when asked', async () => {
    const host = MemoryWorkbookHost.fromData([projectFormSheet('甲')]);
    await host.saveRemarks('不是审核意见');
    const { app } = renderWithApp(<ReviewTab />, { host });
    const status = await screen.findByTestId('remarks-status');
    expect(status).toHaveTextContent('工作簿中保存的审核意见已损坏，无法读取。');
    await act(() => app.selectCell('甲', 'E7'));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '添加审核意见' }));
    await screen.findByRole('list', { name: '审核意见' });
    const kept = async () => {
      const r = await host.loadRemarks();
      return r.ok ? r.value : null;
    };
    expect(await kept()).toBe('不是审核意见');
    await user.click(screen.getByRole('button', { name: '用当前意见覆盖' }));
    await waitFor(() => expect(screen.queryByTestId('remarks-status')).toBeNull());
    expect(JSON.parse((await kept())!).remarks).toHaveLength(1);
  });
});
