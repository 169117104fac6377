import ExcelJS from 'exceljs';
import {
  addNormalisedSheet,
  toCsv,
  toCsvBytes,
  writeNormalisedXlsx,
} from '../../src/adapters/xlsx/normalised-writer';
import {
  INDICATOR_COLUMNS,
  PROJECT_COLUMNS,
  type IndicatorRow,
  type NormalisedTable,
  type NormalisedWorkbook,
  type ProjectRow,
} from '../../src/engine/normalise';
import { parseCsv } from './csv';

const row = (over: Partial<IndicatorRow> = {}): IndicatorRow => ({
  source: '番禺.xlsx',
  formKind: '项目支出绩效目标表（含转移支付项目）',
  sheet: 'Sheet1',
  cell: 'G6',
  unitName: '广州市生态环境局番禺分局',
  code: '',
  project: '购置经费',
  budget: 36,
  fiscal: 36,
  other: null,
  level1: '产出指标',
  level2: '数量指标',
  name: '购置车辆数量',
  description: '',
  period: '实施周期',
  rawValue: '车2台',
  normalisedValue: '车2台',
  comparator: '=',
  number: 2,
  measureUnit: '台',
  valueKind: '定量',
  basis: '',
  issues: '',
  special: null,
  upper: null,
  ...over,
});

const project: ProjectRow = {
  source: '番禺.xlsx',
  formKind: '项目支出绩效目标表（含转移支付项目）',
  sheet: 'Sheet1',
  cell: 'A6',
  unitName: '广州市生态环境局番禺分局',
  code: '',
  project: '购置经费',
  budget: 36,
  fiscal: 36,
  special: null,
  other: null,
  indicatorCount: 5,
  errorCount: 0,
  warningCount: 1,
};

const indicators: NormalisedTable<IndicatorRow> = {
  name: '指标',
  columns: INDICATOR_COLUMNS,
  rows: [
    row(),
    row({
      period: '年度',
      rawValue: '《15万元, "含税"',
      normalisedValue: '《15万元, "含税"',
      comparator: '',
      number: 15,
      issues: 'value.operator-typo, value.not-normalised',
      budget: 2392.47,
      fiscal: 0.000001,
    }),
    row({ name: '多行\n名称', rawValue: '=100%', comparator: '=', number: 100, measureUnit: '%' }),
  ],
};
const wb: NormalisedWorkbook = {
  indicators,
  projects: { name: '项目资金', columns: PROJECT_COLUMNS, rows: [project] },
};

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return book;
}

describe('writeNormalisedXlsx', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = await load(await writeNormalisedXlsx(wb));
  });

  it('writes the two sheets in order', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(['指标', '项目资金']);
  });

  it('writes the header row from the column list', () => {
    const ws = book.getWorksheet('指标')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(INDICATOR_COLUMNS.map((c) => c.header));
    expect(ws.getRow(1).font?.bold).toBe(true);
    const p = book.getWorksheet('项目资金')!;
    expect((p.getRow(1).values as unknown[]).slice(1)).toEqual(
      PROJECT_COLUMNS.map((c) => c.header),
    );
  });

  it('freezes the header and sets an autofilter over the table', () => {
    const ws = book.getWorksheet('指标')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const af = ws.autoFilter as unknown;
    const text = typeof af === 'string' ? af : JSON.stringify(af);
    expect(text).toContain('A1');
    expect(text).toContain('Y4');
  });

  it('writes numbers as numbers and text as text, blanks as empty cells', () => {
    const ws = book.getWorksheet('指标')!;
    const col = (key: keyof IndicatorRow) => INDICATOR_COLUMNS.findIndex((c) => c.key === key) + 1;
    expect(ws.getCell(3, col('budget')).value).toBe(2392.47);
    expect(ws.getCell(3, col('fiscal')).value).toBe(0.000001);
    expect(ws.getCell(3, col('number')).value).toBe(15);
    expect(ws.getCell(3, col('rawValue')).value).toBe('《15万元, "含税"');
    expect(ws.getCell(4, col('rawValue')).value).toBe('=100%');
    expect(ws.getCell(4, col('name')).value).toBe('多行\n名称');
    expect(ws.getCell(2, col('other')).value).toBeNull();
    expect(ws.getCell(2, col('code')).value).toBeNull();
    expect(ws.getCell(2, col('budget')).numFmt).toBe('#,##0.00####');
    const p = book.getWorksheet('项目资金')!;
    expect(p.getCell(2, 12).value).toBe(5);
  });

  it('sets the column widths from the column list', () => {
    const ws = book.getWorksheet('指标')!;
    INDICATOR_COLUMNS.forEach((c, i) => expect(ws.getColumn(i + 1).width).toBe(c.width));
  });

  it('never replaces a sheet of the same name', () => {
    const b = new ExcelJS.Workbook();
    b.addWorksheet('指标');
    const ws = addNormalisedSheet(b, indicators);
    expect(ws.name).toBe('指标 (2)');
    expect(b.worksheets.map((w) => w.name)).toEqual(['指标', '指标 (2)']);
  });

  it('writes an empty table as its header row', async () => {
    const empty = await load(
      await writeNormalisedXlsx([{ name: '指标', columns: INDICATOR_COLUMNS, rows: [] }]),
    );
    expect(empty.getWorksheet('指标')!.rowCount).toBe(1);
  });
});

describe('toCsv', () => {
  it('starts with a BOM and encodes it as EF BB BF', () => {
    expect(toCsv(indicators).charCodeAt(0)).toBe(0xfeff);
    const bytes = toCsvBytes(indicators);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3, 28))).toBe('来源文件,表单类型');
  });

  it('quotes by RFC 4180 and round-trips the Chinese text', () => {
    const text = toCsv(indicators);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual(INDICATOR_COLUMNS.map((c) => c.header));
    expect(rows.every((r) => r.length === INDICATOR_COLUMNS.length)).toBe(true);
    const col = (key: keyof IndicatorRow) => INDICATOR_COLUMNS.findIndex((c) => c.key === key);
    expect(rows[1][col('unitName')]).toBe('广州市生态环境局番禺分局');
    expect(rows[2][col('rawValue')]).toBe('《15万元, "含税"');
    expect(rows[2][col('issues')]).toBe('value.operator-typo, value.not-normalised');
    expect(rows[3][col('name')]).toBe('多行\n名称');
    expect(rows[2][col('budget')]).toBe('2392.47');
    expect(rows[2][col('fiscal')]).toBe('0.000001');
    expect(rows[1][col('other')]).toBe('');
  });

  it('keeps a spreadsheet from running a value as a formula, unless told not to', () => {
    const col = INDICATOR_COLUMNS.findIndex((c) => c.key === 'rawValue');
    expect(parseCsv(toCsv(indicators).slice(1))[3][col]).toBe("'=100%");
    expect(parseCsv(toCsv(indicators, { guardFormulas: false }).slice(1))[3][col]).toBe('=100%');
    const dash = { ...indicators, rows: [row({ rawValue: '-' })] };
    expect(parseCsv(toCsv(dash).slice(1))[1][col]).toBe('-');
  });
});
