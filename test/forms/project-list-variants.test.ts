import {
  Grid,
  rangeFromA1,
  rangeToA1,
  readSheet,
  toA1,
  type CellRef,
  type CellValue,
} from '../../src/engine';
import type { AmountField, ListProject, ProjectList } from '../../src/engine/model/forms';
import { projectListReader } from '../../src/engine/forms/project-list';

const HEADER = [
  '项目名称（资金使用单位）',
  '总计',
  '财政拨款',
  '财政专户拨款',
  '其他资金',
  '绩效目标',
  '绩效指标',
];
const PACKED = '1、产出指标：完成率，年度指标值：100%。2、满意度指标：满意度，年度指标值：≥90%。';

function grid(rows: CellValue[][], merges: string[] = []): Grid {
  return new Grid({ name: '表1', cells: rows, merges: merges.map((m) => rangeFromA1(m)!) });
}

function read(g: Grid, window?: { top: number; bottom: number }): ProjectList[] {
  return projectListReader.read(g, window) as ProjectList[];
}

const a1 = (cell: CellRef | null) => (cell ? toA1(cell) : null);
const amountOf = (f: AmountField) => (f.amount.ok ? f.amount.value.toFixed() : f.amount.problem);
const projectsOf = (list: ProjectList) => list.units.flatMap((u) => u.projects);
const names = (ps: ReadonlyArray<ListProject>) => ps.map((p) => p.name.text);

