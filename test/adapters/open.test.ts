/** Opening a file in the standalone page: progress step by step, and Chinese reasons when it fails. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  openFile,
  openWorkbook,
  progressText,
  type OpeningProgress,
} from '../../src/standalone/open';
import { unwrap } from '../office/helpers';
import { richWorkbook } from './workbooks';

const seed = (name: string) =>
  new Uint8Array(readFileSync(path.resolve(__dirname, '../../fixtures/seeds', name)));

function fileOf(name: string, bytes: Uint8Array) {
  return {
    name,
    size: bytes.length,
    arrayBuffer: async () =>
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  } as Blob & { name: string };
}

describe('opening a file', () => {
  it('reports each step, sheet by sheet, and waits for the page to show it', async () => {
    const bytes = seed('tianjin-project-forms-by-sheet.xlsx');
    const steps: string[] = [];
    let painted = 0;
    const host = await openFile(fileOf('天津.xlsx', bytes), async (p: OpeningProgress) => {
      steps.push(progressText('天津.xlsx', p));
      await new Promise((r) => setTimeout(r, 0));
      painted++;
    });
    const sheets = unwrap(await host.listSheets());
    expect(steps[0]).toBe('正在读取文件“天津.xlsx”…');
    expect(steps[1]).toBe('正在读取工作簿“天津.xlsx”…');
    expect(steps[2]).toBe(`正在读取第 1/${sheets.length} 个工作表“${sheets[0].name}”…`);
    expect(steps).toHaveLength(sheets.length + 3);
    expect(steps[steps.length - 1]).toBe(`已读取 ${sheets.length} 个工作表。`);
    expect(painted).toBe(steps.length);
  });

  it('says in Chinese why a file cannot be opened, with no library words', async () => {
    const good = await richWorkbook();
    const cases: Array<[string, Uint8Array]> = [
      ['空.xlsx', new Uint8Array(0)],
      ['旧.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0])],
      ['文本.xlsx', new TextEncoder().encode('项目名称,预算数')],
      ['截断.xlsx', good.subarray(0, Math.floor(good.length / 2))],
      ['乱码.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, ...new Array(200).fill(7)])],
    ];
    for (const [name, bytes] of cases) {
      const e = await openWorkbook(name, bytes).then(
        () => null,
        (x: Error) => x,
      );
      expect(e?.message).toMatch(/[\u4e00-\u9fff]/);
      expect(e?.message.replace(/Excel|xlsx/g, '')).not.toMatch(/[A-Za-z]{4,}/);
    }
  });

  it('a hidden sheet is listed as hidden', async () => {
    const host = await openWorkbook('a.xlsx', await richWorkbook());
    expect(
      unwrap(await host.listSheets())
        .filter((s) => !s.visible)
        .map((s) => s.name),
    ).toEqual(['隐藏', '很隐藏']);
    expect(host.activeSheet).toBe('表1');
  });
});
