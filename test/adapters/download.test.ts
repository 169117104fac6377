/**
 * What the standalone page downloads is the user's workbook with only the user's own changes
 * (issue 10): every part the user did not change is byte for byte the same, and in a changed sheet
 * part only the changed cells differ.
 */
import ExcelJS from 'exceljs';
import { readXlsx } from '../../src/adapters/xlsx';
import { MemoryWorkbookHost } from '../../src/adapters/memory';
import { markerSeverity } from '../../src/host/highlights';
import { REMARKS_NAMESPACE } from '../../src/host/remarks-part';
import { exportReview } from '../../src/review';
import { projectTemplate } from '../../src/templates/project';
import { unwrap } from '../office/helpers';
import { cellElement, excel, parts, richWorkbook, withoutCell } from './workbooks';

const SHEET1 = 'xl/worksheets/sheet1.xml';
const f = (row: number, col: number, severity: 'error' | 'warning' | 'info') => ({
  row,
  col,
  severity,
});

describe('download fidelity', () => {
  it('an edited cell is the only change: other parts byte for byte, the sheet part cell by cell', async () => {
    const bytes = await richWorkbook();
    const host = await MemoryWorkbookHost.load(bytes);
    unwrap(host.userEdit('表1', 'E7', '≥95%'));
    const saved = await host.save();

    const before = parts(bytes);
    const after = parts(saved);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, text] of before) {
      if (name === SHEET1 || name === 'xl/workbook.xml') continue;
      expect({ name, text: after.get(name) }).toEqual({ name, text });
    }
    // the sheet part: the edited cell is a string now, everything around it as it was
    const sheet = after.get(SHEET1) ?? '';
    expect(cellElement(sheet, 'E7')).toBe(
      '<c r="E7" t="inlineStr"><is><t xml:space="preserve">≥95%</t></is></c>',
    );
    expect(withoutCell(sheet, 'E7')).toBe(withoutCell(before.get(SHEET1) ?? '', 'E7'));
    // the workbook asks for a recalculation (values under formulas may have changed), nothing else
    expect(after.get('xl/workbook.xml')).toBe(
      before
        .get('xl/workbook.xml')
        ?.replace('<calcPr calcId="171027"/>', '<calcPr calcId="171027" fullCalcOnLoad="1"/>'),
    );

    // cell by cell, read back by the reader and by exceljs
    const a = await readXlsx(bytes);
    const b = await readXlsx(saved);
    expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
    a.sheets.forEach((s, i) => {
      const t = b.sheets[i];
      expect(t.merges).toEqual(s.merges);
      s.cells.forEach((row, r) =>
        row.forEach((v, c) => {
          const expected = s.name === '表1' && r === 6 && c === 4 ? '≥95%' : v;
          expect({ at: `${s.name}!${r},${c}`, v: t.cells[r]?.[c] ?? null }).toEqual({
            at: `${s.name}!${r},${c}`,
            v: expected ?? null,
          });
        }),
      );
    });
    const wb = await excel(saved);
    const ws = wb.getWorksheet('表1');
    expect(ws?.getCell('A1').note).toBe('请填写项目全称');
    expect(ws?.getCell('A2').value).toEqual({
      text: '填报说明',
      hyperlink: 'https://example.org/guide',
    });
    expect(ws?.getCell('B5').formula).toBe('B3+B4');
    expect(ws?.getCell('D8').formula).toBe('C8*2');
    expect(ws?.getCell('E8').dataValidation).toMatchObject({ type: 'list' });
    expect(ws?.pageSetup.printTitlesRow).toBe('1:2');
    expect(wb.getWorksheet('隐藏')?.state).toBe('hidden');
    expect(wb.getWorksheet('很隐藏')?.state).toBe('veryHidden');
    expect(wb.definedNames.getRanges('财政').ranges).toEqual(["'表1'!$B$3:$B$4"]);
  });

  it('highlight → clear → save gives the original sheet part; highlights saved are conditional formats', async () => {
    const bytes = await richWorkbook();
    const host = await MemoryWorkbookHost.load(bytes);
    unwrap(await host.applyHighlights(new Map([['表1', [f(5, 4, 'error'), f(6, 4, 'warning')]]])));
    const highlighted = await host.save();
    const sheet = parts(highlighted).get(SHEET1) ?? '';
    const cfs = [...sheet.matchAll(/<conditionalFormatting[\s\S]*?<\/conditionalFormatting>/g)].map(
      (m) => m[0],
    );
    expect(cfs.map((x) => markerSeverity(x))).toEqual(['error', 'warning', null]);
    // the clerk's own rule keeps its place below the add-in's
    expect(cfs[2]).toContain('priority="3"');
    expect(parts(highlighted).get('xl/styles.xml')).toContain('<bgColor rgb="FFFFC7CE"/>');
    // values are untouched: the recalculation flag stays off
    expect(parts(highlighted).get('xl/workbook.xml')).toBe(parts(bytes).get('xl/workbook.xml'));

    // reopened, the highlights are recognised, and clearing them gives the original part back
    const again = await MemoryWorkbookHost.load(highlighted);
    expect(again.highlightAt('表1', 'E6')).toBe('error');
    expect(again.highlightAt('表1', 'E7')).toBe('warning');
    unwrap(await again.clearHighlights());
    expect(parts(await again.save()).get(SHEET1)).toBe(parts(bytes).get(SHEET1));

    unwrap(await host.clearHighlights(['表1']));
    const cleared = await host.save();
    expect(parts(cleared).get(SHEET1)).toBe(parts(bytes).get(SHEET1));
    expect(parts(cleared).get('xl/styles.xml')).toBe(parts(bytes).get('xl/styles.xml'));
  });

  it('an undo of a formula cell restores its <f> exactly', async () => {
    const bytes = await richWorkbook();
    const host = await MemoryWorkbookHost.load(bytes);
    const rows = unwrap(await host.readRows('表1', 4, 7));
    expect(rows.formulas?.[0]?.[1]).toBe('B3+B4');
    expect(rows.formulas?.[2]?.[3]).toBe('C7*2');
    unwrap(
      await host.setCellValues([
        { sheet: '表1', cell: 'B5', value: '=1+1' },
        { sheet: '表1', cell: 'D7', value: 0 },
      ]),
    );
    const changed = parts(await host.save()).get(SHEET1) ?? '';
    // a text that starts with = is a text, never a formula
    expect(cellElement(changed, 'B5')).toBe(
      '<c r="B5" s="2" t="inlineStr"><is><t xml:space="preserve">=1+1</t></is></c>',
    );
    // the shared formula is written out on every other cell of its group
    expect(cellElement(changed, 'D8')).toBe('<c r="D8"><f>C8*2</f><v>160</v></c>');
    expect(cellElement(changed, 'D7')).toBe('<c r="D7"><v>0</v></c>');
    expect(parts(await host.save()).has('xl/calcChain.xml')).toBe(false);

    unwrap(
      await host.setCellValues([
        { sheet: '表1', cell: 'B5', value: 100, formula: 'B3+B4' },
        { sheet: '表1', cell: 'D7', value: 140, formula: 'C7*2' },
      ]),
    );
    expect(parts(await host.save()).get(SHEET1)).toBe(parts(bytes).get(SHEET1));
    const wb = await excel(await host.save());
    expect(wb.getWorksheet('表1')?.getCell('B5').formula).toBe('B3+B4');
  });

  it('texts starting with + - = @ stay texts through fixes, exports and 审核意见', async () => {
    const host = await MemoryWorkbookHost.load(await richWorkbook());
    const risky = ["-2+3+cmd|' /C calc'!A0", '+1', '=SUM(A1)', '@A1'];
    unwrap(
      await host.setCellValues(
        risky.map((value, i) => ({ sheet: '表2', cell: `C${i + 1}`, value })),
      ),
    );
    const table = unwrap(
      await host.writeTable(
        '规范化指标',
        ['指标值'],
        risky.map((v) => [v]),
      ),
    );
    const review = unwrap(
      await exportReview(host, {
        remarks: [
          {
            id: 'r1',
            sheet: '表2',
            cell: 'C1',
            row: 0,
            col: 2,
            category: 'other',
            text: '=HYPERLINK("http://x")',
            created: '2026-01-01T00:00:00Z',
            updated: '2026-01-01T00:00:00Z',
          },
        ],
        findings: [],
      }),
    );
    const saved = await host.save();
    const all = [...parts(saved).entries()].filter(([n]) => n.startsWith('xl/worksheets/sheet'));
    for (const [, xml] of all) expect(xml).not.toMatch(/<f>[^<]*(cmd|SUM\(A1\)|HYPERLINK|@A1)/);
    const wb = await excel(saved);
    for (let i = 0; i < risky.length; i++) {
      expect(wb.getWorksheet('表2')?.getCell(`C${i + 1}`).value).toBe(risky[i]);
      expect(wb.getWorksheet(table)?.getCell(`A${i + 2}`).value).toBe(risky[i]);
    }
    const sheet = wb.getWorksheet(review.sheet);
    expect(sheet?.getRow(2).values).toContain('=HYPERLINK("http://x")');
    const reread = await readXlsx(saved);
    expect(reread.sheets.find((s) => s.name === table)?.formulas).toBeUndefined();
  });
});

