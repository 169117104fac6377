/**
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// (exceljs, behind the memory workbook, needs Node's builds of its dependencies under jsdom)
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CheckTab } from '../../src/ui/components/CheckTab';
import { MemoryWorkbookHost } from '../../src/adapters/memory';
import { fakeHost, never, projectFormSheet, renderWithApp } from './helpers';

const user = () => userEvent.setup();

// a guard against a hang, not a speed goal: Fluent in jsdom is slow on a busy 2-core machine
jest.setTimeout(240_000);

describe('检查 tab', () => {
  it('empty: says nothing was checked yet and offers both checks', () => {
    renderWithApp(<CheckTab />);
    expect(screen.getByText('尚未检查')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /检查工作簿/ })).toBeEnabled();
    expect(screen.getByRole('button', { name: '检查当前工作表' })).toBeEnabled();
  });

  it('lists findings grouped by sheet and form, with counts by severity', async () => {
    const host = MemoryWorkbookHost.fromData([
      projectFormSheet('项目表'),
      { name: '空表', cells: [], merges: [] },
    ]);
    renderWithApp(<CheckTab />, { host });
    await user().click(screen.getByRole('button', { name: /检查工作簿/ }));
    await screen.findByText(/已检查 2 个工作表，找到 1 张表单，发现 3 个问题/);
    expect(screen.getByRole('heading', { level: 3, name: /项目表/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 4, name: /办公设备购置/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '错误 2 个' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('button', { name: '提示 1 个' })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(host.highlightAt('项目表', 'E7')).toBe('error');
  });

  it('filters by severity, rule and text, and clears the filter', async () => {
    const host = MemoryWorkbookHost.fromData([projectFormSheet()]);
    renderWithApp(<CheckTab />, { host });
    const u = user();
    await u.click(screen.getByRole('button', { name: /检查工作簿/ }));
    await screen.findAllByRole('listitem');
    await u.click(screen.getByRole('button', { name: '错误 2 个' }));
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    await u.click(screen.getByRole('button', { name: '错误 2 个' }));
    // the rule filter is a Fluent dropdown: names beside ids
    await u.click(screen.getByRole('combobox', { name: '规则' }));
    await u.click(screen.getByRole('option', { name: /指标值为空（1）/ }));
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    await u.click(screen.getByRole('combobox', { name: '规则' }));
    await u.click(screen.getByRole('option', { name: '全部规则' }));
    await u.type(screen.getByRole('searchbox', { name: '搜索问题' }), '不存在的词');
    expect(screen.getByText('没有符合筛选条件的问题。')).toBeInTheDocument();
    await u.click(screen.getByRole('button', { name: '清除筛选' }));
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });

  it('goes to a finding, applies a suggestion only on click, and undoes it', async () => {
    const host = MemoryWorkbookHost.fromData([projectFormSheet()]);
    renderWithApp(<CheckTab />, { host });
    const u = user();
    await u.click(screen.getByRole('button', { name: /检查工作簿/ }));
    const item = (await screen.findAllByRole('listitem')).find(
      (li) => li.dataset.rule === 'value.operator-typo',
    )!;
    // short accessible names: where, how bad, which rule; the message is the description
    const go = within(item).getByRole('button', { name: 'E7 错误 比较符误写' });
    expect(go).toHaveAccessibleDescription(/》/);
    await u.click(go);
    await waitFor(async () => {
      const sel = await host.activeSelection();
      expect(sel.ok && sel.value.address).toBe('E7');
    });
    expect((await host.readRows('项目表', 6, 6)).ok).toBe(true);
    // the button shows the change; the accessible name says it in a few words
    const fix = within(item).getByRole('button', { name: '将“》20台”改为“>20台”' });
    expect(fix).toHaveTextContent('》20台 → >20台');
    await u.click(fix);
    await screen.findByText('已修改 项目表!E7：》20台 → >20台。');
    const rows = await host.readRows('项目表', 6, 6);
    expect(rows.ok && rows.value.cells[0][4]).toBe('>20台');
    expect(document.querySelector('li[data-rule="value.operator-typo"]')).toBeNull();
    await u.click(screen.getByRole('button', { name: '撤销' }));
    await screen.findByText(/^已撤销/);
    const back = await host.readRows('项目表', 6, 6);
    expect(back.ok && back.value.cells[0][4]).toBe('》20台');
    expect(document.querySelector('li[data-rule="value.operator-typo"]')).not.toBeNull();
  });

  it('fixes all findings of one rule at once', async () => {
    const host = MemoryWorkbookHost.fromData([projectFormSheet('甲'), projectFormSheet('乙')]);
    renderWithApp(<CheckTab />, { host });
    const u = user();
    await u.click(screen.getByRole('button', { name: /检查工作簿/ }));
    await screen.findAllByRole('listitem');
    await u.click(screen.getByRole('combobox', { name: '规则' }));
    await u.click(screen.getByRole('option', { name: /比较符误写/ }));
    await u.click(screen.getByRole('button', { name: /全部修正（2）/ }));
    await screen.findByText(/已修正“.*” 2 处/);
    expect(document.querySelectorAll('li[data-rule="value.operator-typo"]')).toHaveLength(0);
  });

  it('busy: shows progress that screen readers hear, and cancels', async () => {
    const host = fakeHost({
      listSheets: async () => ({
        ok: true,
        value: [{ name: '表1', visible: true, protected: false }],
      }),
      readSheets: () => never(),
    });
    const { app } = renderWithApp(<CheckTab />, { host });
    const u = user();
    await u.click(screen.getByRole('button', { name: /检查工作簿/ }));
    const status = await screen.findByText(/正在检查工作表“表1”（1\/1）/);
    expect(status.closest('[aria-live="polite"]')).not.toBeNull();
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /检查工作簿/ })).toBeDisabled();
    expect(app.store.getState().check.status).toBe('running');
  });

  it('error: a host failure shows as a Chinese alert that can be closed', async () => {
    const host = fakeHost({
      listSheets: async () => ({
        ok: false,
        error: { code: 'busy', message: 'Excel 正忙（可能正在编辑单元格），请完成编辑后重试。' },
      }),
    });
    renderWithApp(<CheckTab />, { host });
    const u = user();
    await u.click(screen.getByRole('button', { name: /检查工作簿/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Excel 正忙');
    await u.click(within(alert).getByRole('button', { name: '关闭提示' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so when a workbook has no forms, and when a form has no problems', async () => {
    const host = MemoryWorkbookHost.fromData([
      { name: 'Sheet1', cells: [['随便写点']], merges: [] },
    ]);
    renderWithApp(<CheckTab />, { host });
    await user().click(screen.getByRole('button', { name: /检查工作簿/ }));
    expect(await screen.findByText('没有找到绩效目标表')).toBeInTheDocument();
  });

  it('says a title was found but its form could not be read, never 没有找到 or 没有发现问题', async () => {
    const host = MemoryWorkbookHost.fromData([
      {
        name: '表1',
        cells: [['2024年项目支出绩效目标表'], ['序号', '内容', '金额'], [1, '培训', 10]],
        merges: [],
      },
    ]);
    renderWithApp(<CheckTab />, { host });
    await user().click(screen.getByRole('button', { name: /检查工作簿/ }));
    expect(await screen.findByTestId('unread-titles')).toHaveTextContent(
      '表1!A1“2024年项目支出绩效目标表”：找到了标题，但未能读出这张表',
    );
    expect(screen.queryByText('没有找到绩效目标表')).toBeNull();
    expect(screen.queryByText('没有发现问题。')).toBeNull();
  });

  it('cancels a long check and keeps what was checked', async () => {
    const sheets = Array.from({ length: 12 }, (_, i) => projectFormSheet(`表${i + 1}`));
    const host = MemoryWorkbookHost.fromData(sheets);
    const { app } = renderWithApp(<CheckTab />, { host });
    let cancelled = false;
    const unsub = app.store.subscribe(() => {
      const p = app.store.getState().check.progress;
      if (p && p.done >= 3 && !cancelled) {
        cancelled = true;
        app.cancelCheck();
      }
    });
    await act(() => app.checkWorkbook());
    unsub();
    // the message says what was done
    const done = app.store.getState().check.sheets.length;
    expect(
      await screen.findByText(new RegExp(`^已检查 ${done} / 12 个工作表，已取消`)),
    ).toBeInTheDocument();
    expect(app.store.getState().check.sheets.length).toBeLessThan(12);
  });
});
