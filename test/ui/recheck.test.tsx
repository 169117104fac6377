/**
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// (exceljs, behind the memory workbook, needs Node's builds of its dependencies under jsdom)
/**
 * Re-checking a big workbook in the pane: the work a re-check causes (the pane's renders, the
 * sheets read) is no more than the first check's, and a cancelled re-check says how far it got.
 */
import { act, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { MemoryWorkbookHost } from '../../src/adapters/memory';
import { TaskPane } from '../../src/ui/components/TaskPane';
import { projectFormSheet, renderWithApp } from './helpers';

// a guard against a hang, not a speed goal: Fluent in jsdom is slow on a busy 2-core machine
jest.setTimeout(300_000);

const book = (n: number) =>
  MemoryWorkbookHost.fromData(Array.from({ length: n }, (_, i) => projectFormSheet(`表${i + 1}`)));

describe('re-checking in the pane', () => {
  it('a re-check of 300 sheets renders the pane and reads the sheets no more than the first check', async () => {
    const host = book(300);
    let commits = 0;
    const { app } = renderWithApp(
      <Profiler id="pane" onRender={() => void commits++}>
        <TaskPane />
      </Profiler>,
      { host },
    );
    // sheets read from the host, one by one or several at a time
    let sheetsRead = 0;
    const readSheet = host.readSheet.bind(host);
    const readSheets = host.readSheets.bind(host);
    host.readSheet = (name) => {
      sheetsRead++;
      return readSheet(name);
    };
    host.readSheets = (names) => {
      sheetsRead += names.length;
      return readSheets(names);
    };
    const reads = () => sheetsRead;
    let before = { commits, reads: reads() };
    await act(() => app.startLive());
    const first = { commits: commits - before.commits, reads: reads() - before.reads };
    expect(app.store.getState().check.sheets).toHaveLength(300);

    before = { commits, reads: reads() };
    await act(() => app.checkWorkbook());
    const again = { commits: commits - before.commits, reads: reads() - before.reads };
    expect(app.store.getState().check.status).toBe('done');
    expect(app.store.getState().check.sheets).toHaveLength(300);
    // both passes did real work, the second no more than the first
    expect(first.commits).toBeGreaterThan(0);
    expect(again.commits).toBeGreaterThan(0);
    expect(first.reads).toBeGreaterThanOrEqual(300);
    expect(again.reads).toBeGreaterThanOrEqual(300);
    expect(again.commits).toBeLessThanOrEqual(first.commits);
    expect(again.reads).toBeLessThanOrEqual(first.reads);
    await act(() => app.live.stop());
  });

  it('a cancelled re-check says how many sheets it checked, not the whole workbook', async () => {
    const { app } = renderWithApp(<TaskPane />, { host: book(30) });
    await act(() => app.startLive());
    let cancelled = false;
    const unsub = app.store.subscribe(() => {
      const p = app.store.getState().check.progress;
      if (p && p.done >= 5 && !cancelled) {
        cancelled = true;
        app.cancelCheck();
      }
    });
    await act(() => app.checkWorkbook());
    unsub();
    const s = app.store.getState().check;
    expect(s.status).toBe('cancelled');
    expect(s.lastRun?.total).toBe(30);
    expect(s.lastRun!.done).toBeGreaterThanOrEqual(5);
    expect(s.lastRun!.done).toBeLessThan(30);
    expect(
      await screen.findByText(new RegExp(`^已检查 ${s.lastRun!.done} / 30 个工作表，已取消`)),
    ).toBeInTheDocument();
    // the sheets it did not reach are still listed with their last results
    expect(s.sheets).toHaveLength(30);
    await act(() => app.live.stop());
  });
});