describe('download after rows were inserted and deleted', () => {
  it('moves cells, formulas, names, merges, validations, formats, comments and links with the rows', async () => {
    const bytes = await richWorkbook();
    const host = await MemoryWorkbookHost.load(bytes);
    unwrap(host.userInsertRows('表1', 3, 2)); // two rows before row 4
    unwrap(host.userInsertRows('表1', 0, 1)); // one row before row 1
    unwrap(host.userDeleteRows('表1', 9, 1)); // old row 7 (C7, D7, E7)
    const saved = await host.save();
    const p = parts(saved);
    const sheet = p.get(SHEET1) ?? '';
    expect(cellElement(sheet, 'B8')).toBe('<c r="B8" s="2"><f>B4+B7</f><v>100</v></c>');
    expect(cellElement(sheet, 'D9')).toBe('<c r="D9"><f>C9*2</f><v>120</v></c>');
    expect(cellElement(sheet, 'D10')).toBe('<c r="D10"><f>C10*2</f><v>160</v></c>');
    expect(sheet).toContain('<mergeCell ref="B2:D2"/>');
    expect(sheet).toContain('sqref="B4:B11"');
    expect(sheet).toContain('sqref="E9:E11"');
    expect(sheet).toContain('<hyperlink ref="A3"');
    expect(sheet).toContain('<dimension ref="A2:E11"/>');
    expect(p.get('xl/comments1.xml')).toContain('ref="A2"');
    expect(p.get('xl/drawings/vmlDrawing1.vml')).toContain('<x:Row>1</x:Row>');
    expect(p.get('xl/worksheets/sheet4.xml')).toContain("<f>'表1'!B8*2</f>");
    expect(p.get('xl/workbook.xml')).toContain("'表1'!$B$4:$B$7");
    expect(p.get('xl/workbook.xml')).toContain("'表1'!$2:$3");
    // the sheets nobody touched are as they were
    expect(p.get('xl/worksheets/sheet2.xml')).toBe(parts(bytes).get('xl/worksheets/sheet2.xml'));

    const wb = await excel(saved);
    const ws = wb.getWorksheet('表1');
    expect(ws?.getCell('A2').note).toBe('请填写项目全称');
    expect(ws?.getCell('B8').formula).toBe('B4+B7');
    expect(ws?.getCell('E9').value).toBe('《15万元');
    const back = await MemoryWorkbookHost.load(saved);
    const data = unwrap(await back.readSheet('表1'));
    expect(data.cells[8]?.slice(2, 5)).toEqual([60, 120, '《15万元']);
    expect(data.cells[9]?.slice(2, 4)).toEqual([80, 160]);
    expect(data.formulas?.[7]?.[1]).toBe('B4+B7');
  });

  it('a formula pointing at a deleted row becomes #REF!, as in Excel', async () => {
    const host = await MemoryWorkbookHost.load(await richWorkbook());
    unwrap(host.userDeleteRows('表1', 2, 1)); // row 3 (B3 = 60)
    const sheet = parts(await host.save()).get(SHEET1) ?? '';
    expect(cellElement(sheet, 'B4')).toBe('<c r="B4" s="2"><f>#REF!+B3</f><v>100</v></c>');
  });
});

