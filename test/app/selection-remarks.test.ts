/**
 * Issue 11, the app layer: one selection that everything follows (a person's moves and the app's
 * own), review remarks kept in the workbook (loaded at start, saved on every change, never
 * overwritten when unreadable), fix texts, cancel messages and the 识别结果 data.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MemoryWorkbookHost } from '../../src/adapters/memory';
import { createApp, type App } from '../../src/app';
import { allFindings } from '../../src/app/check/selectors';
import { encodeRemarks, type Remark } from '../../src/review';
import type { HostResult, WorkbookHost } from '../../src/host/types';
import { projectFormSheet } from '../helpers/project-form-sheet';

const SEEDS = path.resolve(__dirname, '../../fixtures/seeds');
const GUANGZHOU = 'guangzhou-env-tech-center-project-list.xlsx';

/** Lets the app's start-up reads (selection, kept remarks) finish. */
const settle = () => new Promise((r) => setTimeout(r, 0));

async function start(host: WorkbookHost): Promise<App> {
  const app = createApp({ host, now: () => 0 });
  await settle();
  return app;
}

const selected = (app: App) => {
  const s = app.store.getState().selection.current;
  return s ? `${s.sheet}!${s.address}` : null;
};

const kept = async (host: WorkbookHost): Promise<string | null> => {
  const r = await host.loadRemarks!();
  return r.ok ? r.value : `失败：${r.error.message}`;
};

describe('one selection', () => {
  it('follows the host: the current selection at start, then every move a person makes', async () => {
    const host = MemoryWorkbookHost.fromData([projectFormSheet('甲'), projectFormSheet('乙')]);
    await host.selectCell('甲', 'C4');
    const app = await start(host);
    expect(selected(app)).toBe('甲!C4');
    host.userSelect('乙', 'E7');
    expect(selected(app)).toBe('乙!E7');
  });

  it("follows the app's own moves: a finding, a template, export sheets, 审核意见", async () => {
    const host = MemoryWorkbookHost.fromData([projectFormSheet('甲'), projectFormSheet('乙')]);
    const app = await start(host);
    await app.checkWorkbook();
    const typo = allFindings(app.store.getState().check).find(
      (f) => f.sheet === '乙' && f.rule === 'value.operator-typo',
    )!;
    await app.goToFinding(typo);
    expect(selected(app)).toBe('乙!E7');

    const inserted = await app.insertTemplate();
    expect(selected(app)).toBe(`${inserted}!A1`);

    await app.exportTo('sheets');
    expect(app.store.getState().export.status).toBe('done');
    expect(selected(app)).toBe('指标!A1');
    expect(host.activeSheet).toBe('指标');

    await app.startLive();
    const review = await app.live.exportReview();
    expect(selected(app)).toBe(`${review.sheet}!A1`);
    await app.stop();
  });

  it('stops following when the app stops (another file opened)', async () => {
    const host = MemoryWorkbookHost.fromData([projectFormSheet('甲')]);
    const app = await start(host);
    await app.stop();
    host.userSelect('甲', 'B2');
    expect(selected(app)).not.toBe('甲!B2');
  });
});

