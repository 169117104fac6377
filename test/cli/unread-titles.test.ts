/**
 * A form title where no form could be read is never passed over as "未找到绩效目标表" or as clean:
 * the engine lists it (`SheetReport.unreadTitles`), `jixiao check` says so and exits 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeXlsx } from '../../src/adapters/xlsx';
import { checkSheet, type CellValue } from '../../src/engine';
import { runCli, tempDir } from '../helpers/cli';

const UNREAD: CellValue[][] = [
  ['2024年项目支出绩效目标表'],
  ['序号', '内容', '金额'],
  [1, '培训', 10],
];

describe('a title whose form cannot be read', () => {
  it('the engine lists it; a row of form names in a table is no title', () => {
    expect(checkSheet({ name: 'S', cells: UNREAD, merges: [] }).unreadTitles).toEqual([
      { cell: 'A1', text: '2024年项目支出绩效目标表' },
    ]);
    const listing: CellValue[][] = [
      ['表单类型', '项目', '预算'],
      ['项目支出绩效目标表', '甲', 10],
    ];
    expect(checkSheet({ name: 'S', cells: listing, merges: [] }).unreadTitles).toBeUndefined();
  });

  it('jixiao check says so in Chinese, in text and JSON, and exits 1', async () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, '报送.xlsx');
      fs.writeFileSync(file, await writeXlsx([{ name: '表1', cells: UNREAD, merges: [] }]));
      const text = await runCli(['check', file]);
      expect(text.code).toBe(1);
      expect(text.out).toContain(
        '[未能读取] 表1!A1  “2024年项目支出绩效目标表”：找到了标题，但未能读出这张表',
      );
      expect(text.out).not.toContain('未找到绩效目标表');
      expect(text.out).toContain('共 1 个错误');
      const json = await runCli(['check', file, '--json']);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.out).files[0].unreadTitles).toEqual([
        { sheet: '表1', cell: 'A1', text: '2024年项目支出绩效目标表' },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
