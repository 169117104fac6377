/**
 * The .xlsx reader on files built byte by byte: every kind of cell value, formulas, merges, hidden
 * rows and columns, sheet kinds, other formats told by their content, and the limits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readXlsx, WorkbookReadError, type ReadOptions } from '../../src/adapters/xlsx';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { compoundFile, deflatedSpaces, xlsx, zip, type SheetPart } from './package';
import { FIXTURES } from '../helpers/cli';
import { nodeInflate } from '../../src/cli/files';

const SEED = path.join(FIXTURES, 'seeds', 'zhanjiang-department-form.xlsx');

async function sheet(part: Omit<SheetPart, 'name'>, extra?: Parameters<typeof xlsx>[1]) {
  const wb = await readXlsx(xlsx([{ name: 'S', ...part }], extra));
  return wb.sheets[0];
}

async function failure(bytes: Uint8Array, options?: ReadOptions): Promise<WorkbookReadError> {
  try {
    await readXlsx(bytes, options);
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw e;
  }
  throw new Error('expected the read to fail');
}

/** A seed fixture's parts, changed by `edit`, zipped again. */
function editSeed(edit: (parts: Record<string, Uint8Array>) => void): Uint8Array {
  const parts = unzipSync(fs.readFileSync(SEED));
  edit(parts);
  return zipSync(parts);
}

const text = (parts: Record<string, Uint8Array>, name: string) => strFromU8(parts[name]);

describe('cell values', () => {
  test('shared strings (rich text joined, phonetic runs left out), inline strings, numbers', async () => {
    const s = await sheet(
      {
        rows:
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>' +
          '<c r="C1" t="inlineStr"><is><r><t>≥</t></r><r><t xml:space="preserve">15 万元</t></r></is></c>' +
          '<c r="D1"><v>2392.47</v></c><c r="E1" t="s"><v>2</v></c></row>',
      },
      {
        sharedStrings: [
          '<t>项目名称</t>',
          '<r><rPr><b/></rPr><t>预算</t></r><r><t>数</t></r><rPh sb="0" eb="1"><t>よ</t></rPh>',
          '<t>2,392.47</t>',
        ],
      },
    );
    // a number stored as text stays text (amount.malformed reports it)
    expect(s.cells).toEqual([['项目名称', '预算数', '≥15 万元', 2392.47, '2,392.47']]);
  });

  test('booleans, error values, formula strings, entities and _xHHHH_ escapes', async () => {
    const s = await sheet(
      {
        rows:
          '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c>' +
          '<c r="C2" t="e"><f>#REF!+1</f><v>#REF!</v></c>' +
          '<c r="D2" t="str"><f>A1&amp;"元"</f><v>12&lt;元&gt;</v></c>' +
          '<c r="E2" t="inlineStr"><is><t>第一行_x000D_&#10;第二行 &#x4e00;</t></is></c></row>',
      },
      {},
    );
    expect(s.cells[0]).toEqual([]);
    expect(s.cells[1]).toEqual([
      true,
      false,
      { kind: 'error', code: '#REF!' },
      '12<元>',
      '第一行\r\n第二行 一',
    ]);
    expect(s.formulas?.[1]).toEqual([undefined, undefined, '#REF!+1', 'A1&"元"', undefined]);
  });

  test('dates: built-in and custom date formats (styles.xml), the 1904 system, times', async () => {
    const styles =
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>' +
      '<numFmt numFmtId="165" formatCode="#,##0.00&quot;万元&quot;"/></numFmts>' +
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="58"/></cellXfs>';
    const s = await sheet(
      {
        rows:
          '<row r="1"><c r="A1" s="1"><v>45657</v></c><c r="B1" s="2"><v>45658.75</v></c>' +
          '<c r="C1" s="3"><v>45657</v></c><c r="D1" s="4"><v>45292</v></c><c r="E1" t="d"><v>2025-03-01T00:00:00</v></c></row>',
      },
      { styles },
    );
    expect(s.cells[0]).toEqual([
      { kind: 'date', iso: '2024-12-31' },
      { kind: 'date', iso: '2025-01-01' },
      45657,
      { kind: 'date', iso: '2024-01-01' },
      { kind: 'date', iso: '2025-03-01' },
    ]);
  });

  test('shared formulas are moved to each cell; absolute parts and strings stay', async () => {
    const s = await sheet({
      rows:
        '<row r="3"><c r="C3"><f t="shared" ref="C3:D5" si="0">SUM(A3:$B3)+$A$1&amp;"A3"</f><v>1</v></c>' +
        '<c r="D3"><f t="shared" si="0"/><v>2</v></c></row>' +
        '<row r="5"><c r="D5"><f t="shared" si="0"/><v>3</v></c></row>',
    });
    expect(s.formulas?.[2]?.[2]).toBe('SUM(A3:$B3)+$A$1&"A3"');
    expect(s.formulas?.[2]?.[3]).toBe('SUM(B3:$B3)+$A$1&"A3"');
    expect(s.formulas?.[4]?.[3]).toBe('SUM(B5:$B5)+$A$1&"A3"');
    expect(s.formulas?.[3]).toBeUndefined();
    expect(s.cells[4]).toEqual([null, null, null, 3]);
  });

  test('rows and cells without numbers follow the previous ones; element prefixes are ignored', async () => {
    const bytes = zip([
      {
        name: '_rels/.rels',
        data: '<Relationships><Relationship Id="r" Type="x/officeDocument" Target="/xl/wb.xml"/></Relationships>',
      },
      {
        name: 'xl/wb.xml',
        data: '<x:workbook xmlns:x="s" xmlns:r="r"><x:sheets><x:sheet name="甲" r:id="a"/></x:sheets></x:workbook>',
      },
      {
        name: 'xl/_rels/wb.xml.rels',
        data: '<Relationships><Relationship Id="a" Type="x/worksheet" Target="ws/a.xml"/></Relationships>',
      },
      {
        name: 'xl/ws/a.xml',
        data: '<?xml version="1.0"?><!-- c --><x:worksheet xmlns:x="s"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t><![CDATA[a<b]]></x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c r="C2"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>',
      },
    ]);
    const wb = await readXlsx(bytes);
    expect(wb.sheets[0].name).toBe('甲');
    expect(wb.sheets[0].cells).toEqual([
      ['a<b', 2],
      [null, null, 3],
    ]);
  });
});

