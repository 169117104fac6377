import fs from 'node:fs';
import path from 'node:path';
import { readXlsx } from '../../src/adapters/xlsx';
import { Grid, rangeToA1, readSheet, sum, toA1, type CellRef } from '../../src/engine';
import type { AmountField, ListProject, ProjectList } from '../../src/engine/model/forms';
import { projectListReader } from '../../src/engine/forms/project-list';

const fixture = (file: string) => path.resolve(__dirname, '../../fixtures/seeds', file);
const a1 = (cell: CellRef | null) => (cell ? toA1(cell) : null);
const amountOf = (f: AmountField) => (f.amount.ok ? f.amount.value.toFixed(2) : f.amount.problem);

async function load(file: string): Promise<{ grid: Grid; list: ProjectList }> {
  const wb = await readXlsx(fs.readFileSync(fixture(file)));
  const grid = new Grid(wb.sheets[0]);
  const lists = projectListReader.read(grid);
  expect(lists).toHaveLength(1);
  return { grid, list: lists[0] as ProjectList };
}

const projectsOf = (list: ProjectList) => list.units.flatMap((u) => u.projects);
const byName = (list: ProjectList, name: string): ListProject => {
  const p = projectsOf(list).find((x) => x.name.text === name);
  if (!p) throw new Error(`no project ${name}`);
  return p;
};

