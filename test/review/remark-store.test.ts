/** Remarks kept in the workbook through the host, and what the reviewer is told when they cannot be. */
import { MemoryWorkbookHost } from '../../src/adapters/memory';
import { createApp } from '../../src/app/app';
import type { WorkbookHost } from '../../src/host/types';
import {
  encodeRemarks,
  RemarkBook,
  WorkbookRemarkStore,
  type Remark,
  type RemarkResult,
} from '../../src/review';
import { unwrap } from '../office/helpers';
import { projectFormSheet } from '../helpers/project-form-sheet';

function ok<T>(r: RemarkResult<T>): T {
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

async function reopen(host: MemoryWorkbookHost): Promise<MemoryWorkbookHost> {
  return MemoryWorkbookHost.load(await host.save());
}

describe('remarks kept in the workbook', () => {
  it('survive save and reopen of the in-memory workbook', async () => {
    const host = await MemoryWorkbookHost.load(
      await MemoryWorkbookHost.fromData([projectFormSheet('项目表')]).save(),
    );
    const book = new RemarkBook(new WorkbookRemarkStore(host as Required<WorkbookHost>));
    await book.open();
    expect(book.status()).toMatchObject({ persistence: 'workbook', problem: null, message: null });
    const a = ok(
      await book.add({ sheet: '项目表', cell: 'E7', category: 'other', text: '<核实>&' }),
    );
    ok(await book.add({ sheet: '项目表', cell: 'B3', category: 'not-specific' }));

    const again = await reopen(host);
    const back = new RemarkBook(new WorkbookRemarkStore(again as Required<WorkbookHost>));
    await back.open();
    expect(back.list()).toEqual(book.list());
    // a new remark continues the ids, and an edit is kept too
    const c = ok(await back.add({ sheet: '项目表', cell: 'E8', category: 'add-benefit' }));
    expect(c.id).not.toBe(a.id);
    ok(await back.edit(a.id, { text: '已核实' }));
    const third = new RemarkBook(
      new WorkbookRemarkStore((await reopen(again)) as Required<WorkbookHost>),
    );
    await third.open();
    expect(third.list().map((r) => `${r.cell} ${r.text}`)).toEqual(['B3 ', 'E7 已核实', 'E8 ']);
  });

  it('an unreadable store is said so, shows nothing, and is never overwritten', async () => {
    const host = MemoryWorkbookHost.fromData([projectFormSheet('项目表')]);
    unwrap(await host.saveRemarks('{"version":1,"remarks":[{"oops"'));
    const damaged = await reopen(host);
    const book = new RemarkBook(new WorkbookRemarkStore(damaged as Required<WorkbookHost>));
    await book.open();
    expect(book.list()).toEqual([]);
    expect(book.status().problem).toMatch(/已损坏，无法读取/);
    ok(await book.add({ sheet: '项目表', cell: 'E7', category: 'add-output' }));
    expect(book.list()).toHaveLength(1);
    expect(book.status().problem).toMatch(/未保存到工作簿/);
    expect(await damaged.loadRemarks()).toMatchObject({ ok: false, error: { code: 'unreadable' } });
    const again = await reopen(damaged);
    expect(await again.loadRemarks()).toMatchObject({ ok: false, error: { code: 'unreadable' } });
  });

  it('entries it cannot read are kept in the file as they were', async () => {
    const host = MemoryWorkbookHost.fromData([projectFormSheet('项目表')]);
    const future = { id: 'f1', sheet: '项目表', cell: 'E7', category: 'future-kind', text: '' };
    unwrap(await host.saveRemarks(JSON.stringify({ version: 1, remarks: [future] })));
    const book = new RemarkBook(new WorkbookRemarkStore(host as Required<WorkbookHost>));
    await book.open();
    expect(book.status().problem).toMatch(/1 条审核意见无法读取/);
    ok(await book.add({ sheet: '项目表', cell: 'B3', category: 'other', text: '补充' }));
    const kept = JSON.parse(unwrap(await host.loadRemarks()) ?? '') as { remarks: unknown[] };
    expect(kept.remarks).toHaveLength(2);
    expect(kept.remarks).toContainEqual(future);
  });

  it('the app keeps remarks in the workbook, or for the session when the host cannot', async () => {
    const host = MemoryWorkbookHost.fromData([projectFormSheet('项目表')]);
    const keep: Remark = {
      id: 'r7',
      sheet: '项目表',
      cell: 'E7',
      row: 6,
      col: 4,
      category: 'value-mismatch',
      text: '',
      created: '2026-01-05T08:00:00.000Z',
      updated: '2026-01-05T08:00:00.000Z',
    };
    unwrap(await host.saveRemarks(encodeRemarks([keep])));
    const app = createApp({ host });
    await app.live.remarks.open();
    expect(app.live.remarks.list()).toEqual([keep]);
    expect(app.live.remarksStatus()).toMatchObject({ persistence: 'workbook', message: null });

    const bare = new Proxy(MemoryWorkbookHost.fromData([projectFormSheet('项目表')]), {
      get: (t, p) =>
        p === 'loadRemarks' || p === 'saveRemarks' ? undefined : (Reflect.get(t, p, t) as unknown),
    });
    const session = createApp({ host: bare });
    await session.live.remarks.open();
    expect(session.live.remarksStatus()).toMatchObject({
      persistence: 'session',
      message: expect.stringContaining('关闭后将丢失'),
    });
    ok(
      await session.live.remarks.add({ sheet: '项目表', cell: 'E7', category: 'other', text: 'x' }),
    );
    expect(session.live.remarks.list()).toHaveLength(1);
  });
});