describe('sheet facts', () => {
  test('merges, hidden rows and columns, sheet state', async () => {
    const wb = await readXlsx(
      xlsx([
        {
          name: '表1',
          before:
            '<cols><col min="2" max="3" hidden="1" width="0"/><col min="5" max="5" width="9"/></cols>',
          rows: '<row r="1"><c r="A1"><v>1</v></c></row><row r="4" hidden="1"><c r="A4"><v>4</v></c></row>',
          after:
            '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="C5:C9"/></mergeCells>',
        },
        { name: '隐藏', state: 'hidden', rows: '' },
        { name: '深度隐藏', state: 'veryHidden', rows: '' },
      ]),
    );
    const [a, b, c] = wb.sheets;
    expect(a.merges).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 4, left: 2, bottom: 8, right: 2 },
    ]);
    expect(a.hiddenRows).toEqual([3]);
    expect(a.hiddenCols).toEqual([1, 2]);
    expect(a.state).toBeUndefined();
    expect([b.state, c.state]).toEqual(['hidden', 'veryHidden']);
  });

  test('a far cell (XFD1048576) costs one shared empty row per row, not the bounding box', async () => {
    const s = await sheet({
      rows: '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>',
    });
    expect(s.cells).toHaveLength(1048576);
    expect(s.cells[1]).toBe(s.cells[500000]);
    expect(Object.isFrozen(s.cells[1])).toBe(true);
    const last = s.cells[1048575];
    expect(last[16383]).toBe(2);
    expect(Object.keys(last)).toEqual(['16383']); // a row with holes, not 16,384 slots
  });

  test('16,384 columns in a row are read', async () => {
    let row = '<row r="1">';
    for (let c = 0; c < 16384; c++) row += `<c><v>${c}</v></c>`;
    const s = await sheet({ rows: `${row}</row>` });
    expect(s.cells[0]).toHaveLength(16384);
    expect(s.cells[0][16383]).toBe(16383);
  });

  test('chart sheets and dialog sheets are skipped, worksheets around them read', async () => {
    const wb = await readXlsx(
      xlsx([
        { name: '图表', kind: 'chartsheet' },
        { name: '表', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: '对话框', kind: 'dialogsheet' },
      ]),
    );
    expect(wb.sheets.map((s) => s.name)).toEqual(['表']);
  });

  test('a seed with a chart sheet added reads the same as the seed', async () => {
    const plain = await readXlsx(fs.readFileSync(SEED));
    const withChart = editSeed((p) => {
      p['xl/workbook.xml'] = strToU8(
        text(p, 'xl/workbook.xml').replace(
          '</sheets>',
          '<sheet name="图表1" sheetId="99" r:id="rIdChart"/></sheets>',
        ),
      );
      p['xl/_rels/workbook.xml.rels'] = strToU8(
        text(p, 'xl/_rels/workbook.xml.rels').replace(
          '</Relationships>',
          '<Relationship Id="rIdChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
        ),
      );
      p['xl/chartsheets/sheet1.xml'] = strToU8('<chartsheet/>');
    });
    expect(await readXlsx(withChart)).toEqual(plain);
  });

  test('an .xlsm (macro-enabled workbook) is read', async () => {
    const xlsm = editSeed((p) => {
      p['[Content_Types].xml'] = strToU8(
        text(p, '[Content_Types].xml').replace(
          'spreadsheetml.sheet.main+xml',
          'ms-excel.sheet.macroEnabled.main+xml',
        ),
      );
      p['xl/vbaProject.bin'] = new Uint8Array([1, 2, 3]);
    });
    expect(await readXlsx(xlsm)).toEqual(await readXlsx(fs.readFileSync(SEED)));
  });
});

