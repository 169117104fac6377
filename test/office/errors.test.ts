/** Names and failures: unique new sheets, nothing overwritten, typed errors with Chinese messages. */
import { OfficeWorkbookHost } from '../../src/office/host';
import { projectTemplate } from '../../src/templates/project';
import { FakeExcel } from './fake-excel';
import { fakeBook, normalised, unwrap } from './helpers';

describe('new sheets never touch existing ones', () => {
  it('insertSheetFromSpec picks a unique name, activates it and leaves the namesake as it was', async () => {
    const fake = new FakeExcel();
    const existing = fake.addSheet('项目支出绩效目标表');
    fake.setValues(existing, [['我的数据', 1]]);
    const snap = JSON.stringify([...existing.cells]);
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    const a = unwrap(await host.insertSheetFromSpec(projectTemplate().sheet, '项目支出绩效目标表'));
    const b = unwrap(await host.insertSheetFromSpec(projectTemplate().sheet, '项目支出绩效目标表'));
    expect([a, b]).toEqual(['项目支出绩效目标表 (2)', '项目支出绩效目标表 (3)']);
    expect(JSON.stringify([...existing.cells])).toBe(snap);
    expect(fake.activeSheetId).toBe(fake.sheet(b).id);
    // the template landed: title text, merges, validations, widths, print setup, protection
    const s = fake.sheet(a);
    expect(
      [...s.cells.values()].some(
        (c) => typeof c.value === 'string' && c.value.includes('绩效目标表'),
      ),
    ).toBe(true);
    expect([...s.cells.values()].some((c) => c.formula)).toBe(true);
    expect(s.merges.length).toBeGreaterThan(3);
    expect(s.validations.length).toBeGreaterThan(0);
    expect(s.columnWidths.size).toBeGreaterThan(3);
    expect(s.pageLayout).toMatchObject({
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
    expect(s.protected).toBe(true);
  });

  it('writeTable writes into a new sheet, never over one with the same name', async () => {
    const fake = new FakeExcel();
    fake.setValues(fake.addSheet('规范化指标'), [['旧的']]);
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    const name = unwrap(
      await host.writeTable(
        '规范化指标',
        ['项目', '数值'],
        [
          ['甲', 1],
          ['乙', null],
        ],
      ),
    );
    expect(name).toBe('规范化指标 (2)');
    expect(fake.getCell(fake.sheet('规范化指标'), 0, 0)?.value).toBe('旧的');
    const s = fake.sheet(name);
    expect(fake.getCell(s, 0, 0)?.value).toBe('项目');
    expect(fake.getCell(s, 1, 1)?.value).toBe(1);
    expect(s.frozenRows).toBe(1);
  });
});

describe('typed errors', () => {
  it('a missing sheet', async () => {
    const { host } = fakeBook(2);
    for (const r of [
      await host.readSheet('不存在'),
      await host.readRows('不存在', 0, 5),
      await host.selectCell('不存在', 'A1'),
      await host.setCellValue('不存在', 'A1', 'x'),
    ]) {
      expect(r).toEqual({
        ok: false,
        error: expect.objectContaining({
          code: 'sheet-missing',
          sheet: '不存在',
          message: expect.stringContaining('找不到工作表'),
        }),
      });
    }
    const h = unwrap(await host.applyHighlights(new Map([['不存在', []]])));
    expect(h.skipped[0].code).toBe('sheet-missing');
  });

  it('a protected sheet refuses a suggestion', async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet('表');
    fake.setValues(s, [['》90%']]);
    s.protected = true;
    s.password = 'x';
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    const r = await host.setCellValue('表', 'A1', '≥90%');
    expect(r).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'sheet-protected',
        message: expect.stringContaining('撤销工作表保护'),
      }),
    });
    expect(fake.getCell(s, 0, 0)?.value).toBe('》90%');
  });

  it('a sheet too large to read in one go', async () => {
    const { host } = fakeBook(50, 1, { maxCells: 1000 });
    const r = await host.readSheets(['项目1']);
    expect(r).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'too-large',
        message: expect.stringContaining('过大'),
      }),
    });
  });

  it('an invalid address', async () => {
    const { host } = fakeBook(1);
    expect(await host.selectCell('项目1', 'not a cell')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'invalid-address' }),
    });
  });

  it('without ExcelApi 1.13 values are read and merges are left out', async () => {
    const { fake, sheets } = fakeBook(3);
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: false });
    const d = unwrap(await host.readSheet(sheets[0].sheet.name));
    expect(d.merges).toEqual([]);
    expect(d.cells.length).toBeGreaterThan(20);
  });

  it('a read bigger than one response is split over more syncs, not refused', async () => {
    const { fake, host, sheets } = fakeBook(60, 2, { cellsPerSync: 2000 });
    const before = fake.syncCount;
    const d = unwrap(await host.readSheets(sheets.map((s) => s.sheet.name)));
    expect(d.map(normalised)).toEqual(sheets.map((s) => normalised(s.sheet)));
    expect(fake.syncCount - before).toBeGreaterThan(2);
  });

  it('a response Excel refuses as too large is read again in halves', async () => {
    const { fake, host, sheets } = fakeBook(60, 2);
    const names = sheets.map((s) => s.sheet.name);
    fake.maxResponseBytes = 60_000; // a sheet's values alone are about 200 KB
    const before = fake.syncCount;
    const d = unwrap(await host.readSheets(names));
    expect(d.map(normalised)).toEqual(sheets.map((s) => normalised(s.sheet)));
    expect(fake.syncCount - before).toBeGreaterThan(4);
  });

  it('a single row too large for a response is refused with a Chinese message', async () => {
    const fake = new FakeExcel();
    fake.setValues(fake.addSheet('长文本'), [['甲'.repeat(30_000), '乙'.repeat(30_000)]]);
    fake.maxResponseBytes = 100_000;
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    expect(await host.readSheet('长文本')).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'too-large',
        message: expect.stringContaining('过大'),
      }),
    });
  });
});