describe('new sheets and new workbooks', () => {
  it('a template sheet is added with its print titles, validations, protection and formulas', async () => {
    const bytes = await richWorkbook();
    const host = await MemoryWorkbookHost.load(bytes);
    const name = unwrap(
      await host.insertSheetFromSpec(projectTemplate().sheet, '项目支出绩效目标表'),
    );
    const saved = await host.save();
    const before = parts(bytes);
    const after = parts(saved);
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/comments1.xml'])
      expect(after.get(part)).toBe(before.get(part));
    const wb = await excel(saved);
    const ws = wb.getWorksheet(name);
    const spec = projectTemplate().sheet;
    expect(ws?.pageSetup.printTitlesRow).toBe(spec.print.titleRows);
    expect(wb.getWorksheet('表1')?.pageSetup.printTitlesRow).toBe('1:2');
    let formulas = 0;
    let validations = 0;
    ws?.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) formulas++;
        if (cell.dataValidation) validations++;
      }),
    );
    expect(formulas).toBe(spec.cells.filter((c) => c.formula).length);
    expect(validations).toBeGreaterThan(0);
    const back = await MemoryWorkbookHost.load(saved);
    expect(unwrap(await back.listSheets()).map((s) => [s.name, s.visible, s.protected])).toEqual([
      ['表1', true, false],
      ['隐藏', false, false],
      ['很隐藏', false, false],
      ['表2', true, false],
      [name, true, true],
    ]);
    expect(back.renderSheet(name)?.rows[0][0].style?.font).toMatchObject({ bold: true });
  });

  it('a workbook made in the page is saved and opened again', async () => {
    const host = MemoryWorkbookHost.create(['Sheet1']);
    unwrap(host.userPaste('Sheet1', 'A1', [['项目', 12.5, true, '-1']]));
    const saved = await host.save();
    const back = await MemoryWorkbookHost.load(saved);
    expect(unwrap(await back.readSheet('Sheet1')).cells).toEqual([['项目', 12.5, true, '-1']]);
    expect((await excel(saved)).getWorksheet('Sheet1')?.getCell('D1').value).toBe('-1');
  });
});

