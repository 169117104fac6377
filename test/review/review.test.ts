/** The reviewer's pass, review remarks and the 审核意见 sheet, on the in-memory workbook. */
import { checkSheet } from '../../src/engine';
import { MemoryWorkbookHost } from '../../src/adapters/memory';
import {
  clearAllHighlights,
  decodeRemarks,
  encodeRemarks,
  exportReview,
  MemoryRemarkStore,
  REMARK_CATEGORIES,
  RemarkBook,
  REVIEW_COLUMNS,
  reviewPass,
  type Remark,
} from '../../src/review';
import { memoryBook, memoryWorkbook, SHEET, unwrap } from '../live/helpers';

const clock = () => {
  let t = Date.UTC(2026, 0, 5, 8, 0, 0);
  return () => new Date((t += 1000));
};

function ok<T>(r: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('review remark categories', () => {
  it('are the ten standard categories, in order, with stable ids', () => {
    expect(REMARK_CATEGORIES.map((c) => c.label)).toEqual([
      '指标不够完整',
      '指标不够细化量化',
      '指标与项目相关性不够',
      '指标与指标值不匹配',
      '一级指标类型错误',
      '二级指标类型错误',
      '建议增加产出指标',
      '建议增加效益指标',
      '建议增加满意度指标',
      '其他',
    ]);
    expect(new Set(REMARK_CATEGORIES.map((c) => c.id)).size).toBe(10);
  });
});

describe('RemarkBook', () => {
  it('adds, lists, edits and removes remarks, keeping them in the store', async () => {
    const store = new MemoryRemarkStore();
    const book = new RemarkBook(store, clock());
    const seen: number[] = [];
    book.subscribe((list) => seen.push(list.length));
    const a = ok(
      await book.add({ sheet: '表2', cell: 'e12', category: 'not-specific', text: ' 请量化 ' }),
    );
    expect(a).toMatchObject({ sheet: '表2', cell: 'E12', row: 11, col: 4, text: '请量化' });
    const b = ok(await book.add({ sheet: '表1', cell: 'C5', category: 'add-benefit' }));
    ok(
      await book.add({ sheet: '表2', cell: 'B3', category: 'level1-wrong', text: '应为产出指标' }),
    );
    expect(book.list().map((r) => `${r.sheet}!${r.cell}`)).toEqual(['表2!B3', '表2!E12', '表1!C5']);
    expect(book.list('表1')).toEqual([b]);
    expect(book.at('表2', 'E12')).toEqual([a]);

    const edited = ok(
      await book.edit(a.id, { category: 'value-mismatch', text: '指标值与指标不符' }),
    );
    expect(edited).toMatchObject({
      id: a.id,
      category: 'value-mismatch',
      text: '指标值与指标不符',
    });
    expect(edited.updated > a.updated).toBe(true);
    expect(await book.remove(b.id)).toBe(true);
    expect(await book.remove(b.id)).toBe(false);
    expect(book.list()).toHaveLength(2);
    expect(seen).toEqual([1, 2, 3, 3, 2]);

    // what the store kept comes back in a new session
    const again = new RemarkBook(store);
    await again.open();
    expect(again.list()).toEqual(book.list());
    const c = ok(
      await again.add({ sheet: '表1', cell: 'A1', category: 'other', text: '整体偏弱' }),
    );
    expect(book.list().map((r) => r.id)).not.toContain(c.id);
  });

  it('refuses a bad cell, an unknown category and 其他 without text, in Chinese', async () => {
    const book = new RemarkBook();
    const bad = await book.add({ sheet: '表1', cell: '第五行', category: 'incomplete' });
    expect(bad).toEqual({ ok: false, message: '单元格地址“第五行”无效。' });
    const unknown = await book.add({
      sheet: '表1',
      cell: 'A1',
      category: 'nonsense' as Remark['category'],
    });
    expect(unknown.ok).toBe(false);
    expect(await book.add({ sheet: '表1', cell: 'A1', category: 'other', text: ' ' })).toEqual({
      ok: false,
      message: '选择“其他”时请填写审核意见内容。',
    });
    expect((await book.edit('r99', { text: 'x' })).ok).toBe(false);
    expect(book.list()).toEqual([]);
  });

  it('follows inserted and deleted rows', async () => {
    const book = new RemarkBook();
    ok(await book.add({ sheet: '表1', cell: 'E12', category: 'incomplete' }));
    ok(await book.add({ sheet: '表1', cell: 'E3', category: 'incomplete' }));
    ok(await book.add({ sheet: '表2', cell: 'E12', category: 'incomplete' }));
    await book.followChange({
      sheet: '表1',
      kind: 'rows-inserted',
      address: '5:6',
      rows: { top: 4, bottom: 5 },
    });
    expect(book.list('表1').map((r) => r.cell)).toEqual(['E3', 'E14']);
    await book.followChange({
      sheet: '表1',
      kind: 'rows-deleted',
      address: '14:14',
      rows: { top: 13, bottom: 13 },
    });
    expect(book.list('表1').map((r) => r.cell)).toEqual(['E3']);
    expect(book.list('表2').map((r) => r.cell)).toEqual(['E12']);
  });

  it('encodes remarks and decodes them validated, saying what could not be read', async () => {
    const book = new RemarkBook(new MemoryRemarkStore(), clock());
    ok(await book.add({ sheet: '表1', cell: 'B2', category: 'add-output', text: '缺少数量指标' }));
    const text = encodeRemarks(book.list());
    expect(decodeRemarks(text)).toEqual({
      remarks: book.list(),
      unread: [],
      failed: false,
      problem: null,
    });
    expect(decodeRemarks(undefined)).toMatchObject({ remarks: [], failed: false, problem: null });
    expect(decodeRemarks('not json')).toMatchObject({
      remarks: [],
      failed: true,
      problem: expect.stringContaining('已损坏'),
    });
    expect(decodeRemarks(JSON.stringify({ version: 9, remarks: [] }))).toMatchObject({
      failed: true,
      problem: expect.stringContaining('格式版本 9'),
    });
    expect(decodeRemarks(JSON.stringify({ remarks: [] }))).toMatchObject({ failed: true });
    // one bad entry among good ones: the good ones are read, the bad one kept aside and named
    const bad = { id: 'x', sheet: '表1', cell: 'not-a-cell', category: 'other', text: '' };
    const mixed = decodeRemarks(JSON.stringify({ version: 1, remarks: [...book.list(), bad] }));
    expect(mixed).toMatchObject({
      remarks: book.list(),
      unread: [bad],
      failed: false,
      problem: expect.stringContaining('1 条审核意见无法读取'),
    });
    // an entry whose row and column disagree with its cell is read from its cell
    const moved = { ...book.list()[0], row: 99, col: 99 };
    expect(decodeRemarks(encodeRemarks([moved])).remarks[0]).toMatchObject({ row: 1, col: 1 });
  });
});

describe('the reviewer’s pass', () => {
  it('checks every sheet with a per-sheet summary and highlights; one command clears them', async () => {
    const host = memoryWorkbook(12, 4);
    const progress: number[] = [];
    const report = await reviewPass(host, {
      onProgress: (i) => progress.push(i),
      yieldToUi: () => Promise.resolve(),
    });
    expect(report.cancelled).toBe(false);
    expect(report.sheets.map((s) => [s.sheet, s.forms])).toEqual([
      ['项目1', 3],
      ['项目2', 3],
      ['项目3', 3],
      ['项目4', 3],
    ]);
    const truth = checkSheet(unwrap(await host.readSheet('项目2'))).findings;
    expect(report.sheets[1].errors).toBe(truth.filter((f) => f.severity === 'error').length);
    expect(report.sheets[1].warnings).toBe(truth.filter((f) => f.severity === 'warning').length);
    expect(report.totals).toMatchObject({ sheets: 4, forms: 12 });
    expect(progress).toEqual([0, 0, 1, 2, 3, 4]);
    expect(host.highlightAt('项目3', 'E13')).toBe('error');
    unwrap(await clearAllHighlights(host));
    expect(host.highlightAt('项目3', 'E13')).toBeNull();
  });

  it('can be cancelled between sheets', async () => {
    const host = memoryWorkbook(50, 50);
    const controller = new AbortController();
    const report = await reviewPass(host, {
      signal: controller.signal,
      onSheet: (s) => {
        if (s.sheet === '项目5') controller.abort();
      },
      yieldToUi: () => Promise.resolve(),
    });
    expect(report.cancelled).toBe(true);
    expect(report.sheets).toHaveLength(5);
    expect(host.highlightAt('项目5', 'E13')).toBe('error');
    expect(host.highlightAt('项目6', 'E13')).toBeNull();
  });
});

describe('the 审核意见 sheet', () => {
  async function reviewed() {
    const { host } = memoryBook(2);
    const report = await reviewPass(host, { highlight: false, yieldToUi: () => Promise.resolve() });
    const book = new RemarkBook(new MemoryRemarkStore(), clock());
    ok(await book.add({ sheet: SHEET, cell: 'E13', category: 'value-mismatch', text: '数值偏低' }));
    ok(await book.add({ sheet: SHEET, cell: 'A1', category: 'add-satisfaction' }));
    return { host, report, book, findings: report.sheets.flatMap((s) => s.findings) };
  }

  it('lists remarks and findings with the standard columns, read back from the workbook', async () => {
    const { host, book, findings } = await reviewed();
    const written = unwrap(await exportReview(host, { remarks: book.list(), findings }));
    expect(written).toEqual({ sheet: '审核意见', rows: findings.length + 2 });
    const sheet = unwrap(await host.readSheet('审核意见'));
    expect(sheet.cells[0]).toEqual([...REVIEW_COLUMNS]);
    expect(REVIEW_COLUMNS).toEqual([
      '序号',
      '工作表',
      '单元格',
      '类型',
      '类别或规则',
      '级别',
      '内容',
      '建议',
    ]);
    expect(sheet.cells[1]).toEqual([1, SHEET, 'A1', '审核意见', '建议增加满意度指标']);
    const e13 = sheet.cells.filter((r) => r[2] === 'E13');
    expect(e13[0]).toEqual([
      e13[0][0],
      SHEET,
      'E13',
      '审核意见',
      '指标与指标值不匹配',
      null,
      '数值偏低',
    ]);
    const typo = e13.find((r) => r[3] === '检查发现');
    expect(typo).toEqual([
      Number(e13[0][0]) + 1,
      SHEET,
      'E13',
      '检查发现',
      '比较符误写（value.operator-typo）',
      '错误',
      expect.stringContaining('》'),
      expect.stringContaining('≥'),
    ]);
    expect(sheet.cells.slice(1).map((r) => r[0])).toEqual(
      Array.from({ length: findings.length + 2 }, (_, i) => i + 1),
    );
  });

  it('gets a unique name and never overwrites a sheet', async () => {
    const { host, book, findings } = await reviewed();
    const first = unwrap(await exportReview(host, { remarks: book.list(), findings }));
    const before = unwrap(await host.readSheet('审核意见'));
    const second = unwrap(await exportReview(host, { remarks: [], findings: [] }));
    expect([first.sheet, second.sheet]).toEqual(['审核意见', '审核意见 (2)']);
    expect(unwrap(await host.readSheet('审核意见'))).toEqual(before);
    expect(unwrap(await host.readSheet('审核意见 (2)')).cells).toEqual([[...REVIEW_COLUMNS]]);
    const sheets = unwrap(await host.listSheets()).map((s) => s.name);
    expect(sheets).toEqual([SHEET, '审核意见', '审核意见 (2)']);
  });

  it('works on an empty workbook', async () => {
    const host = MemoryWorkbookHost.create(['Sheet1']);
    const r = unwrap(await exportReview(host, { remarks: [], findings: [] }));
    expect(r.rows).toBe(0);
  });
});
