/** Change and selection events: every sheet (also ones added later), without the add-in's own writes. */
import type { CellLocation, SheetChange } from '../../src/host/types';
import { OfficeWorkbookHost } from '../../src/office/host';
import { FakeExcel } from './fake-excel';
import { flush, syncsOf, unwrap } from './helpers';

function setup(reportsTriggerSource: boolean) {
  const fake = new FakeExcel();
  fake.reportsTriggerSource = reportsTriggerSource;
  fake.setValues(fake.addSheet('表1'), [['项目名称', 'x']]);
  fake.addSheet('表2');
  const host = new OfficeWorkbookHost(fake.run, {
    mergedAreas: true,
    triggerSource: reportsTriggerSource,
  });
  return { fake, host };
}

describe.each([true, false])('onChanged (host reports triggerSource: %s)', (reports) => {
  it('reports people’s edits with rows and kind, and ignores the add-in’s own writes', async () => {
    const { fake, host } = setup(reports);
    const changes: SheetChange[] = [];
    expect(
      await syncsOf(fake, async () => unwrap(await host.onChanged((c) => changes.push(c)))),
    ).toBe(1);

    fake.userEdit('表2', 'C5', [['》90%'], ['《15万元']]);
    await flush();
    expect(changes).toEqual([
      { sheet: '表2', kind: 'edit', address: 'C5:C6', rows: { top: 4, bottom: 5 } },
    ]);

    unwrap(await host.setCellValue('表2', 'C5', '≥90%'));
    unwrap(
      await host.setCellValues([
        { sheet: '表1', cell: 'B1', value: '≤15万元' },
        { sheet: '表2', cell: 'C6', value: '<15万元' },
      ]),
    );
    await flush();
    expect(changes).toHaveLength(1);
    expect(fake.getCell(fake.sheet('表2'), 4, 2)?.value).toBe('≥90%');

    fake.userInsertRows('表1', 2, 3);
    await flush();
    expect(changes[1]).toEqual({
      sheet: '表1',
      kind: 'rows-inserted',
      address: '3:5',
      rows: { top: 2, bottom: 4 },
    });
  });

  it('covers sheets added later, but not sheets the add-in adds', async () => {
    const { fake, host } = setup(reports);
    const changes: SheetChange[] = [];
    unwrap(await host.onChanged((c) => changes.push(c)));
    fake.userAddSheet('新表');
    await flush();
    await flush();
    fake.userEdit('新表', 'A1', [['x']]);
    await flush();
    await flush();
    expect(changes).toEqual([
      { sheet: '新表', kind: 'sheet-added', address: '', rows: null },
      { sheet: '新表', kind: 'edit', address: 'A1', rows: { top: 0, bottom: 0 } },
    ]);
    unwrap(await host.writeTable('导出', ['a'], [[1], [2]]));
    await flush();
    await flush();
    expect(changes).toHaveLength(2);
  });

  it('unsubscribes', async () => {
    const { fake, host } = setup(reports);
    const changes: SheetChange[] = [];
    const off = unwrap(await host.onChanged((c) => changes.push(c)));
    await off();
    fake.userEdit('表1', 'A1', [['y']]);
    await flush();
    expect(changes).toEqual([]);
  });
});

describe('selection', () => {
  it('selectCell activates and selects in one sync; activeSelection reads it back', async () => {
    const { fake, host } = setup(true);
    expect(await syncsOf(fake, async () => unwrap(await host.selectCell('表2', 'D7')))).toBe(1);
    expect(fake.activeSheetId).toBe(fake.sheet('表2').id);
    expect(unwrap(await host.activeSelection())).toEqual({
      sheet: '表2',
      address: 'D7',
      row: 6,
      col: 3,
    });
  });

  it('follows selection changes on any sheet', async () => {
    const { fake, host } = setup(true);
    const seen: CellLocation[] = [];
    unwrap(await host.onSelectionChanged((s) => seen.push(s)));
    fake.selectionHandlers.forEach(
      (h) =>
        void h({
          worksheetId: fake.sheet('表1').id,
          address: 'B3:C4',
          type: 'WorksheetSelectionChanged',
        }),
    );
    await flush();
    expect(seen).toEqual([{ sheet: '表1', address: 'B3:C4', row: 2, col: 1 }]);
  });
});
