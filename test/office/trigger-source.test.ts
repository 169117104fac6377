/**
 * `triggerSource` (ExcelApi 1.14) is read only behind its feature flag: on an older host the add-in
 * recognises its own writes by the time window alone, whatever the event object carries.
 */
import type { SheetChange } from '../../src/host/types';
import { OfficeWorkbookHost } from '../../src/office/host';
import { FakeExcel } from './fake-excel';
import { flush, unwrap } from './helpers';

/** A host whose own-write time window has always expired: only triggerSource can tell. */
function setup(triggerSource: boolean) {
  const fake = new FakeExcel();
  fake.reportsTriggerSource = true;
  fake.setValues(fake.addSheet('表1'), [['项目名称', 'x']]);
  let clock = 0;
  const host = new OfficeWorkbookHost(
    fake.run,
    { mergedAreas: true, triggerSource },
    { ownWriteMs: 0, now: () => (clock += 10_000) },
  );
  return { fake, host };
}

async function changesAfterOwnWrite(triggerSource: boolean): Promise<SheetChange[]> {
  const { fake, host } = setup(triggerSource);
  const changes: SheetChange[] = [];
  unwrap(await host.onChanged((c) => changes.push(c)));
  unwrap(await host.setCellValue('表1', 'B1', '≥90%'));
  await flush();
  fake.userEdit('表1', 'B2', [['《15万元']]);
  await flush();
  return changes;
}

describe('triggerSource behind ExcelApi 1.14', () => {
  it('on a 1.14 host, the add-in’s own write is recognised by triggerSource', async () => {
    expect(await changesAfterOwnWrite(true)).toEqual([
      { sheet: '表1', kind: 'edit', address: 'B2', rows: { top: 1, bottom: 1 } },
    ]);
  });

  it('on an older host, triggerSource is not read: outside the time window the write counts', async () => {
    expect((await changesAfterOwnWrite(false)).map((c) => c.address)).toEqual(['B1', 'B2']);
  });
});