describe('other formats are named, by their content', () => {
  test.each([
    [
      '.xls (OLE with a Workbook stream)',
      compoundFile(['Workbook']),
      'unsupported-format',
      /\.xls）/,
    ],
    [
      'encrypted .xlsx',
      compoundFile(['EncryptionInfo', 'EncryptedPackage']),
      'encrypted',
      /密码保护/,
    ],
    ['a Word .doc', compoundFile(['WordDocument']), 'not-xlsx', /不是 Excel 工作簿/],
    [
      '.ods',
      zip([
        { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', stored: true },
        { name: 'content.xml', data: '<office:document-content/>' },
      ]),
      'unsupported-format',
      /OpenDocument.*\.ods/,
    ],
    [
      '.xlsb',
      zip([
        {
          name: '_rels/.rels',
          data: '<Relationships><Relationship Id="r" Type="x/officeDocument" Target="xl/workbook.bin"/></Relationships>',
        },
        { name: 'xl/workbook.bin', data: 'bin' },
      ]),
      'unsupported-format',
      /\.xlsb/,
    ],
    ['.docx', zip([{ name: 'word/document.xml', data: '<w:document/>' }]), 'not-xlsx', /Word/],
    [
      'a zip without a workbook part',
      zip([{ name: 'readme.txt', data: 'hi' }]),
      'not-xlsx',
      /没有工作簿/,
    ],
    [
      'an HTML table saved as .xls',
      new TextEncoder().encode(
        '\ufeff<html><body><table><tr><td>项目</td></tr></table></body></html>',
      ),
      'unsupported-format',
      /网页（HTML）/,
    ],
    ['plain text', new TextEncoder().encode('项目名称,预算数\n'), 'not-xlsx', /不是 \.xlsx 工作簿/],
  ])('%s', async (_label, bytes, reason, message) => {
    const e = await failure(bytes);
    expect(e.reason).toBe(reason);
    expect(e.message).toMatch(message);
    expect(e.message).not.toMatch(/[a-z]{4,} [a-z]{4,}/); // no English sentence
  });

  test('a broken deflate stream is a corrupt file, in Chinese', async () => {
    const bytes = xlsx([
      { name: 'S', part: { deflated: new Uint8Array([0xff, 0xff, 0xff]), size: 10 } },
    ]);
    const e = await failure(bytes);
    expect(e.reason).toBe('corrupt');
    expect(e.message).toMatch(/损坏/);
    expect(e.message).not.toMatch(/invalid|block|unexpected/i);
  });

  test('a DOCTYPE (entity expansion) is refused', async () => {
    const e = await failure(
      xlsx([{ name: 'S', part: { data: '<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet/>' } }]),
    );
    expect(e.reason).toBe('corrupt');
  });
});

describe('limits', () => {
  test('a zip bomb that declares its size is refused before inflating', async () => {
    const bytes = xlsx([{ name: 'S', part: { deflated: deflatedSpaces(64), size: 64 << 20 } }]);
    const e = await failure(bytes, { maxSize: 32 << 20 });
    expect(e.reason).toBe('too-large');
    expect(e.message).toMatch(/压缩炸弹/);
  });

  test('a zip bomb that lies about its size is stopped at the limit while inflating', async () => {
    const bytes = xlsx([{ name: 'S', part: { deflated: deflatedSpaces(40), size: 1000 } }]);
    for (const inflate of [undefined, nodeInflate]) {
      const e = await failure(bytes, { maxSize: 16 << 20, inflate });
      expect(e.reason).toBe('too-large');
      expect(e.message).toMatch(/16 MB/);
    }
  });

  test('the limit counts all parts of a file together', async () => {
    const part = { deflated: deflatedSpaces(10), size: 1000 };
    const bytes = xlsx([
      { name: 'a', part },
      { name: 'b', part },
    ]);
    expect((await failure(bytes, { maxSize: 16 << 20 })).reason).toBe('too-large');
    await expect(readXlsx(bytes, { maxSize: 24 << 20 })).resolves.toBeDefined();
  });

  test('the file itself over the limit is refused without unzipping', async () => {
    const e = await failure(fs.readFileSync(SEED), { maxSize: 4096 });
    expect(e.reason).toBe('too-large');
    expect(e.message).toMatch(/文件超过读取上限（4 KB）/);
  });

  test('too many cells, too many merged rows', async () => {
    let rows = '';
    for (let r = 1; r <= 100; r++)
      rows += `<row r="${r}"><c r="A${r}"><v>1</v></c><c r="B${r}"><v>2</v></c></row>`;
    expect((await failure(xlsx([{ name: 'S', rows }]), { maxCells: 150 })).message).toMatch(
      /单元格超过读取上限（150 个）/,
    );
    let merges = '';
    for (let i = 0; i < 10; i++) merges += `<mergeCell ref="A${i * 100 + 1}:A${i * 100 + 100}"/>`;
    const e = await failure(
      xlsx([{ name: 'S', rows: '', after: `<mergeCells>${merges}</mergeCells>` }]),
      {
        maxCells: 500,
      },
    );
    expect(e.message).toMatch(/合并单元格过多/);
  });

  test('a long shared formula repeated by short references counts its expanded text', async () => {
    const long = `SUM(${Array.from({ length: 800 }, (_, i) => `A${i + 1}`).join(',')})`;
    let rows = `<row r="1"><c r="B1"><f t="shared" ref="B1:B3000" si="0">${long}</f></c></row>`;
    for (let r = 2; r <= 3000; r++)
      rows += `<row r="${r}"><c r="B${r}"><f t="shared" si="0"/></c></row>`;
    const bytes = xlsx([{ name: 'S', rows }]);
    expect((await failure(bytes, { maxSize: 4 << 20 })).reason).toBe('too-large');
    const s = (await readXlsx(bytes)).sheets[0];
    expect(s.formulas?.[2999]?.[1]).toMatch(/^SUM\(A3000,A3001,/);
  });

  test('more shared strings than the cell limit', async () => {
    const strings = Array.from({ length: 200 }, (_, i) => `<t>${i}</t>`);
    const e = await failure(xlsx([{ name: 'S', rows: '' }], { sharedStrings: strings }), {
      maxCells: 100,
    });
    expect(e.message).toMatch(/单元格超过读取上限（100 个）/);
  });

  test('thousands of whole-sheet hidden column ranges cost one pass', async () => {
    const cols = '<col min="1" max="16384" hidden="1"/>'.repeat(20000);
    const s = await sheet({
      before: `<cols>${cols}<col min="3" max="2" hidden="1"/></cols>`,
      rows: '',
    });
    expect(s.hiddenCols).toHaveLength(16384);
  });

  test('50,000 merges are read, in order', async () => {
    let m = '';
    for (let i = 1; i <= 50000; i++) m += `<mergeCell ref="A${2 * i - 1}:B${2 * i}"/>`;
    const s = await sheet({ rows: '', after: `<mergeCells>${m}</mergeCells>` });
    expect(s.merges).toHaveLength(50000);
    expect(s.merges[49999]).toEqual({ top: 99998, left: 0, bottom: 99999, right: 1 });
  });
});