describe('review remarks in the file', () => {
  it('round-trip through save and reopen, replacing the part they had', async () => {
    const host = await MemoryWorkbookHost.load(await richWorkbook());
    expect(unwrap(await host.loadRemarks())).toBeNull();
    unwrap(await host.saveRemarks('{"version":1,"remarks":[]}'));
    const once = await host.save();
    const p = parts(once);
    const item = [...p.keys()].find((k) => /^customXml\/item\d+\.xml$/.test(k)) ?? '';
    expect(p.get(item)).toContain(REMARKS_NAMESPACE);
    expect(p.get('xl/_rels/workbook.xml.rels')).toContain('relationships/customXml');
    expect(p.get('[Content_Types].xml')).toContain('customXmlProperties+xml');
    const back = await MemoryWorkbookHost.load(once);
    expect(unwrap(await back.loadRemarks())).toBe('{"version":1,"remarks":[]}');
    unwrap(await back.saveRemarks('{"version":1,"remarks":["<b>&"]}'));
    const twice = parts(await back.save());
    expect([...twice.keys()].filter((k) => k.startsWith('customXml/item'))).toHaveLength(2);
    const again = await MemoryWorkbookHost.load(await back.save());
    expect(unwrap(await again.loadRemarks())).toBe('{"version":1,"remarks":["<b>&"]}');
    await excel(await back.save());
  });
});

describe('protection and highlights of an opened file', () => {
  it('a password-protected sheet is reported, not highlighted, and only its unlocked cells take values', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('锁定');
    ws.getCell('A1').value = '标题';
    ws.getCell('B2').value = '可填';
    ws.getCell('B2').protection = { locked: false };
    await ws.protect('secret', {});
    const host = await MemoryWorkbookHost.load(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(unwrap(await host.listSheets())).toEqual([
      { name: '锁定', visible: true, protected: true },
    ]);
    const h = unwrap(await host.applyHighlights(new Map([['锁定', [f(0, 0, 'error')]]])));
    expect(h.skipped.map((e) => e.code)).toEqual(['sheet-protected']);
    expect(await host.setCellValue('锁定', 'A1', 'x')).toMatchObject({ ok: false });
    unwrap(await host.setCellValue('锁定', 'B2', '已填'));
    const saved = parts(await host.save()).get(SHEET1) ?? '';
    expect(saved).toContain('<sheetProtection');
    expect(cellElement(saved, 'B2')).toContain('已填');
  });

  it('highlights written before anything else read the sheet replace the file’s own', async () => {
    const host = await MemoryWorkbookHost.load(await richWorkbook());
    unwrap(await host.applyHighlights(new Map([['表1', [f(5, 4, 'error')]]])));
    const once = await host.save();
    const again = await MemoryWorkbookHost.load(once);
    unwrap(await again.applyHighlights(new Map([['表1', [f(6, 4, 'info')]]])));
    const sheet = parts(await again.save()).get(SHEET1) ?? '';
    const ours = [...sheet.matchAll(/<conditionalFormatting sqref="([^"]*)">.*?jixiao:(\w+)/g)];
    expect(ours.map((m) => `${m[1]} ${m[2]}`)).toEqual(['E7 info']);
    expect(again.highlightAt('表1', 'E6')).toBeNull();
  });
});