describe('Guangzhou environmental technology centre (fixtures/seeds/guangzhou-env-tech-center-project-list.xlsx)', () => {
  let grid: Grid;
  let list: ProjectList;
  beforeAll(
    async () => ({ grid, list } = await load('guangzhou-env-tech-center-project-list.xlsx')),
  );

  it('is found by its header, with title, department and unit above it', () => {
    expect(list.kind).toBe('project-list');
    expect(list.title).toBe('项目支出绩效目标表（含转移支付项目）');
    expect(a1(list.titleCell)).toBe('A1');
    expect(rangeToA1(list.range)).toBe('A1:G21');
    expect(list.unit).toBe('万元');
    expect(list.department).toEqual({
      text: '广州市环境技术中心（广州市水与海洋环境监测站）',
      cell: { row: 1, col: 0 },
    });
  });

  it('is the one form readSheet finds on the sheet', () => {
    expect(readSheet(grid).map((f) => f.kind)).toEqual(['project-list']);
  });

  it('reads 合计 and the unit row; the third number is 其他资金', () => {
    const total = list.total!;
    expect(total.row).toBe(3);
    expect(total.name.text).toBe('合计');
    expect([total.total, total.fiscal, total.special, total.other].map(amountOf)).toEqual([
      '2392.47',
      '2365.02',
      'empty',
      '27.45',
    ]);
    expect(a1(total.other.cell)).toBe('E4');
    expect(list.units).toHaveLength(1);
    const unit = list.units[0];
    expect(unit.role).toBe('unit');
    expect(unit.name).toEqual({
      text: '广州市环境技术中心（广州市水与海洋环境监测站）',
      cell: { row: 4, col: 0 },
    });
    expect([unit.total, unit.fiscal, unit.other].map(amountOf)).toEqual([
      '2392.47',
      '2365.02',
      '27.45',
    ]);
  });

  it('reads the 16 projects with their amounts, names trimmed of their indentation', () => {
    const projects = projectsOf(list);
    expect(projects.map((p) => [p.name.text, amountOf(p.total)])).toEqual([
      ['广州市生态环境局2021年智能监管调度信息化建设项目', '287.48'],
      ['机构运行辅助经费', '63.00'],
      ['业务用房物业管理费', '19.28'],
      ['其他运行经费', '90.78'],
      ['购置经费', '168.00'],
      ['环境管理决策技术文件审查工作经费', '239.22'],
      ['广州市环境科研与科技成果管理业务工作经费', '172.91'],
      ['机动车排放监督管理数据巡查保障工作经费', '52.88'],
      ['广州市海洋生态环境年度指令性监测工作经费', '115.50'],
      ['广州市建设用地土壤复合污染风险管控系统构建与应用', '3.65'],
      ['广州市生态环境局2022年共享平台升级改造及环境执法区块链应用信息化项目', '331.03'],
      ['广州市生态环境科技协同创新中心', '23.80'],
      ['广州市环境信息中心工程建设项目联合审批环评系统改造（2023）', '0.50'],
      ['广州市生态环境局2023年环境预警防控及业务深化整合项目', '273.00'],
      ['广州市生态环境局2023-2024年信息化运维项目(2023)', '330.00'],
      ['广州市生态环境局2022-2023年信息系统运营维护项目(2023)', '221.44'],
    ]);
    expect(
      projects.every((p) => p.role === 'project' && p.fiscal.amount.ok && p.special.cell !== null),
    ).toBe(true);
    expect(projects.map((p) => p.row)).toEqual(Array.from({ length: 16 }, (_, i) => 5 + i));
  });

  it('keeps the seed’s truth: 总计 adds up, the projects’ 财政拨款 does not match 合计', () => {
    const projects = projectsOf(list);
    const value = (f: AmountField) => (f.amount.ok ? f.amount.value : null)!;
    expect(sum(projects.map((p) => value(p.total))).toFixed(2)).toBe('2392.47');
    expect(sum(projects.map((p) => value(p.fiscal))).toFixed(2)).toBe('2392.47');
    expect(amountOf(list.total!.fiscal)).toBe('2365.02');
  });

  it('unpacks every indicator cell (style 1): all fields point at the packed cell', () => {
    expect(projectsOf(list).map((p) => p.indicators.length)).toEqual([
      4, 4, 6, 7, 8, 7, 6, 4, 7, 4, 6, 5, 4, 5, 5, 5,
    ]);
    expect(list.indicators).toHaveLength(87);
    for (const p of projectsOf(list)) {
      p.indicators.forEach((ind, i) => {
        const cell = p.indicatorCell.cell;
        expect(ind.packed).toEqual({ cell, index: i });
        expect([
          ind.level1.cell,
          ind.level2.cell,
          ind.name.cell,
          ...ind.values.map((v) => v.cell),
        ]).toEqual(Array(3 + ind.values.length).fill(cell));
        expect(ind.level2.text).toBe('');
        expect(ind.row).toBe(p.row);
      });
    }
  });

  it('finds 《330 at G11, on 评审会成本 of 环境管理决策技术文件审查工作经费', () => {
    const p = byName(list, '环境管理决策技术文件审查工作经费');
    expect(a1(p.indicatorCell.cell)).toBe('G11');
    const cost = p.indicators[3];
    expect([cost.level1.text, cost.name.text]).toEqual(['产出指标', '评审会成本']);
    expect(cost.values).toEqual([{ period: 'annual', text: '《330', cell: { row: 10, col: 6 } }]);
    expect(p.indicators[6].values[0].text).toBe('≥5060万元');
    expect(a1(p.target.cell)).toBe('F11');
    expect(p.target.text.startsWith('通过对各类项目的技术审查')).toBe(true);
  });

  it('counts on through the 1、 restart in one cell', () => {
    const p = byName(list, '广州市生态环境局2023-2024年信息化运维项目(2023)');
    expect(p.indicators.map((i) => i.name.text)).toEqual([
      '运营维护数量（全年维护次数）',
      '故障响应率（%）',
      '全年主干网络系统通畅率.',
      '目标群体满意率',
      '重大故障次数（全年信息系统出现重大故障次数）',
    ]);
    expect(p.indicators[4].packed?.index).toBe(4);
    expect(p.indicators[4].values[0].text).toBe('≤2次');
  });
});

