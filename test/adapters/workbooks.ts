/** Workbooks for the in-memory host's download tests, built as a clerk's real files are. */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';

/**
 * A workbook with everything a download must keep: comments, a hyperlink, defined names, print
 * titles, a hidden and a very hidden sheet, data validation, the clerk's own conditional format,
 * formulas (plain and shared), styles, merges, widths and heights.
 */
export async function richWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表1');
  ws.getCell('A1').value = '项目名称';
  ws.getCell('B1').value = '监测项目';
  ws.mergeCells('B1:D1');
  ws.getCell('A1').note = '请填写项目全称';
  ws.getCell('A1').style = {
    font: { name: '宋体', size: 12, bold: true, color: { argb: 'FFFF0000' } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } },
  };
  ws.getCell('A2').value = { text: '填报说明', hyperlink: 'https://example.org/guide' };
  ws.getCell('A3').value = '财政资金';
  ws.getCell('B3').value = 60;
  ws.getCell('A4').value = '其他资金';
  ws.getCell('B4').value = 40;
  ws.getCell('A5').value = '预算数';
  ws.getCell('B5').value = { formula: 'B3+B4', result: 100 };
  ws.getCell('B5').numFmt = '#,##0.00';
  for (let r = 6; r <= 9; r++) {
    ws.getCell(`C${r}`).value = r * 10;
    ws.getCell(`D${r}`).value = (
      r === 6
        ? { formula: 'C6*2', result: 120, shareType: 'shared', ref: 'D6:D9' }
        : { sharedFormula: 'D6', result: r * 20 }
    ) as ExcelJS.CellValue;
  }
  ws.getCell('E6').value = '《15万元';
  ws.getCell('E7').value = '≥90%';
  ws.getCell('E6').border = {
    top: { style: 'thin', color: { argb: 'FF000000' } },
    bottom: { style: 'double', color: { argb: 'FF0000FF' } },
  };
  ws.getColumn(1).width = 18;
  ws.getRow(1).height = 30;
  ws.pageSetup.printTitlesRow = '1:2';
  for (let r = 6; r <= 9; r++)
    ws.getCell(`E${r}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"≥90%,≤15万元"'],
    };
  ws.addConditionalFormatting({
    ref: 'B3:B9',
    rules: [
      {
        type: 'expression',
        priority: 1,
        formulae: ['B3<0'],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF00FF' } } },
      },
    ],
  });
  const hidden = wb.addWorksheet('隐藏', { state: 'hidden' });
  hidden.getCell('A1').value = '隐藏的数据';
  const veryHidden = wb.addWorksheet('很隐藏', { state: 'veryHidden' });
  veryHidden.getCell('A1').value = 1;
  const second = wb.addWorksheet('表2');
  second.getCell('A1').value = '第二张表';
  second.getCell('B1').value = { formula: "'表1'!B5*2", result: 200 };
  wb.definedNames.add("'表1'!$B$3:$B$4", '财政');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const decoder = new TextDecoder();

/** Every part of an .xlsx, as text. */
export function parts(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).map(([k, v]) => [k, decoder.decode(v)]));
}

/** The `<c>` element of one cell in a sheet part ('' when the cell has none). */
export function cellElement(xml: string, ref: string): string {
  const m = new RegExp(`<c r="${ref}"(?:[^>]*/>|[^>]*>[\\s\\S]*?</c>)`).exec(xml);
  return m ? m[0] : '';
}

/** The sheet part with one cell's element taken out. */
export function withoutCell(xml: string, ref: string): string {
  const el = cellElement(xml, ref);
  return el ? xml.replace(el, '') : xml;
}

/** exceljs's reading of a saved file: an independent check that the package is well formed. */
export async function excel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return wb;
}
