/**
 * The Ministry of Finance's own layouts, which many cities copy: a project form with 主管部门 /
 * 实施单位, 项目资金（万元）: 年度资金总额 / 其中：财政拨款 / 其他资金, 年度总体目标 and a 绩效指标
 * label left of the indicator header; a 部门（单位）整体支出绩效目标申报表 with 年度主要任务 (a
 * 预算申请（万元） header over 总额 | 财政拨款 | 其他资金), 金额合计, 年度总体目标 and 年度绩效指标.
 * Written here as the published templates lay them out, not taken from the seeds.
 */
import { describe, expect, it } from '@jest/globals';
import {
  checkSheet,
  rangeFromA1,
  type CellValue,
  type SheetData,
  type Range,
} from '../../src/engine';
import { normalise } from '../../src/engine/normalise/normalise';

const sheet = (cells: CellValue[][], merges: string[]): SheetData => ({
  name: '表1',
  cells,
  merges: merges.map((m) => rangeFromA1(m) as Range),
});
const found = (s: SheetData) => checkSheet(s).findings.map((f) => `${f.cell} ${f.rule}`);

const PROJECT: CellValue[][] = [
  ['项目支出绩效目标表'],
  ['（2024年度）'],
  ['项目名称', '农村饮水安全巩固提升工程'],
  ['主管部门', '某县水利局', null, '实施单位', '某县农村供水站'],
  ['项目资金（万元）', '年度资金总额', null, 120],
  [null, '其中：财政拨款', null, 100],
  [null, '其他资金', null, 20],
  ['年度总体目标', '完成5个村的饮水工程改造，受益人口不少于3000人。'],
  ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
  [null, '产出指标', '数量指标', '改造村数', '5个'],
  [null, null, '质量指标', '水质达标率', '》95%'],
  [null, null, '时效指标', '完工时间', '2024年12月底前'],
  [null, null, '成本指标', '工程总成本', '≤130万元'],
  [null, '效益指标', '社会效益指标', '受益人口', '≥3000人'],
  [null, null, '可持续影响指标', '工程使用年限', '≥15年'],
  [null, '满意度指标', '服务对象满意度指标', '受益群众满意度', '≥90%'],
];
const PROJECT_MERGES = [
  'A1:E1',
  'A2:E2',
  'B3:E3',
  'A5:A7',
  'B5:C5',
  'B6:C6',
  'B7:C7',
  'D5:E5',
  'D6:E6',
  'D7:E7',
  'B8:E8',
  'A9:A16',
  'B10:B13',
  'B14:B15',
];

const DEPARTMENT = (title: string): CellValue[][] => [
  [title],
  ['（2024年度）'],
  ['部门（单位）名称', '某县水利局'],
  ['年度主要任务', '任务名称', '主要内容', '预算申请（万元）'],
  [null, null, null, '总额', '财政拨款', '其他资金'],
  [null, '农村饮水', '饮水工程改造', 120, 100, 20],
  [null, '河道治理', '清淤', 90, 80, 10],
  ['金额合计', null, null, 200, 180, 20],
  ['年度总体目标', '完成饮水工程改造和河道治理。'],
  ['年度绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
  [null, '产出指标', '数量指标', '改造村数', '5个'],
  [null, null, '质量指标', '水质达标率', '》95%'],
  [null, null, '时效指标', '完工时间', '2024年12月底前'],
  [null, null, '成本指标', '工程总成本', '≤200万元'],
  [null, '效益指标', '社会效益指标', '受益人口', '≥3000人'],
  [null, '满意度指标', '服务对象满意度指标', '受益群众满意度', '≥90%'],
];
const DEPARTMENT_MERGES = [
  'A1:F1',
  'A2:F2',
  'B3:F3',
  'A4:A7',
  'B4:B5',
  'C4:C5',
  'D4:F4',
  'A8:C8',
  'B9:F9',
  'A10:A16',
  'B11:B14',
];

describe('the national project form', () => {
  it('is read with its funding, target and indicators; its typos are found', () => {
    const s = sheet(PROJECT, PROJECT_MERGES);
    const r = checkSheet(s);
    expect(r.forms.map((f) => [f.kind, f.indicators.length])).toEqual([['project-form', 7]]);
    expect(found(s)).toEqual(['E11 value.operator-typo', 'E13 funding.cost-exceeds-budget']);
    const [project] = normalise([{ source: 'a.xlsx', sheets: [r] }]).projects.rows;
    expect([
      project.project,
      project.unitName,
      project.budget,
      project.fiscal,
      project.other,
    ]).toEqual(['农村饮水安全巩固提升工程', '某县农村供水站', 120, 100, 20]);
  });
});

describe('the national department form', () => {
  it.each([
    '部门（单位）整体支出绩效目标申报表',
    '单位整体支出绩效目标表',
    '部门整体支出绩效目标表',
  ])('%s: found and read, never silently passed over', (title) => {
    const s = sheet(DEPARTMENT(title), DEPARTMENT_MERGES);
    const r = checkSheet(s);
    expect(r.forms.map((f) => [f.kind, f.indicators.length])).toEqual([['department-form', 6]]);
    // the tasks (120 + 90) are more than 金额合计 (200); the typo in the indicators
    expect(found(s)).toEqual(['D8 funding.tasks-exceed-budget', 'E12 value.operator-typo']);
  });

  it('the tasks end at 金额合计; 年度总体目标 is no task', () => {
    const r = checkSheet(
      sheet(DEPARTMENT('部门（单位）整体支出绩效目标申报表'), DEPARTMENT_MERGES),
    );
    const form = r.forms[0];
    if (form.kind !== 'department-form') throw new Error('expected a department form');
    expect(form.tasks.map((t) => [t.name.text, t.amount.text])).toEqual([
      ['农村饮水', '120'],
      ['河道治理', '90'],
    ]);
  });
});

describe('a department form with a 年度部门整体支出预算 block', () => {
  it('takes 资金总额 as the budget, not the block label', () => {
    const s = sheet(
      [
        ['2024年度部门整体支出绩效目标申报表'],
        ['部门名称', '某局', null, '主管部门', '某市政府'],
        ['年度部门整体支出预算（万元）', '资金总额', 500, '财政拨款', 450],
        [null, '其他资金', 50],
        ['年度总体目标', '完成各项工作'],
        ['年度绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
        [null, '产出指标', '数量指标', '培训人数', '≥200人次'],
        [null, null, '成本指标', '培训成本', '≤600万元'],
        [null, '效益指标', '社会效益指标', '群众知晓率', '≥90%'],
        [null, '满意度指标', '服务对象满意度指标', '满意度', '≥90%'],
      ],
      ['A3:A4', 'A6:A10'],
    );
    const form = checkSheet(s).forms[0];
    if (form.kind !== 'department-form') throw new Error('expected a department form');
    expect(form.budget?.text).toBe('500');
    // no 表中找不到“部门预算金额”; the cost cap over the budget is found
    expect(found(s)).toEqual(['E8 funding.cost-exceeds-budget']);
  });
});
