import {
  Grid,
  rangeFromA1,
  toA1,
  type CellRef,
  type CellValue,
  type Range,
} from '../../src/engine/grid';
import type { ProjectForm } from '../../src/engine/model/forms';
import { readProjectForms } from '../../src/engine/forms/project-form';

/** A sheet from rows of cells (null or '' for blanks) and merges in A1 notation. */
function grid(
  rows: ReadonlyArray<ReadonlyArray<CellValue>>,
  merges: ReadonlyArray<string> = [],
  name = 'Sheet1',
): Grid {
  const cells = rows.map((r) => r.map((v) => (v === '' ? null : v)));
  return new Grid({ name, cells, merges: merges.map((m) => rangeFromA1(m) as Range) });
}

/** Pads a row with `n` blank cells in front (a form that does not start in column A). */
const at = (n: number, ...cells: CellValue[]): CellValue[] => [
  ...Array<CellValue>(n).fill(null),
  ...cells,
];

const a1 = (c: CellRef | null | undefined) => (c ? toA1(c) : null);
const amount = (f: { amount: ProjectForm['budget']['amount'] } | undefined) =>
  f && f.amount.ok ? f.amount.value.toFixed() : null;

describe('project form layouts beyond Tianjin', () => {
  it('reads a Ministry-style form at C5: 单位：元, two value columns, 确定依据, plan, split targets, 成本指标 first level', () => {
    const rows: CellValue[][] = [
      [],
      [],
      [],
      [],
      at(2, '2024年市级环境监测能力提升项目绩效目标申报表'),
      at(8, '单位：元'),
      at(2, '项目编码', '571-0101-YBN-NFOY', null, '项目名称', '环境监测能力提升项目'),
      at(2, '主管部门：', '某市生态环境局', null, '实施单位：', '某市环境监测中心站'),
      at(2, '预算规模', '年度资金总额', '财政拨款', '其他资金'),
      at(2, null, 1200000, 1000000, '200,000'),
      at(2, '资金支出计划（%）', '3月底', '6月底', '9月底', '12月底'),
      at(2, null, null, 0.3, 0.6, 1),
      at(2, '绩效目标', '实施期目标', null, null, '年度目标'),
      at(2, null, '三年内建成覆盖全市的自动监测网络', null, null, '2024年完成6台设备购置安装'),
      at(2, '一级指标', '二级指标', '三级指标', '实施周期指标值', '年度指标值', '指标值确定依据'),
      at(2, '产出指标', '数量指标', '监测设备购置数量', '≥10台', '≥6台', '计划标准'),
      at(2, null, '质量指标', '设备验收合格率', '100%', '100%', '行业标准'),
      at(2, null, '时效指标', '设备安装完成时间', '2026年底前', '2024年10月底前', '工作计划'),
      at(2, '成本指标', '经济成本指标', '设备购置成本', '≤3000000元', '≤1200000元', '合同约定'),
      at(2, '效益指标', '社会效益指标', '监测数据有效率', '≥90%', '≥90%', '历史标准'),
      at(2, '满意度指标', '服务对象满意度指标', '公众满意度', '≥85%', null, '其他标准'),
      at(2, '注：指标值确定依据从计划标准、行业标准、历史标准、其他标准中选择。'),
    ];
    const merges = [
      'C5:I5',
      'D7:E7',
      'G7:I7',
      'D8:E8',
      'G8:I8',
      'C9:C10',
      'C11:C12',
      'C13:C14',
      'D13:F13',
      'G13:I13',
      'D14:F14',
      'G14:I14',
    ];
    const [f, ...rest] = readProjectForms(grid(rows, merges));
    expect(rest).toEqual([]);
    expect(f.title).toBe('2024年市级环境监测能力提升项目绩效目标申报表');
    expect(a1(f.titleCell)).toBe('C5');
    expect(f.unit).toBe('元');
    expect(f.code).toEqual({ text: '571-0101-YBN-NFOY', cell: { row: 6, col: 3 } });
    expect(f.name.text).toBe('环境监测能力提升项目');
    expect(a1(f.name.cell)).toBe('G7');
    expect(f.department?.text).toBe('某市生态环境局');
    expect(f.implementer?.text).toBe('某市环境监测中心站');
    expect([amount(f.budget), amount(f.fiscal), amount(f.other)]).toEqual([
      '1200000',
      '1000000',
      '200000',
    ]);
    expect([a1(f.budget.cell), a1(f.fiscal?.cell), a1(f.other?.cell)]).toEqual([
      'D10',
      'E10',
      'F10',
    ]);
    expect(f.other?.amount.ok && f.other.amount.fromText).toBe(true);
    // a percent-formatted plan stores fractions; a blank early quarter stays blank
    expect(f.spendingPlan.map((p) => [p.label, a1(p.field.cell), amount(p.field)])).toEqual([
      ['3月底', 'D12', null],
      ['6月底', 'E12', '30'],
      ['9月底', 'F12', '60'],
      ['12月底', 'G12', '100'],
    ]);
    expect(f.targets.map((t) => [t.text, a1(t.cell)])).toEqual([
      ['三年内建成覆盖全市的自动监测网络', 'D14'],
      ['2024年完成6台设备购置安装', 'G14'],
    ]);
    expect(a1(f.targetsCell)).toBe('D14');
    expect(f.valueColumns).toEqual(['period', 'annual']);
    expect(f.indicators).toHaveLength(6);
    const cost = f.indicators[3];
    expect([cost.level1.text, a1(cost.level1.cell), cost.level2.text, cost.name.text]).toEqual([
      '成本指标',
      'C19',
      '经济成本指标',
      '设备购置成本',
    ]);
    expect(cost.values.map((v) => [v.period, v.text, a1(v.cell)])).toEqual([
      ['period', '≤3000000元', 'F19'],
      ['annual', '≤1200000元', 'G19'],
    ]);
    expect(cost.basis).toEqual({ text: '合同约定', cell: { row: 18, col: 7 } });
    expect(cost.description).toBeUndefined();
    // 一级 written once: the blank cells below continue it, pointing at the cell that holds the name
    expect(f.indicators.slice(0, 3).map((i) => a1(i.level1.cell))).toEqual(['C16', 'C16', 'C16']);
    // a missing annual value: the empty value cell itself
    expect(f.indicators[5].values[1]).toEqual({
      period: 'annual',
      text: '',
      cell: { row: 20, col: 6 },
    });
    // the note under the table is not an indicator and not part of the form
    expect(f.range).toEqual({ top: 4, left: 2, bottom: 20, right: 8 });
  });

  it('reads stacked forms without titles, full-width colons, label–value plan pairs and 目标1/目标2 rows', () => {
    const rows: CellValue[][] = [
      ['项目名称：', '智慧环保平台运维项目'],
      ['项目编码：', '2023-001'],
      ['年度资金总额（万元）：', 50, '其中：财政拨款：', 45, '其他资金：', 5],
      ['资金用途：', '平台运行维护'],
      ['资金支出计划（%）', '6月底', '50%', '12月底', '100%'],
      ['绩效目标', '目标1', '保障平台全年稳定运行'],
      [null, '目标2', '完成数据接入12类'],
      ['一级指标', '二级指标', '三级指标', '指标描述', '指标值'],
      ['产出指标', '数量指标', '接入数据类别', '新接入的数据类别', '≥12类'],
      [null, null, '运维巡检次数', '全年巡检次数', '≥12次'],
      [null, '质量指标', '平台可用率', '全年可用时间占比', null],
      ['效益指标', '社会效益指标', '支撑执法案件数', '平台支撑的执法案件', '≥100件'],
      ['满意度指标', '服务对象满意度指标', '使用人员满意度', '问卷调查', '≥90%'],
      [],
      ['单位：元'],
      ['项目编码', 'XM-2023-002'],
      ['项目名称', '环境宣传教育项目'],
      ['预算数', '2,392.47'],
      ['财政资金', '2,392.47'],
      ['其他资金', 0],
      ['绩效目标', '1.开展宣传活动\n2.制作宣传片1部'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '宣传活动场次', '≥10场'],
      ['满意度指标', '服务对象满意度', '群众满意度', '≥90%'],
      ['注：本表由项目单位填报。'],
    ];
    const merges = ['B1:E1', 'A6:A7', 'C6:E6', 'C7:E7', 'A9:A11', 'B9:B10'];
    const forms = readProjectForms(grid(rows, merges));
    expect(forms).toHaveLength(2);
    const [f, g] = forms;
    expect(f.title).toBe('');
    expect(f.titleCell).toBeNull();
    expect(f.unit).toBe('万元');
    expect(f.name).toEqual({ text: '智慧环保平台运维项目', cell: { row: 0, col: 1 } });
    expect(f.code?.text).toBe('2023-001');
    expect([amount(f.budget), amount(f.fiscal), amount(f.other)]).toEqual(['50', '45', '5']);
    expect([a1(f.budget.cell), a1(f.fiscal?.cell), a1(f.other?.cell)]).toEqual(['B3', 'D3', 'F3']);
    expect(f.purpose?.text).toBe('平台运行维护');
    expect(
      f.spendingPlan.map((p) => [p.label, p.field.text, amount(p.field), a1(p.field.cell)]),
    ).toEqual([
      ['6月底', '50%', '50', 'C5'],
      ['12月底', '100%', '100', 'E5'],
    ]);
    expect(f.targets.map((t) => [t.text, a1(t.cell)])).toEqual([
      ['保障平台全年稳定运行', 'C6'],
      ['完成数据接入12类', 'C7'],
    ]);
    expect(
      f.indicators.map((i) => [a1(i.level1.cell), i.level2.text, a1(i.level2.cell), i.name.text]),
    ).toEqual([
      ['A9', '数量指标', 'B9', '接入数据类别'],
      ['A9', '数量指标', 'B9', '运维巡检次数'],
      ['A9', '质量指标', 'B11', '平台可用率'],
      ['A12', '社会效益指标', 'B12', '支撑执法案件数'],
      ['A13', '服务对象满意度指标', 'B13', '使用人员满意度'],
    ]);
    expect(f.indicators[2].values[0]).toEqual({
      period: 'annual',
      text: '',
      cell: { row: 10, col: 4 },
    });
    expect(f.indicators[0].description?.text).toBe('新接入的数据类别');
    expect(f.range).toEqual({ top: 0, left: 0, bottom: 12, right: 5 });

    // the second form starts at its unit row; amounts typed as text stay text
    expect(g.range.top).toBe(14);
    expect(g.unit).toBe('元');
    expect(g.code?.text).toBe('XM-2023-002');
    expect(g.name.text).toBe('环境宣传教育项目');
    expect(g.budget.text).toBe('2,392.47');
    expect(
      g.budget.amount.ok && [g.budget.amount.value.toFixed(), g.budget.amount.fromText],
    ).toEqual(['2392.47', true]);
    expect(amount(g.other)).toBe('0');
    expect(g.targets).toEqual([
      { text: '1.开展宣传活动\n2.制作宣传片1部', cell: { row: 20, col: 1 } },
    ]);
    expect(g.indicators.map((i) => [i.level2.text, i.values[0].text])).toEqual([
      ['数量指标', '≥10场'],
      ['服务对象满意度', '≥90%'],
    ]);
    expect(g.indicators[0].description).toBeUndefined();
    expect(g.range.bottom).toBe(23);
  });

  it('reads labels above their values and a two-row 指标值 header', () => {
    const rows: CellValue[][] = [
      ['2023年大气污染防治专项资金项目绩效目标表'],
      ['项目名称', null, '主管部门', '实施单位'],
      ['大气污染防治专项', null, '某区生态环境局', '某区大气办'],
      ['预算数', '财政资金', '其他资金', '资金用途'],
      [300, 300, null, '用于大气污染防治'],
      ['绩效目标'],
      ['1.完成燃煤锅炉改造\n2.PM2.5浓度下降'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      [null, null, null, '实施周期指标值', '年度指标值'],
      ['产出指标', '数量指标', '锅炉改造台数', '≥30台', '≥10台'],
      ['效益指标', '生态效益指标', 'PM2.5年均浓度', '≤35微克/立方米', '≤38微克/立方米'],
      [],
      [],
      ['其他说明'],
    ];
    const merges = [
      'A1:E1',
      'A2:B2',
      'A3:B3',
      'A6:E6',
      'A7:E7',
      'A8:A9',
      'B8:B9',
      'C8:C9',
      'D8:E8',
    ];
    const [f, ...rest] = readProjectForms(grid(rows, merges));
    expect(rest).toEqual([]);
    expect(f.name).toEqual({ text: '大气污染防治专项', cell: { row: 2, col: 0 } });
    expect(f.department?.text).toBe('某区生态环境局');
    expect(f.implementer?.text).toBe('某区大气办');
    expect([amount(f.budget), amount(f.fiscal)]).toEqual(['300', '300']);
    expect(f.other).toMatchObject({ text: '', cell: { row: 4, col: 2 } });
    expect(f.purpose?.text).toBe('用于大气污染防治');
    expect(f.targets.map((t) => a1(t.cell))).toEqual(['A7']);
    expect(f.valueColumns).toEqual(['period', 'annual']);
    expect(f.indicators).toHaveLength(2);
    expect(f.indicators[1].values.map((v) => [v.period, v.text])).toEqual([
      ['period', '≤35微克/立方米'],
      ['annual', '≤38微克/立方米'],
    ]);
    expect(f.range.bottom).toBe(10);
  });

  it('points targetsCell at the empty 绩效目标 cell and keeps blank fields', () => {
    const rows: CellValue[][] = [
      ['项目名称', null],
      ['预算数', null],
      ['绩效目标', null],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '', ''],
    ];
    const [f] = readProjectForms(grid(rows, ['B1:D1', 'B2:D2', 'B3:D3']));
    expect(f.name).toEqual({ text: '', cell: { row: 0, col: 1 } });
    expect(f.budget).toMatchObject({
      text: '',
      cell: { row: 1, col: 1 },
      amount: { ok: false, problem: 'empty' },
    });
    expect(f.targets).toEqual([]);
    expect(a1(f.targetsCell)).toBe('B3');
    expect(f.indicators).toHaveLength(1);
    expect(f.indicators[0].name).toEqual({ text: '', cell: { row: 4, col: 2 } });
    expect(f.indicators[0].values[0].cell).toEqual({ row: 4, col: 3 });
  });

  it('reads columns in another order, with a 绩效指标 column merged down the left', () => {
    const rows: CellValue[][] = [
      ['项目名称', '污水处理厂运行补助'],
      ['预算数（元）', 500000],
      ['绩效目标', '保障污水处理厂稳定运行'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '绩效指标描述'],
      [null, '产出指标', '数量指标', '处理污水量', '≥1000万吨', '年处理量'],
      [null, null, '时效指标', '补助发放时间', '2023年底前', '按季度发放'],
      [null, '满意度指标', '服务对象满意度指标', '居民满意度', '≥90%', null],
    ];
    const [f] = readProjectForms(grid(rows, ['A4:A7']));
    expect(f.unit).toBe('元');
    expect(amount(f.budget)).toBe('500000');
    expect(
      f.indicators.map((i) => [
        a1(i.level1.cell),
        i.name.text,
        i.values[0].text,
        i.description?.text,
      ]),
    ).toEqual([
      ['B5', '处理污水量', '≥1000万吨', '年处理量'],
      ['B5', '补助发放时间', '2023年底前', '按季度发放'],
      ['B7', '居民满意度', '≥90%', ''],
    ]);
    expect(f.range.left).toBe(0);
  });
});