describe('project list variants', () => {
  it('reads a list without a unit row: projects go into a unit with row -1', () => {
    const [list] = read(
      grid([
        ['项目支出绩效目标表（含转移支付项目）'],
        HEADER,
        ['合计', 30, 30],
        ['甲项目', 10, 10, null, null, '目标甲', PACKED],
        ['乙项目', 20, 20, null, null, '目标乙', PACKED],
      ]),
    );
    expect(list.units).toHaveLength(1);
    expect(list.units[0].row).toBe(-1);
    expect(list.units[0].name).toEqual({ text: '', cell: null });
    expect(names(list.units[0].projects)).toEqual(['甲项目', '乙项目']);
    expect(list.indicators).toHaveLength(4);
    expect(list.department).toBeUndefined();
  });

  it('reads 单位：元 and 部门名称 typed in one cell', () => {
    const [list] = read(
      grid([
        ['项目支出绩效目标汇总表'],
        ['部门名称：某某局 单位：元'],
        HEADER,
        ['合计', 1000, 1000],
        ['某某局', 1000, 1000],
        ['甲项目', 1000, 1000, null, null, '目标', PACKED],
      ]),
    );
    expect(list.title).toBe('项目支出绩效目标汇总表');
    expect(list.unit).toBe('元');
    expect(list.department).toEqual({ text: '某某局', cell: { row: 1, col: 0 } });
    expect(list.units.map((u) => [u.name.text, u.projects.length])).toEqual([['某某局', 1]]);
  });

  it('reads a list starting at column B, with a label and its name in two cells', () => {
    const [list] = read(
      grid(
        [
          [],
          [null, '项目支出绩效目标表（含转移支付项目）'],
          [null, '部门名称：', '某某中心', null, null, null, null, '单位：万元'],
          [null, ...HEADER],
          [null, '合计', 5, 5],
          [null, '  某某中心', 5, 5],
          [
            null,
            '  <p>甲项目</p>',
            '<p>5.00</p>',
            '<p>5.00</p>',
            null,
            null,
            '<p>目标</p>',
            `<p>${PACKED}</p>`,
          ],
        ],
        ['B2:H2'],
      ),
    );
    expect(rangeToA1(list.range)).toBe('B2:H7');
    expect(a1(list.titleCell)).toBe('B2');
    expect(list.department).toEqual({ text: '某某中心', cell: { row: 2, col: 2 } });
    const [p] = projectsOf(list);
    expect([p.name.text, a1(p.name.cell), amountOf(p.total)]).toEqual(['甲项目', 'B7', '5']);
    expect(p.indicators.map((i) => i.values[0].text)).toEqual(['100%', '≥90%']);
    expect(a1(p.indicators[0].packed!.cell)).toBe('H7');
  });

  it('reads columns in another order, without 财政专户拨款', () => {
    const [list] = read(
      grid([
        ['项目名称', '绩效指标', '绩效目标', '其他资金', '财政拨款', '总计（万元）'],
        ['合计', null, null, 2, 8, 10],
        ['单位甲', null, null, 2, 8, 10],
        ['甲项目', PACKED, '目标', 2, 8, 10],
      ]),
    );
    const [p] = projectsOf(list);
    expect([amountOf(p.total), amountOf(p.fiscal), amountOf(p.other)]).toEqual(['10', '8', '2']);
    expect(p.special).toMatchObject({ text: '', cell: null });
    expect([a1(p.target.cell), a1(p.indicatorCell.cell), a1(p.total.cell)]).toEqual([
      'C4',
      'B4',
      'F4',
    ]);
    expect(list.units[0].name.text).toBe('单位甲');
    expect(list.title).toBe('');
    expect(list.titleCell).toBeNull();
    expect(rangeToA1(list.range)).toBe('A1:F4');
  });

  it('reads the one-indicator-per-row variant under a two-row header', () => {
    const rows: CellValue[][] = [
      ['项目支出绩效目标表（含转移支付项目）'],
      ['项目名称', '总计', '财政拨款', '其他资金', '绩效目标', '绩效指标'],
      [null, null, null, null, null, '一级指标', '二级指标', '三级指标', '指标值'],
      ['合计', 30, 30],
      ['单位甲', 30, 30],
      ['甲项目', 10, 10, null, '目标甲', '产出指标', '数量指标', '购置车辆', '2台'],
      [null, null, null, null, null, null, null, '培训次数', '≥2次'],
      [null, null, null, null, null, null, '质量指标', '验收合格率', '100%'],
      [null, null, null, null, null, '满意度指标', '服务对象满意度指标', '满意度', '≥90%'],
      ['乙项目', 20, 20, null, '目标乙', '产出指标', '时效指标', '按时完成', '2024年底前'],
      [null, null, null, null, null, '效益指标', null, '此项目无经济效益', null],
    ];
    const merges = ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:I2', 'F6:F8'];
    const [list] = read(grid(rows, merges));
    expect(rangeToA1(list.range)).toBe('A1:I11');
    const [a, b] = projectsOf(list);
    expect(names([a, b])).toEqual(['甲项目', '乙项目']);
    expect(a.indicatorCell).toEqual({ text: '', cell: null });
    expect(
      a.indicators.map((i) => [
        i.level1.text,
        a1(i.level1.cell),
        i.level2.text,
        i.name.text,
        i.values[0].text,
      ]),
    ).toEqual([
      ['产出指标', 'F6', '数量指标', '购置车辆', '2台'],
      ['产出指标', 'F6', '数量指标', '培训次数', '≥2次'],
      ['产出指标', 'F6', '质量指标', '验收合格率', '100%'],
      ['满意度指标', 'F9', '服务对象满意度指标', '满意度', '≥90%'],
    ]);
    expect(
      a.indicators.every((i) => i.packed === undefined && i.values[0].period === 'annual'),
    ).toBe(true);
    expect(a.indicators.map((i) => a1(i.values[0].cell))).toEqual(['I6', 'I7', 'I8', 'I9']);
    // a new 一级 starts its 二级 afresh; an empty value is still a value column
    expect(
      b.indicators.map((i) => [i.level1.text, i.level2.text, i.name.text, i.values[0].text]),
    ).toEqual([
      ['产出指标', '时效指标', '按时完成', '2024年底前'],
      ['效益指标', '', '此项目无经济效益', ''],
    ]);
    expect(list.indicators).toHaveLength(6);
  });

  it('reads a one-row header with both value columns, project cells merged down', () => {
    const rows: CellValue[][] = [
      [
        '项目名称',
        '总计',
        '财政拨款',
        '绩效目标',
        '一级指标',
        '二级指标',
        '三级指标',
        '实施周期指标值',
        '年度指标值',
      ],
      ['甲项目', 10, 10, '目标', '产出指标', '数量指标', '车辆', '4台', '2台'],
      [null, null, null, null, null, null, '培训', '≥4次', '≥2次'],
      ['乙项目', 5, 5, '目标', '产出指标', '质量指标', '合格率', '100%', '100%'],
    ];
    const [list] = read(grid(rows, ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:F3']));
    const [a, b] = projectsOf(list);
    expect(names([a, b])).toEqual(['甲项目', '乙项目']);
    expect(
      a.indicators.map((i) => [i.name.text, ...i.values.map((v) => `${v.period}:${v.text}`)]),
    ).toEqual([
      ['车辆', 'period:4台', 'annual:2台'],
      ['培训', 'period:≥4次', 'annual:≥2次'],
    ]);
    expect(b.indicators).toHaveLength(1);
  });

  it('reads several lists stacked on one sheet, and one at a time through a window', () => {
    const listRows = (dept: string, n: number): CellValue[][] => [
      ['项目支出绩效目标表（含转移支付项目）'],
      [`部门名称：${dept}`],
      HEADER,
      ['合计', n, n],
      [dept, n, n],
      ['甲项目', n, n, null, null, '目标', PACKED],
    ];
    const g = grid([...listRows('一局', 1), [], ...listRows('二局', 2), ['注：金额单位为万元。']]);
    const lists = read(g);
    expect(
      lists.map((l) => [rangeToA1(l.range), l.department?.text, amountOf(l.total!.total)]),
    ).toEqual([
      ['A1:G6', '一局', '1'],
      ['A8:G13', '二局', '2'],
    ]);
    expect(read(g, { top: 7, bottom: 20 }).map((l) => rangeToA1(l.range))).toEqual(['A8:G13']);
    // a window that stops inside the second list reads only what lies inside it
    const cut = read(g, { top: 7, bottom: 11 });
    expect(cut.map((l) => [rangeToA1(l.range), projectsOf(l).length])).toEqual([['A8:G12', 0]]);
    expect(read(g, { top: 2, bottom: 5 }).map((l) => rangeToA1(l.range))).toEqual(['A3:G6']);
  });

  it('reads two units; a project missing its target and indicators stays a project', () => {
    const [list] = read(
      grid([
        HEADER,
        ['合计', 60, 60],
        ['一中心', 30, 30],
        ['甲经费', 10, 10, null, null, '目标', PACKED],
        ['乙经费', 20, 20],
        ['二站', 30, 30],
        ['丙项目', 30, 30, null, null, '目标', PACKED],
      ]),
    );
    expect(list.units.map((u) => [u.name.text, u.row, names(u.projects)])).toEqual([
      ['一中心', 2, ['甲经费', '乙经费']],
      ['二站', 5, ['丙项目']],
    ]);
  });

  it('recognises a unit row by its sum when its name says nothing', () => {
    const [list] = read(
      grid([
        HEADER,
        ['合计', 30, 30],
        ['甲', 10, 10],
        ['甲一', 10, 10, null, null, '目标', PACKED],
        ['乙', 20, 20],
        ['乙一', 5, 5, null, null, '目标', PACKED],
        ['乙二', 15, 15, null, null, '目标', PACKED],
      ]),
    );
    expect(list.units.map((u) => [u.name.text, u.projects.length])).toEqual([
      ['甲', 1],
      ['乙', 2],
    ]);
  });

  it('stops before a project form below the list, which readSheet then sees apart', () => {
    const g = grid([
      ['项目支出绩效目标表（含转移支付项目）'],
      HEADER,
      ['合计', 10, 10],
      ['甲项目', 10, 10, null, null, '目标', PACKED],
      [],
      ['2024年某某项目绩效目标表'],
      ['项目名称', '某某项目'],
    ]);
    const [list] = read(g);
    expect(rangeToA1(list.range)).toBe('A1:G4');
    expect(readSheet(g)[0].kind).toBe('project-list');
  });

  it('does not take a project form’s key–value rows or indicator table for a list', () => {
    const g = grid([
      ['2024年某某项目绩效目标表'],
      ['项目名称', '某某项目', '主管部门', '某局'],
      ['预算数', 100, '财政资金', 100],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '车辆', '2台'],
    ]);
    expect(read(g)).toEqual([]);
  });

  it('reads a continuation row holding more packed indicators for the project above', () => {
    const [list] = read(
      grid([
        HEADER,
        ['甲项目', 10, 10, null, null, '目标', '1、产出指标：完成率，年度指标值：100%。'],
        [null, null, null, null, null, null, '2、效益指标：覆盖率，年度指标值：≥90%。'],
      ]),
    );
    const [p] = projectsOf(list);
    expect(
      p.indicators.map((i) => [i.name.text, i.row, a1(i.packed!.cell), i.packed!.index]),
    ).toEqual([
      ['完成率', 1, 'G2', 0],
      ['覆盖率', 2, 'G3', 0],
    ]);
    expect(rangeToA1(list.range)).toBe('A1:G3');
  });

  // speed is the bench's job (npm run bench, series engine); this checks the result at scale
  it('reads a 10,000-row list, every project and indicator', () => {
    const rows: CellValue[][] = [HEADER, ['合计', 10000, 10000], ['某局', 10000, 10000]];
    for (let i = 0; i < 10_000; i++) rows.push([`项目${i}`, 1, 1, null, null, '目标', PACKED]);
    const g = grid(rows);
    const [list] = read(g);
    expect(projectsOf(list)).toHaveLength(10_000);
    expect(list.indicators).toHaveLength(20_000);
    expect(projectsOf(list)[9_999].indicators.map((i) => i.row)).toEqual([10_002, 10_002]);
  });
});
