import fs from 'node:fs';
import path from 'node:path';
import { readXlsx } from '../../src/adapters/xlsx';
import { Grid, rangeToA1, readSheet, sum, toA1, type CellRef } from '../../src/engine';
import type { AmountField, DepartmentForm } from '../../src/engine/model/forms';
import { departmentFormReader } from '../../src/engine/forms/department-form';

const FIXTURE = path.resolve(__dirname, '../../fixtures/seeds/zhanjiang-department-form.xlsx');

const a1 = (cell: CellRef | null) => (cell ? toA1(cell) : null);
const amountOf = (f: AmountField) => (f.amount.ok ? f.amount.value.toFixed() : f.amount.problem);

let grid: Grid;
let form: DepartmentForm;

beforeAll(async () => {
  const wb = await readXlsx(fs.readFileSync(FIXTURE));
  grid = new Grid(wb.sheets[0]);
  const forms = departmentFormReader.read(grid);
  expect(forms).toHaveLength(1);
  form = forms[0] as DepartmentForm;
});

describe('Zhanjiang department form (fixtures/seeds/zhanjiang-department-form.xlsx)', () => {
  it('is found by its title and covers the table, not the notes under it', () => {
    expect(form.kind).toBe('department-form');
    expect(form.title).toBe('部门整体支出绩效目标申报表');
    expect(a1(form.titleCell)).toBe('A2');
    expect(rangeToA1(form.range)).toBe('A2:G37');
    expect(form.unit).toBe('万元');
  });

  it('is the form readSheet finds on the sheet', () => {
    const forms = readSheet(grid);
    expect(forms.map((f) => f.kind)).toEqual(['department-form']);
  });

  it('reads the key–value fields at their cells', () => {
    expect(form.name).toEqual({ text: '湛江市生态环境局', cell: { row: 3, col: 1 } });
    expect(form.year?.text).toBe('2020 年');
    expect(a1(form.year?.cell ?? null)).toBe('E5');
    expect([form.staff?.text, a1(form.staff?.cell ?? null)]).toEqual(['187', 'C5']);
    expect([form.subunits?.text, a1(form.subunits?.cell ?? null)]).toEqual(['11', 'C6']);
    expect(form.summary?.text).toMatch(/^统一行使生态和城乡各类污染排放监管/);
    expect(a1(form.summary?.cell ?? null)).toBe('B7');
  });

  it('reads 部门预算金额 `8254.22 万元` typed as text', () => {
    expect(form.budget.text).toBe('8254.22 万元');
    expect(a1(form.budget.cell)).toBe('E6');
    expect(amountOf(form.budget)).toBe('8254.22');
    expect(form.budget.amount.ok && form.budget.amount.fromText).toBe(true);
  });

  it('reads the four splits of 预算整体情况 with their cells', () => {
    const got = form.splits.map((s) => [
      s.key,
      s.label,
      ...s.parts.map((p) => `${p.label}=${amountOf(p.field)}@${a1(p.field.cell)}`),
    ]);
    expect(got).toEqual([
      ['expense-type', '按支出类型', '基本支出=4754.96@D9', '项目支出=3499.26@D10'],
      ['revenue-source', '按收入来源', '财政拨款=8254.22@G9', '其他资金=0@G10'],
      ['expense-nature', '按支出性质', '运转性支出=8254.22@D12', '事业发展性支出=0@D13'],
      ['budget-level', '按预算级次', '市本级预算=8254.22@G12', '转移支付市县=0@G13'],
    ]);
    for (const s of form.splits) {
      const total = sum(s.parts.flatMap((p) => (p.field.amount.ok ? [p.field.amount.value] : [])));
      expect(total.toFixed(2)).toBe('8254.22');
    }
  });

  it('reads the five key tasks, the page breaks of the PDF put back together', () => {
    expect(form.tasks).toHaveLength(5);
    expect(form.tasks.map((t) => amountOf(t.amount))).toEqual(['300', '200', '300', '200', '650']);
    expect(form.tasks.map((t) => a1(t.amount.cell))).toEqual(['D15', 'D16', 'D17', 'D18', 'D19']);
    const total = sum(
      form.tasks.flatMap((t) => (t.amount.amount.ok ? [t.amount.amount.value] : [])),
    );
    expect(total.toFixed()).toBe('1650');
    const projects = form.splits[0].parts[1].field.amount;
    expect(projects.ok && total.lte(projects.value)).toBe(true);

    const [first, second, , fourth, fifth] = form.tasks;
    expect(first.name.text).toBe('市环保环境质量常规性检测维护');
    expect(first.content?.text).toContain('完成 15 个<p>功能区噪声、198个区域环境噪声');
    expect(a1(first.goal?.cell ?? null)).toBe('E15');
    expect(second.name.text).toBe('<p>湛江市生态环境智能指挥中心建设</p>');
    expect(second.amount.text).toBe('<p>200</p>');
    expect(second.content?.text).toContain('数据接口访问规范、数</p><p>据共享访问规范');
    // the form's own mistake: the 4th name repeats the 3rd task's goal
    expect(fourth.name.text).toMatch(
      /^<p>一完成海洋督查反馈意见整改.*海水养殖<\/p>等污染物量化消减指标/,
    );
    expect(fifth.name.text).toBe('湛江市“千吨万人”饮用水水源保护区划定');
    expect(form.tasks.map((t) => t.row)).toEqual([14, 15, 16, 17, 18]);
  });

  it('reads the indicators under the merged 生态效益指标 cell', () => {
    expect(form.indicators).toHaveLength(3);
    const air = form.indicators.find((i) => i.name.text === '强化优良空气提升');
    expect(air).toBeDefined();
    expect(air?.values).toHaveLength(1);
    expect(air?.values[0].period).toBe('annual');
    expect(air?.values[0].text).toBe(
      '到2020年底空气质量优良率≥94%、PM2.5≤29（微克/立方米），确保我市空气质量保持全省前列。',
    );
    expect(a1(air?.values[0].cell ?? null)).toBe('E32');
    expect(a1(air?.name.cell ?? null)).toBe('D32');
    for (const i of form.indicators) {
      expect([i.level1.text, a1(i.level1.cell)]).toEqual(['效益指标', 'B29']);
      expect([i.level2.text, a1(i.level2.cell)]).toEqual(['生态效益指标', 'C31']);
    }
    expect(form.indicators.map((i) => [i.row, i.name.text, i.values[0].text])).toEqual([
      [30, '强化水质达标攻坚', expect.stringMatching(/^推动全市9个考核断面水质稳定达标/)],
      [31, '强化优良空气提升', expect.stringMatching(/^到2020年底空气质量优良率≥94%/)],
      [32, '强化农村污水治理', expect.stringMatching(/^2020 年底/)],
    ]);
    expect(form.indicators[2].values[0].text).toBe('2020 年底农村生活污水治理率达 40%以上');
  });

  it('lists the categories written without an indicator, not as indicators with missing values', () => {
    expect(
      form.emptyCategories?.map((c) => `${c.level1.text}/${c.level2.text}@${a1(c.level2.cell)}`),
    ).toEqual([
      '产出指标/数量指标@C25',
      '产出指标/质量指标@C26',
      '产出指标/时效指标@C27',
      '产出指标/成本指标@C28',
      '效益指标/经济效益指标@C29',
      '效益指标/社会效益指标@C30',
      '效益指标/可持续影响指标@C34',
      '效益指标/服务对象满意度@C35',
    ]);
    // the level cell keeps the explanation the clerk wrote after the colon
    expect(grid.text(24, 1)).toMatch(/^产出指标：统一行使/);
  });

  it('honours a row window', () => {
    expect(departmentFormReader.read(grid, { top: 3, bottom: 40 })).toEqual([]);
    const [cut] = departmentFormReader.read(grid, { top: 0, bottom: 20 }) as DepartmentForm[];
    expect(cut.tasks).toHaveLength(5);
    expect(cut.indicators).toEqual([]);
    expect(cut.range.bottom).toBeLessThanOrEqual(20);
    expect(departmentFormReader.read(grid, { top: 0, bottom: 40 })).toEqual([form]);
  });
});