describe('remarks kept in the workbook', () => {
  const remark = (over: Partial<Remark> = {}): Remark => ({
    id: 'r1',
    sheet: '甲',
    cell: 'E7',
    row: 6,
    col: 4,
    category: 'value-mismatch',
    text: '请核实单位',
    created: '2026-01-01T00:00:00.000Z',
    updated: '2026-01-01T00:00:00.000Z',
    ...over,
  });

  const status = (app: App) => app.live.remarksStatus();

  it('loads them at start and saves every change', async () => {
    const host = MemoryWorkbookHost.fromData([projectFormSheet('甲')]);
    await host.saveRemarks(encodeRemarks([remark()]));
    const app = await start(host);
    expect(status(app)).toEqual({
      persistence: 'workbook',
      loading: false,
      problem: null,
      message: null,
      action: null,
    });
    expect(app.live.remarks.getState().map((r) => `${r.cell} ${r.text}`)).toEqual([
      'E7 请核实单位',
    ]);
    const added = await app.live.remarks.add({ sheet: '甲', cell: 'C8', category: 'incomplete' });
    expect(added.ok).toBe(true);
    expect(JSON.parse((await kept(host))!).remarks).toHaveLength(2);
    await app.live.remarks.remove('r1');
    expect(JSON.parse((await kept(host))!).remarks.map((r: Remark) => r.cell)).toEqual(['C8']);
  });

  it('travel with the downloaded file and come back when it is opened again', async () => {
    const host = await MemoryWorkbookHost.load(readFileSync(path.join(SEEDS, GUANGZHOU)));
    const app = await start(host);
    const sheet = host.activeSheet;
    await app.live.remarks.add({ sheet, cell: 'G7', category: 'not-specific', text: '细化' });
    const reopened = await MemoryWorkbookHost.load(await host.save());
    const again = await start(reopened);
    expect(status(again).problem).toBeNull();
    expect(again.live.remarks.getState().map((r) => `${r.sheet}!${r.cell} ${r.text}`)).toEqual([
      `${sheet}!G7 细化`,
    ]);
  });

  it('says so when the kept remarks cannot be read, and keeps them until told otherwise', async () => {
    const host = MemoryWorkbookHost.fromData([projectFormSheet('甲')]);
    await host.saveRemarks('{"version":1,"remarks":');
    const app = await start(host);
    expect(status(app).message).toMatch(/已损坏，无法读取。为避免覆盖/);
    expect(status(app).action).toBe('replace');
    await app.live.remarks.add({ sheet: '甲', cell: 'E7', category: 'incomplete' });
    expect(app.live.remarks.getState()).toHaveLength(1);
    expect(await kept(host)).toBe('{"version":1,"remarks":');
    // a retry is not a replace: still kept as it was
    await app.live.remarks.retry();
    expect(await kept(host)).toBe('{"version":1,"remarks":');
    // the reviewer chose to replace them
    await app.live.remarks.replaceKept();
    expect(status(app)).toMatchObject({ problem: null, message: null, action: null });
    expect(JSON.parse((await kept(host))!).remarks).toHaveLength(1);
  });

  it('tells a newer format apart, and remarks of which some are unreadable', async () => {
    const host = MemoryWorkbookHost.fromData([projectFormSheet('甲')]);
    await host.saveRemarks(JSON.stringify({ version: 2, remarks: [] }));
    expect(status(await start(host)).message).toMatch(/更新版本/);
    await host.saveRemarks(JSON.stringify({ version: 1, remarks: [remark(), { id: 'x' }] }));
    const app = await start(host);
    expect(status(app).message).toMatch(/有 1 条审核意见无法读取/);
    expect(app.live.remarks.getState()).toHaveLength(1);
  });

  it('says so when the host cannot keep remarks, or a save fails', async () => {
    const memory = MemoryWorkbookHost.fromData([projectFormSheet('甲')]);
    const bare = Object.assign(Object.create(memory) as MemoryWorkbookHost, {
      loadRemarks: undefined,
      saveRemarks: undefined,
    });
    const app = await start(bare);
    expect(status(app).persistence).toBe('session');
    expect(status(app).message).toMatch(/关闭后将丢失/);

    let refuse = true;
    const flaky = Object.assign(Object.create(memory) as MemoryWorkbookHost, {
      saveRemarks: async (text: string): Promise<HostResult<void>> =>
        refuse
          ? { ok: false, error: { code: 'sheet-protected', message: '工作簿受保护。' } }
          : memory.saveRemarks(text),
    });
    const app2 = await start(flaky);
    await app2.live.remarks.add({ sheet: '甲', cell: 'E7', category: 'incomplete' });
    expect(status(app2).message).toBe('审核意见未能保存到工作簿：工作簿受保护。');
    expect(status(app2).action).toBe('retry');
    refuse = false;
    await app2.live.remarks.retry();
    expect(status(app2)).toMatchObject({ problem: null, action: null });
    expect(JSON.parse((await kept(memory))!).remarks).toHaveLength(1);
  });
});

describe('fix texts, cancel messages, 识别结果', () => {
  it('exports 审核意见 with the change in 建议, not the whole packed cell', async () => {
    const host = await MemoryWorkbookHost.load(readFileSync(path.join(SEEDS, GUANGZHOU)));
    const app = await start(host);
    await app.startLive();
    const review = await app.live.exportReview();
    const rows = await host.readSheet(review.sheet);
    if (!rows.ok) throw new Error(rows.error.message);
    const typo = rows.value.cells.find((r) => String(r[4] ?? '').includes('operator-typo'))!;
    expect(typo[4]).toBe('比较符误写（value.operator-typo）');
    expect(typo[7]).toBe('《330 → ≤330；《330 → <330');
    // every 建议 is short, whatever the cell holds
    for (const r of rows.value.cells.slice(1)) expect(String(r[7] ?? '').length).toBeLessThan(80);
    await app.stop();
  });

  it('says how far a cancelled check got', async () => {
    const host = MemoryWorkbookHost.fromData(
      Array.from({ length: 12 }, (_, i) => projectFormSheet(`表${i + 1}`)),
    );
    const app = await start(host);
    const off = app.store.subscribe(() => {
      if ((app.store.getState().check.progress?.done ?? 0) >= 4) app.cancelCheck();
    });
    await app.checkWorkbook();
    off();
    const s = app.store.getState().check;
    expect(s.status).toBe('cancelled');
    expect(s.lastRun).toEqual({ done: s.sheets.length, total: 12 });
    expect(s.sheets.length).toBeLessThan(12);
  });

  it('reads how the form at the selection was read', async () => {
    const host = MemoryWorkbookHost.fromData([projectFormSheet('甲')]);
    const app = await start(host);
    expect(await app.inspectActiveForm()).toEqual({ status: 'none' });
    await app.checkWorkbook();
    await app.selectCell('甲', 'E7');
    const r = await app.inspectActiveForm();
    if (r.status !== 'read') throw new Error(r.status);
    expect(r.form.kindLabel).toBe('项目支出绩效目标表');
    expect(r.form.fields.find((f) => f.label === '项目名称')).toMatchObject({
      cell: 'B2',
      text: '办公设备购置',
    });
    expect(r.form.table?.rows.find((x) => x.name.text === '购置台数')?.values[0]).toMatchObject({
      cell: 'E7',
      text: '》20台',
    });
  });
});