describe('sheets that belong to other readers', () => {
  it('ignores a project list, even under a title ending in 绩效目标表', () => {
    const rows: CellValue[][] = [
      ['2023年项目支出绩效目标表'],
      ['部门名称：广州市生态环境局番禺分局'],
      ['单位：万元'],
      [
        '项目名称（资金使用单位）',
        '总计',
        '财政拨款',
        '财政专户拨款',
        '其他资金',
        '绩效目标',
        '绩效指标',
      ],
      ['合计', '2,243.96', '2,243.96', null, null, null, null],
      [
        '购置经费',
        '36.00',
        '36.00',
        null,
        null,
        '通过采购2辆新能源执法车',
        '1、产出指标：购置车辆数量，年度指标值：2辆。',
      ],
    ];
    expect(readProjectForms(grid(rows))).toEqual([]);
    rows[0] = ['项目支出绩效目标表（含转移支付项目）'];
    expect(readProjectForms(grid(rows))).toEqual([]);
  });

  it('ignores a department form', () => {
    const rows: CellValue[][] = [
      ['部门整体支出绩效目标申报表'],
      ['部门名称', '湛江市生态环境局'],
      ['基本情况', '财政供养人员数量', 187, '预算安排年度', '2020 年'],
      [null, '下属单位数量', 11, '部门预算金额', '8254.22 万元'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '三级指标目标值'],
      [null, '产出指标', '数量指标', '监测断面数', '25个'],
    ];
    expect(readProjectForms(grid(rows))).toEqual([]);
  });

  it('reads a project form that follows a department form on the same sheet', () => {
    const rows: CellValue[][] = [
      ['部门整体支出绩效目标表'],
      ['部门名称', '某局'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '检查次数', '≥10次'],
      [],
      ['某项目绩效目标表'],
      ['项目名称', '某项目'],
      ['预算数', 10],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训人数', '≥100人'],
    ];
    const forms = readProjectForms(grid(rows));
    expect(forms.map((f) => [f.title, f.name.text, f.range.top, f.indicators.length])).toEqual([
      ['某项目绩效目标表', '某项目', 5, 1],
    ]);
  });
});
