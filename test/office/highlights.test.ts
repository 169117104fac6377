/** Highlights never damage the workbook: apply → clear leaves every format exactly as it was. */
import type { Finding } from '../../src/engine';
import { markerSeverity } from '../../src/host/highlights';
import { OfficeWorkbookHost } from '../../src/office/host';
import { projectTemplate } from '../../src/templates/project';
import { FakeExcel, type FakeSheet } from './fake-excel';
import { formatByHand, syncsOf, unwrap } from './helpers';

function finding(
  row: number,
  col: number,
  severity: Finding['severity'],
): Pick<Finding, 'row' | 'col' | 'severity'> {
  return { row, col, severity };
}

/** A sheet a clerk has formatted by hand, with a conditional format of its own. */
function formattedSheet(fake: FakeExcel): FakeSheet {
  const s = fake.addSheet('格式表');
  fake.setValues(s, [
    ['项目名称', '测试项目', null, '单位：万元'],
    ['预算数', 100, '=B3+B4', '》90%'],
    ['财政资金', 60.5, null, '《15万元'],
    ['其他资金', 39.5, null, '≥95%'],
  ]);
  formatByHand(fake, s, 0);
  return s;
}

describe('highlights on the counting fake', () => {
  it('apply → clear restores every cell format and the sheet’s own conditional formats', async () => {
    const fake = new FakeExcel();
    formattedSheet(fake);
    const before = fake.formatSnapshot('格式表');
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    unwrap(await host.readSheet('格式表'));
    const summary = unwrap(
      await host.applyHighlights(
        new Map([
          [
            '格式表',
            [
              finding(1, 3, 'error'),
              finding(2, 3, 'error'),
              finding(2, 3, 'warning'),
              finding(3, 1, 'warning'),
              finding(0, 1, 'info'),
            ],
          ],
        ]),
      ),
    );
    expect(summary.cells).toEqual({ error: 2, warning: 1, info: 1 });
    const s = fake.sheet('格式表');
    // one conditional format per severity, marked, on range areas of the finding cells
    const ours = s.conditionalFormats.filter((cf) => markerSeverity(cf.formula));
    expect(ours.map((cf) => markerSeverity(cf.formula)).sort()).toEqual([
      'error',
      'info',
      'warning',
    ]);
    expect(ours.find((cf) => cf.formula === '=N("jixiao:error")=0')?.ranges).toEqual([
      { top: 1, left: 3, bottom: 2, right: 3 },
    ]);
    expect(ours.every((cf) => cf.type === 'Custom' && cf.fill)).toBe(true);
    // while highlighted, the cells' own formats are untouched
    const during = fake.formatSnapshot('格式表') as {
      cells: unknown;
      conditionalFormats: unknown[];
    };
    expect(during.cells).toEqual((before as { cells: unknown }).cells);

    // a fix re-highlights (replaces ours, no duplicates)
    unwrap(await host.applyHighlights(new Map([['格式表', [finding(1, 3, 'error')]]])));
    expect(s.conditionalFormats.filter((cf) => markerSeverity(cf.formula))).toHaveLength(1);

    unwrap(await host.clearHighlights());
    expect(fake.formatSnapshot('格式表')).toEqual(before);
  });

  it('clearing finds highlights left by an earlier session (by their marker)', async () => {
    const fake = new FakeExcel();
    formattedSheet(fake);
    const before = fake.formatSnapshot('格式表');
    fake.sheet('格式表').conditionalFormats.unshift({
      id: '{old}',
      type: 'Custom',
      ranges: [{ top: 2, left: 3, bottom: 2, right: 3 }],
      formula: '=N("jixiao:warning")=0',
      fill: '#FFEB9C',
    });
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    expect(await syncsOf(fake, async () => unwrap(await host.clearHighlights(['格式表'])))).toBe(2);
    expect(fake.formatSnapshot('格式表')).toEqual(before);
  });

  it('a template sheet protected without password gets highlights in one sync and stays protected', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Sheet1');
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    const name = unwrap(
      await host.insertSheetFromSpec(projectTemplate().sheet, '项目支出绩效目标表'),
    );
    const s = fake.sheet(name);
    expect(s.protected).toBe(true);
    const before = fake.formatSnapshot(name);
    const syncs = await syncsOf(fake, async () => {
      const r = unwrap(await host.applyHighlights(new Map([[name, [finding(20, 4, 'error')]]])));
      expect(r.skipped).toEqual([]);
    });
    expect(syncs).toBe(1);
    expect(s.protected).toBe(true);
    expect(s.protectionOptions).toMatchObject({ allowFormatColumns: expect.any(Boolean) });
    unwrap(await host.clearHighlights([name]));
    expect(fake.formatSnapshot(name)).toEqual(before);
    expect(s.protected).toBe(true);
  });

  it('a sheet protected with a password is skipped with a Chinese reason; other sheets still get theirs', async () => {
    const fake = new FakeExcel();
    const locked = fake.addSheet('已锁定');
    fake.setValues(locked, [['a', 'b']]);
    locked.protected = true;
    locked.password = 'secret';
    const open = fake.addSheet('可写');
    fake.setValues(open, [['a', 'b']]);
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    unwrap(await host.readSheets(['已锁定', '可写']));
    const r = unwrap(
      await host.applyHighlights(
        new Map([
          ['已锁定', [finding(0, 1, 'error')]],
          ['可写', [finding(0, 1, 'error')]],
        ]),
      ),
    );
    expect(r.sheets).toEqual(['可写']);
    expect(r.skipped).toEqual([
      expect.objectContaining({
        code: 'sheet-protected',
        sheet: '已锁定',
        message: expect.stringContaining('受保护'),
      }),
    ]);
    expect(locked.conditionalFormats).toEqual([]);
    expect(open.conditionalFormats).toHaveLength(1);
    // the next time the protected sheet is known to refuse: one sync
    expect(
      await syncsOf(fake, async () =>
        unwrap(
          await host.applyHighlights(
            new Map([
              ['已锁定', [finding(0, 0, 'error')]],
              ['可写', []],
            ]),
          ),
        ),
      ),
    ).toBe(1);
  });

  it('a highlight deleted by hand does not break the next write', async () => {
    const fake = new FakeExcel();
    formattedSheet(fake);
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    unwrap(await host.readSheet('格式表'));
    unwrap(await host.applyHighlights(new Map([['格式表', [finding(1, 3, 'error')]]])));
    const s = fake.sheet('格式表');
    s.conditionalFormats = s.conditionalFormats.filter((cf) => !markerSeverity(cf.formula));
    unwrap(await host.applyHighlights(new Map([['格式表', [finding(2, 3, 'warning')]]])));
    expect(
      s.conditionalFormats.filter((cf) => markerSeverity(cf.formula)).map((cf) => cf.formula),
    ).toEqual(['=N("jixiao:warning")=0']);
  });
});
