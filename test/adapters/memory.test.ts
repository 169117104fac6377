/** The in-memory workbook: .xlsx in and out, the same interface as Excel, change events, a grid view. */
import ExcelJS from 'exceljs';
import { projectFormsSheet } from '../../bench/generate';
import { checkSheet, type Finding } from '../../src/engine';
import { markerSeverity } from '../../src/host/highlights';
import { MemoryWorkbookHost } from '../../src/adapters/memory';
import type { SheetChange } from '../../src/host/types';
import { projectTemplate } from '../../src/templates/project';
import { normalised, unwrap } from '../office/helpers';

const f = (row: number, col: number, severity: Finding['severity']) => ({ row, col, severity });

/** A workbook a clerk formatted by hand: fills, fonts, borders, number formats, merges and a conditional format. */
async function clerkWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('绩效目标');
  ws.getCell('A1').value = '项目名称';
  ws.getCell('B1').value = '测试项目';
  ws.mergeCells('B1:D1');
  ws.getCell('A2').value = '预算数';
  ws.getCell('B2').value = 100.5;
  ws.getCell('C2').value = '》90%';
  ws.getCell('C3').value = '《15万元';
  ws.getCell('A1').style = {
    font: { name: '宋体', size: 12, bold: true, color: { argb: 'FFFF0000' } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } },
  };
  ws.getCell('B2').numFmt = '#,##0.00';
  ws.getCell('C2').border = {
    top: { style: 'thin', color: { argb: 'FF000000' } },
    bottom: { style: 'double', color: { argb: 'FF0000FF' } },
  };
  ws.getCell('C3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
  ws.getCell('C3').font = { italic: true };
  ws.getColumn(1).width = 18;
  ws.addConditionalFormatting({
    ref: 'B2:B9',
    rules: [
      {
        type: 'expression',
        priority: 1,
        formulae: ['B2<0'],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF00FF' } } },
      },
    ],
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('MemoryWorkbookHost', () => {
  it('reads values and merges like the xlsx adapter', async () => {
    const host = await MemoryWorkbookHost.load(await clerkWorkbook());
    expect(unwrap(await host.listSheets())).toEqual([
      { name: '绩效目标', visible: true, protected: false },
    ]);
    const s = unwrap(await host.readSheet('绩效目标'));
    expect(s.cells[1]).toEqual(['预算数', 100.5, '》90%']);
    expect(s.merges).toEqual([{ top: 0, left: 1, bottom: 0, right: 3 }]);
    expect(host.syncCount).toBe(0);
  });

  it('highlights → clear leaves every format as it was, in memory and in the saved file', async () => {
    const bytes = await clerkWorkbook();
    const host = await MemoryWorkbookHost.load(bytes);
    const before = host.formatSnapshot('绩效目标');
    const r = unwrap(
      await host.applyHighlights(
        new Map([['绩效目标', [f(1, 2, 'error'), f(2, 2, 'error'), f(1, 1, 'warning')]]]),
      ),
    );
    expect(r.cells).toEqual({ error: 2, warning: 1, info: 0 });
    expect(host.highlightAt('绩效目标', 'C2')).toBe('error');
    expect(host.highlightAt('绩效目标', 'B2')).toBe('warning');
    expect(host.highlightAt('绩效目标', 'A1')).toBeNull();

    // saved with highlights: our conditional formats are in the file, marked; the clerk's are intact
    const saved = await host.save();
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(
      saved.buffer.slice(saved.byteOffset, saved.byteOffset + saved.byteLength) as ArrayBuffer,
    );
    const cfs = (
      reread.getWorksheet('绩效目标') as unknown as {
        conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
      }
    ).conditionalFormattings;
    expect(
      cfs.map((c) =>
        markerSeverity(String((c.rules[0] as ExcelJS.ExpressionRuleType).formulae?.[0])),
      ),
    ).toEqual(['error', 'warning', null]);

    // reopened, the highlights are recognised and cleared, leaving the original look
    const again = await MemoryWorkbookHost.load(saved);
    expect(again.highlightAt('绩效目标', 'C3')).toBe('error');
    unwrap(await again.clearHighlights());
    unwrap(await host.clearHighlights(['绩效目标']));
    expect(host.formatSnapshot('绩效目标')).toEqual(before);
    const original = await MemoryWorkbookHost.load(bytes);
    expect(again.formatSnapshot('绩效目标')).toEqual(original.formatSnapshot('绩效目标'));
  });

  it('a fix clears the cell’s highlight and leaves its format', async () => {
    const host = await MemoryWorkbookHost.load(await clerkWorkbook());
    const before = host.formatSnapshot('绩效目标');
    unwrap(await host.applyHighlights(new Map([['绩效目标', [f(2, 2, 'error')]]])));
    unwrap(await host.setCellValue('绩效目标', 'C3', '≤15万元'));
    unwrap(await host.applyHighlights(new Map([['绩效目标', []]])));
    expect(host.highlightAt('绩效目标', 'C3')).toBeNull();
    expect(host.formatSnapshot('绩效目标')).toEqual(before);
    expect(unwrap(await host.readRows('绩效目标', 2, 2)).cells).toEqual([[null, null, '≤15万元']]);
  });

  it('raises change events for people’s edits, pastes, row inserts and new sheets, not for its own writes', async () => {
    const g = projectFormsSheet('表', 3, 20);
    const host = MemoryWorkbookHost.fromData([g.sheet]);
    const seen: SheetChange[] = [];
    unwrap(await host.onChanged((c) => seen.push(c)));
    unwrap(host.userEdit('表', 'E12', '《15万元'));
    unwrap(host.userPaste('表', 'E13', [['a'], ['b'], ['c']]));
    unwrap(await host.setCellValue('表', 'E12', '≤15万元'));
    unwrap(host.userInsertRows('表', 5, 2));
    const added = host.userAddSheet('新表');
    expect(seen).toEqual([
      { sheet: '表', kind: 'edit', address: 'E12', rows: { top: 11, bottom: 11 } },
      { sheet: '表', kind: 'edit', address: 'E13:E15', rows: { top: 12, bottom: 14 } },
      { sheet: '表', kind: 'rows-inserted', address: '6:7', rows: { top: 5, bottom: 6 } },
      { sheet: added, kind: 'sheet-added', address: '', rows: null },
    ]);
    // rows moved with their merges
    const after = unwrap(await host.readSheet('表'));
    expect(after.cells[13]).toEqual(
      g.sheet.cells[11].map((v, i) => (i === 4 ? '≤15万元' : v === '' ? null : v)).slice(0, 5),
    );
    expect(after.merges.length).toBe(g.sheet.merges.length);
  });

  it('templates and exports go into new sheets with unique names; nothing is overwritten', async () => {
    const host = MemoryWorkbookHost.create(['项目支出绩效目标表']);
    unwrap(host.userEdit('项目支出绩效目标表', 'A1', '我的数据'));
    const a = unwrap(await host.insertSheetFromSpec(projectTemplate().sheet, '项目支出绩效目标表'));
    expect(a).toBe('项目支出绩效目标表 (2)');
    expect(host.activeSheet).toBe(a);
    expect(unwrap(await host.readSheet('项目支出绩效目标表')).cells).toEqual([['我的数据']]);
    const t = unwrap(await host.readSheet(a));
    expect(t.cells.flat().some((v) => typeof v === 'string' && v.includes('绩效目标表'))).toBe(
      true,
    );
    expect(t.merges.length).toBeGreaterThan(3);
    const e1 = unwrap(await host.writeTable('规范化指标', ['项目', '数值'], [['甲', 1]]));
    const e2 = unwrap(await host.writeTable('规范化指标', ['项目', '数值'], [['乙', 2]]));
    expect([e1, e2]).toEqual(['规范化指标', '规范化指标 (2)']);
    expect(unwrap(await host.readSheet(e1)).cells).toEqual([
      ['项目', '数值'],
      ['甲', 1],
    ]);
    // the template survives a save: protection, validations, formulas
    const reread = new ExcelJS.Workbook();
    const bytes = await host.save();
    await reread.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const ws = reread.getWorksheet(a);
    expect(ws).toBeDefined();
    let formulas = 0;
    let validations = 0;
    ws?.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) formulas++;
        if (cell.dataValidation) validations++;
      }),
    );
    expect(formulas).toBeGreaterThan(0);
    expect(validations).toBeGreaterThan(0);
    expect(
      (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
    ).toBe(true);
  });

  it('typed errors with Chinese messages', async () => {
    const host = MemoryWorkbookHost.create(['表'], { maxCells: 100 });
    expect(await host.readSheet('无')).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'sheet-missing',
        message: expect.stringContaining('找不到工作表'),
      }),
    });
    unwrap(
      host.userPaste(
        '表',
        'A1',
        Array.from({ length: 20 }, () => Array.from({ length: 10 }, () => 'x')),
      ),
    );
    expect(await host.readSheet('表')).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'too-large',
        message: expect.stringContaining('过大'),
      }),
    });
    unwrap(host.userProtect('表', 'secret'));
    expect(await host.setCellValue('表', 'A1', 'y')).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'sheet-protected',
        message: expect.stringContaining('受保护'),
      }),
    });
    const h = unwrap(await host.applyHighlights(new Map([['表', [f(0, 0, 'error')]]])));
    expect(h.skipped.map((e) => e.code)).toEqual(['sheet-protected']);
    expect(await host.selectCell('表', '??')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'invalid-address' }),
    });
  });

  it('renders cells with formats, merges and highlights for a grid', async () => {
    const host = await MemoryWorkbookHost.load(await clerkWorkbook());
    let renders = 0;
    host.subscribe(() => renders++);
    unwrap(await host.applyHighlights(new Map([['绩效目标', [f(2, 2, 'error')]]])));
    const view = host.renderSheet('绩效目标');
    expect(view?.rows[0][1]).toMatchObject({ text: '测试项目', span: { rows: 1, cols: 3 } });
    expect(view?.rows[0][2].covered).toBe(true);
    expect(view?.rows[0][0].style?.fill).toMatchObject({ fgColor: { argb: 'FFFFFF00' } });
    expect(view?.rows[2][2]).toMatchObject({ text: '《15万元', highlight: 'error' });
    expect(renders).toBe(1);
  });

  it('checks a generated workbook end to end: read → check → highlight → select', async () => {
    const g = projectFormsSheet('项目', 5, 20);
    const host = MemoryWorkbookHost.fromData([g.sheet]);
    const data = unwrap(await host.readSheet('项目'));
    expect(normalised(data)).toEqual(normalised(g.sheet));
    const report = checkSheet(data);
    expect(report.findings.length).toBeGreaterThan(0);
    unwrap(await host.applyHighlights(new Map([['项目', report.findings]])));
    const first = report.findings[0];
    expect(host.highlightAt('项目', first.cell)).not.toBeNull();
    unwrap(await host.selectCell('项目', first.cell));
    expect(unwrap(await host.activeSelection())).toMatchObject({
      sheet: '项目',
      address: first.cell,
    });
  });
});
