/**
 * `jixiao inspect` (issue 8): how each form of a file was read, on one fixture of each kind — the
 * Tianjin project form 1, the Panyu project list, the Zhanjiang department form — as text and as
 * JSON, and a Chinese message for what cannot be inspected.
 */
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { SheetInspection } from '../../src/engine';
import { FIXTURES, runCli } from '../helpers/cli';

const seed = (f: string) => path.join(FIXTURES, 'seeds', f);
const TIANJIN = seed('tianjin-project-forms-by-sheet.xlsx');
const PANYU = seed('guangzhou-panyu-project-list.xlsx');
const ZHANJIANG = seed('zhanjiang-department-form.xlsx');

async function json(file: string, ...args: string[]) {
  const r = await runCli(['inspect', file, '--json', ...args]);
  expect(r.code).toBe(0);
  expect(r.err).toBe('');
  return JSON.parse(r.out) as { file: string; sheets: SheetInspection[] };
}

describe('jixiao inspect on a project form (Tianjin form 1)', () => {
  it('prints kind, range, title, fields with cells, the header roles and every indicator row', async () => {
    const r = await runCli(['inspect', TIANJIN, '--sheet', '表1']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n').map((l) => l.trim());
    expect(lines).toEqual(
      expect.arrayContaining([
        '工作表「表1」：1 张表',
        '[1] 项目支出绩效目标表  A1:E15  单位：万元',
        '标题：A1 2023年物业费项目绩效目标表',
        '项目名称：B3 2023年物业费项目',
        '预算数：C4 104',
        '其他资金：C6 （空）',
        '绩效目标：B8 1.支撑保障市生态环境局正常工作开展。',
        '指标表：已读取（A9）',
        '表头（第 9 行）：',
        'A9 一级指标 → 一级指标',
        'C9 三级指标 → 三级指标',
        'D9 绩效指标描述 → 绩效指标描述',
        'E9 指标值 → 指标值（年度）',
        '第 11 行：一级 A10 产出指标 | 二级 B11 质量指标 | 三级 C11 机关物业保洁率 | 年度 E11 100%',
        '第 15 行：一级 A15 满意度指标 | 二级 B15 服务对象满意度指标 | 三级 C15 局机关满意度 | 年度 E15 ≥90%',
        '共读出 6 个指标。',
      ]),
    );
    // only the sheet asked for
    expect(r.out).not.toContain('表2');
  });

  it('gives the same as JSON', async () => {
    const { sheets } = await json(TIANJIN, '--sheet', '表1');
    expect(sheets).toHaveLength(1);
    const [form] = sheets[0].forms;
    expect(form).toMatchObject({
      kind: 'project-form',
      range: 'A1:E15',
      title: '2023年物业费项目绩效目标表',
      titleCell: 'A1',
      indicatorCount: 6,
    });
    expect(form.fields.find((f) => f.label === '预算数')).toEqual({
      label: '预算数',
      cell: 'C4',
      text: '104',
    });
    expect(form.table?.header.map((h) => [h.cell, h.role])).toEqual([
      ['A9', 'level1'],
      ['B9', 'level2'],
      ['C9', 'name'],
      ['D9', 'description'],
      ['E9', 'value'],
    ]);
    expect(form.table?.rows[0]).toMatchObject({
      row: 10,
      level1: { cell: 'A10', text: '产出指标' },
      name: { cell: 'C10', text: '物业保障人员数量' },
      values: [{ cell: 'E10', text: '≥5人', period: 'annual' }],
    });
    expect(form.table?.skipped).toEqual([]);
  });
});

describe('jixiao inspect on a department form (Zhanjiang)', () => {
  it('lists its fields, tasks, the 三级指标目标值 column as the value and the category rows read past', async () => {
    const r = await runCli(['inspect', ZHANJIANG]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n').map((l) => l.trim());
    expect(lines).toEqual(
      expect.arrayContaining([
        '[1] 部门整体支出绩效目标表  A2:G37  单位：万元',
        '部门名称：B4 湛江市生态环境局',
        '按支出类型：基本支出：D9 4754.96',
        '重点工作任务 5 拟投入的资金：D19 650',
        'E24 三级指标目标值 → 指标值（年度）',
        '跳过 第 25–30 行：只有一级/二级指标名称，下面没有指标',
        '共读出 3 个指标。',
      ]),
    );
  });
});

describe('jixiao inspect on a project list (Panyu)', () => {
  it('gives the header roles, each project with its packed cell and the indicators read from it', async () => {
    const { sheets } = await json(PANYU);
    const [form] = sheets[0].forms;
    expect(form.kind).toBe('project-list');
    expect(form.table?.header.map((h) => [h.cell, h.role])).toEqual([
      ['A4', 'name'],
      ['B4', 'total'],
      ['C4', 'fiscal'],
      ['D4', 'special'],
      ['E4', 'other'],
      ['F4', 'target'],
      ['G4', 'indicators'],
    ]);
    const first = form.projects![0];
    expect(first).toMatchObject({
      row: 7,
      name: { cell: 'A7', text: '购置经费' },
      indicatorCell: { cell: 'G7' },
    });
    expect(
      first.indicators.map((i) => [i.packedItem, i.name.text, i.values.map((v) => v.text)]),
    ).toEqual([
      [1, '购置车辆数量', ['车2台', '车2台']],
      [2, '验收合格率', ['100%', '100%']],
      [3, '车辆到位率', ['100%', '100%']],
      [4, '提升公共服务水平', ['有效提升', '有效提升']],
      [5, '车辆使用率', ['100%', '100%']],
    ]);
    expect(form.projects).toHaveLength(13);
  });
});

describe('jixiao inspect on what it cannot inspect', () => {
  it.each([
    [['inspect'], '请指定一个 .xlsx 文件'],
    [['inspect', 'no-such-file.xlsx'], '找不到文件'],
    [['inspect', TIANJIN, '--sheet', '表99'], '找不到工作表“表99”'],
    [['inspect', TIANJIN, '--bogus'], '参数错误'],
  ])('%j: exit 2 with a Chinese message', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(message);
  });
});
