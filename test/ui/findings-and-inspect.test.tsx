/**
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Fix buttons show the change with the whole value in a tooltip, a formula cell gets advice and no
// button, groups are named after the form, and 识别结果 shows how the active form was read.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MemoryWorkbookHost } from '../../src/adapters/memory';
import type { Finding } from '../../src/engine';
import { CheckTab } from '../../src/ui/components/CheckTab';
import { FindingItem } from '../../src/ui/components/FindingItem';
import { renderWithApp } from './helpers';

jest.setTimeout(240_000);

const GUANGZHOU = path.resolve(
  __dirname,
  '../../fixtures/seeds/guangzhou-env-tech-center-project-list.xlsx',
);

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'funding.row-sum',
  severity: 'error',
  sheet: '表1',
  cell: 'D7',
  row: 6,
  col: 3,
  message: '总计不等于各项之和。',
  suggestions: [],
  form: 0,
  ...over,
});

describe('fix labels', () => {
  it('a packed cell: each button shows its change, ≤ and < apart, the whole value on hover', async () => {
    const host = await MemoryWorkbookHost.load(readFileSync(GUANGZHOU));
    const { app } = renderWithApp(<CheckTab />, { host });
    await act(() => app.startLive());
    const item = (await screen.findAllByRole('listitem')).find(
      (li) => li.dataset.rule === 'value.operator-typo',
    )!;
    const le = await within(item).findByRole('button', { name: '将“《330”改为“≤330”' });
    const lt = within(item).getByRole('button', { name: '将“《330”改为“<330”' });
    expect(le).toHaveTextContent(/^《330 → ≤330$/);
    expect(lt).toHaveTextContent(/^《330 → <330$/);
    // the whole new value: the tooltip, which is also the button's description
    expect(le).toHaveAccessibleDescription(/^改为：1、.*≤330/);
    await userEvent.setup().hover(le);
    const tip = await screen.findByRole('tooltip', {}, { timeout: 5000 });
    expect(tip.textContent).toMatch(/^改为：1、.*≤330/);
    await act(() => app.stop());
  });

  it('a formula cell: advice, never a button that would replace the formula', () => {
    const f = finding({
      suggestions: [{ text: '300', value: 300, replacesFormula: true }],
    });
    renderWithApp(
      <ul>
        <FindingItem finding={f} selected={false} busy={false} onGo={() => {}} onApply={() => {}} />
      </ul>,
    );
    expect(screen.getByText('公式单元格：请检查公式中的各项')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /改为/ })).toBeNull();
    expect(screen.getAllByRole('button')).toHaveLength(1);
  });
});

describe('识别结果', () => {
  it('shows how the form at the selection was read, and its addresses select cells', async () => {
    const host = await MemoryWorkbookHost.load(readFileSync(GUANGZHOU));
    const { app } = renderWithApp(<CheckTab />, { host });
    await act(() => app.startLive());
    const typo = app.store
      .getState()
      .check.sheets.flatMap((s) => s.findings)
      .find((f) => f.rule === 'value.operator-typo')!;
    await act(() => app.goToFinding(typo));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /识别结果/ }));
    const form = await screen.findByTestId('inspected-form');
    expect(form).toHaveTextContent('项目支出绩效目标表（含转移支付项目）');
    expect(form).toHaveTextContent(/共读出 \d+ 个指标。/);
    expect(within(form).getAllByRole('table', { name: '读出的指标' }).length).toBeGreaterThan(0);
    // an address link selects its cell (found by its text: role queries over hundreds of
    // links are slow in jsdom)
    const links = within(form).getAllByText(typo.cell, { selector: 'button' });
    expect(links[0]).toHaveAccessibleName(`选中 ${typo.cell}`);
    // the title's cell, away from the selection
    const line = within(form).getByText(/^标题：/);
    const title = within(line).getByRole('button');
    const address = title.textContent!;
    expect(address).not.toBe(typo.cell);
    await user.click(title);
    await waitFor(() => expect(app.store.getState().selection.current?.address).toBe(address));
    await act(() => app.stop());
  });
});