describe('Guangzhou Panyu branch (fixtures/seeds/guangzhou-panyu-project-list.xlsx)', () => {
  let grid: Grid;
  let list: ProjectList;
  beforeAll(async () => ({ grid, list } = await load('guangzhou-panyu-project-list.xlsx')));

  it('is found by its header, with the 单位 line on a row of its own', () => {
    expect(list.title).toBe('项目支出绩效目标表（含转移支付项目）');
    expect(rangeToA1(list.range)).toBe('A1:G19');
    expect(list.unit).toBe('万元');
    expect(list.department).toEqual({ text: '广州市生态环境局番禺分局', cell: { row: 1, col: 0 } });
    expect(readSheet(grid).map((f) => f.kind)).toEqual(['project-list']);
  });

  it('reads 合计 2243.96 typed as text, and the unit row', () => {
    const total = list.total!;
    expect(total.total.text).toBe('2,243.96');
    expect(total.total.amount).toMatchObject({ ok: true, fromText: true, decimals: 2 });
    expect(amountOf(total.total)).toBe('2243.96');
    expect(amountOf(total.fiscal)).toBe('2243.96');
    expect(total.special.amount.ok).toBe(false);
    expect(list.units.map((u) => [u.name.text, amountOf(u.total), u.projects.length])).toEqual([
      ['广州市生态环境局番禺分局', '2243.96', 13],
    ]);
  });

  it('reads the 13 projects; their 总计 adds up to 合计', () => {
    const projects = projectsOf(list);
    expect(projects.map((p) => [p.name.text, amountOf(p.total), p.indicators.length])).toEqual([
      ['购置经费', '36.00', 5],
      ['机构运行辅助经费', '590.90', 6],
      ['污染源在线管理专项经费', '234.50', 13],
      ['番禺分局构建现代治理体系工作经费', '173.48', 14],
      ['其他运行经费', '146.30', 10],
      ['番禺区污染源环境安全技术评估项目', '160.00', 4],
      ['固体废物申报及规范化管理技术服务项目', '90.00', 6],
      ['环评与排放管理工作经费', '218.06', 7],
      ['大气污染防治专项经费', '138.96', 15],
      ['水污染防治专项经费', '136.00', 13],
      ['监督执法与应急、信访专项经费', '235.00', 29],
      ['生态环境监测专项经费', '47.30', 11],
      ['广州市生态环境局番禺分局2024年-2025年信息化运维项目', '37.46', 6],
    ]);
    const totals = projects.map((p) => (p.total.amount.ok ? p.total.amount.value : null)!);
    expect(sum(totals).toFixed(2)).toBe('2243.96');
    expect(list.indicators).toHaveLength(139);
  });

  it('reads 监督执法与应急、信访专项经费 through its <p> markup', () => {
    const p = byName(list, '监督执法与应急、信访专项经费');
    expect(a1(p.name.cell)).toBe('A17');
    expect(p.total.text).toBe('<p>235.00</p>');
    expect(p.total.amount).toMatchObject({ ok: true, decimals: 2 });
    expect(amountOf(p.total)).toBe('235.00');
    expect(amountOf(p.fiscal)).toBe('235.00');
    // the cell texts stay as written, so a markup rule can see them
    expect(p.target.text.startsWith('<p>通过开展监督执法')).toBe(true);
    expect(p.indicatorCell.text.startsWith('<p>1、1-产出指标')).toBe(true);
    expect(a1(p.indicatorCell.cell)).toBe('G17');
    const last = p.indicators[28];
    expect([last.level1.text, last.level2.text, last.name.text]).toEqual([
      '3-满意度指标',
      '31-服务对象满意度',
      '抽检对象满意度',
    ]);
    expect(last.values.map((v) => [v.period, v.text])).toEqual([
      ['period', '≥90%'],
      ['annual', '≥90%'],
    ]);
  });

  it('reads style-2 cells with codes kept as written', () => {
    const p = byName(list, '购置经费');
    expect(p.indicators.map((i) => [i.level1.text, i.level2.text, i.name.text])).toEqual([
      ['1-产出指标', '11-数量指标', '购置车辆数量'],
      ['1-产出指标', '12-质量指标', '验收合格率'],
      ['1-产出指标', '13-时效指标', '车辆到位率'],
      ['2-效益指标', '22-社会效益', '提升公共服务水平'],
      ['2-效益指标', '24-可持续影响', '车辆使用率'],
    ]);
    expect(p.indicators[0].values).toEqual([
      { period: 'period', text: '车2台', cell: { row: 6, col: 6 } },
      { period: 'annual', text: '车2台', cell: { row: 6, col: 6 } },
    ]);
  });

  it('puts the target and indicators of the rows the copy shifted under their headers', () => {
    const p = byName(list, '番禺分局构建现代治理体系工作经费');
    expect(a1(p.target.cell)).toBe('F10');
    expect(p.target.text.startsWith('<p>1.开展法律服务项目')).toBe(true);
    expect(p.other.amount.ok).toBe(false);
    expect(p.indicators[0].values.map((v) => v.text)).toEqual(['≥2次', '≥2次']);
  });
});
