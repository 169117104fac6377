/**
 * `form.unreadable` (issue 8): a form found whose indicators were not read is an error, never the
 * quiet “本表没有填写绩效指标” of an empty table. One case per way a table fails to read, the really
 * empty table, and no such finding on any seed fixture, layout fixture or template.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readXlsx } from '../../src/adapters/xlsx';
import { writeTemplateXlsx } from '../../src/adapters/xlsx/template-writer';
import {
  checkSheet,
  checkWorkbook,
  rangeFromA1,
  type CellValue,
  type Finding,
  type Range,
} from '../../src/engine';
import { buildTemplate, type TemplateKind } from '../../src/templates';
import { FIXTURES } from '../helpers/cli';

/** Tianjin form 1's header block (seed lines 1–20) above whatever table a case gives. */
const BLOCK: CellValue[][] = [
  ['2023年物业费项目绩效目标表'],
  ['362101天津市生态环境局财务处（审计处）', null, null, '单位：万元'],
  ['项目名称', '2023年物业费项目'],
  ['预算规模及资金用途', '预算数', 104],
  [null, '其中：财政    资金', 104],
  [null, '其他资金'],
  [null, '用于物业管理相关工作支出。'],
  ['绩效目标', '1.支撑保障市生态环境局正常工作开展。'],
];
const MERGES = ['A1:E1', 'A4:A7', 'B3:E3', 'C4:E4', 'C5:E5', 'C6:E6', 'B7:E7', 'B8:E8'];
const ROWS: CellValue[][] = [
  ['产出指标', '数量指标', '物业保障人员数量', '物业保障人员数量', '≥5人'],
  [null, '质量指标', '机关物业保洁率', '机关物业保洁率', '100%'],
  ['效益指标', '社会效益指标', '局机关正常运转', '局机关正常运转', '保障正常运转'],
  ['满意度指标', '服务对象满意度指标', '局机关满意度', '局机关满意度', '≥90%'],
];

function project(table: CellValue[][], merges: string[] = []) {
  return checkSheet({
    name: '表1',
    cells: [...BLOCK, ...table],
    merges: [...MERGES, ...merges].map((m) => rangeFromA1(m) as Range),
  });
}

const of = (fs: ReadonlyArray<Finding>, rule: string) => fs.filter((f) => f.rule === rule);
const EMPTY_TABLE = '没有填写绩效指标';

describe('form.unreadable on a project form', () => {
  it('no header where the table belongs: at the row under the header block', () => {
    const r = project([['类别', '子类', '内容', '说明', '目标'], ...ROWS]);
    expect(r.forms).toHaveLength(1);
    const found = of(r.findings, 'form.unreadable');
    expect(found.map((f) => [f.cell, f.severity])).toEqual([['A9', 'error']]);
    expect(found[0].message).toContain('未找到绩效指标表的表头');
    expect(r.findings.some((f) => f.message.includes(EMPTY_TABLE))).toBe(false);
    // the form still covers the rows it could not read
    expect(r.forms[0].range.bottom).toBe(BLOCK.length + ROWS.length);
  });

  it('no table at all under a block that ends the sheet: inside the form, never past its end', () => {
    // a block on the sheet's last rows once put this at A1048577, a row no sheet has
    const r = project([]);
    const found = of(r.findings, 'form.unreadable');
    expect(found.map((f) => f.cell)).toEqual(['A8']);
    expect(r.forms[0].range.bottom).toBe(BLOCK.length - 1);
  });

  it('a header whose 三级 column is not recognised: at the header, naming the column', () => {
    const r = project([['一级指标', '二级指标', '考评要点', '绩效指标描述', '指标值'], ...ROWS]);
    const found = of(r.findings, 'form.unreadable');
    expect(found.map((f) => f.cell)).toEqual(['A9']);
    expect(found[0].message).toContain('找到了绩效指标表头');
    expect(found[0].message).toContain('未能识别“三级指标”列');
    expect(found[0].message).toContain('考评要点');
    expect(r.findings.some((f) => f.message.includes(EMPTY_TABLE))).toBe(false);
  });

  it('a header without a value column', () => {
    const r = project([['一级指标', '二级指标', '三级指标', '绩效指标描述', '完成情况'], ...ROWS]);
    const found = of(r.findings, 'form.unreadable');
    expect(found.map((f) => f.cell)).toEqual(['A9']);
    expect(found[0].message).toContain('未能识别“指标值”列');
  });

  it('a header with indicator rows below a gap longer than any form has', () => {
    const gap: CellValue[][] = Array.from({ length: 12 }, () => []);
    const r = project([
      ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值'],
      ...gap,
      ...ROWS,
    ]);
    const found = of(r.findings, 'form.unreadable');
    expect(found.map((f) => f.cell)).toEqual(['A9']);
    expect(found[0].message).toContain('表头下没有读出任何指标');
    expect(found[0].message).toContain('第 22–25 行');
    expect(found[0].message).toContain('空行过多');
    expect(r.forms[0].table?.status).toBe('unread');
  });

  it('a header with a note merged across the table before the rows', () => {
    const r = project(
      [
        ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值'],
        ['以下指标按上年度口径填写'],
        ...ROWS,
      ],
      ['A10:E10'],
    );
    const found = of(r.findings, 'form.unreadable');
    expect(found.map((f) => f.cell)).toEqual(['A9']);
    expect(found[0].message).toContain('跨列合并的说明');
  });

  it('not on a table that is really empty: that is 本表没有填写绩效指标', () => {
    const r = project([['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值']]);
    expect(of(r.findings, 'form.unreadable')).toEqual([]);
    expect(r.forms[0].table?.status).toBe('empty');
    expect(of(r.findings, 'indicator.missing-category').map((f) => f.message)).toEqual([
      '本表没有填写绩效指标。',
    ]);
  });

  it('not on the same form read normally', () => {
    const r = project([['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值'], ...ROWS]);
    expect(of(r.findings, 'form.unreadable')).toEqual([]);
    expect(r.forms[0].indicators).toHaveLength(4);
  });
});

describe('form.unreadable on a department form and a project list', () => {
  const DEPARTMENT: CellValue[][] = [
    ['部门整体支出绩效目标申报表'],
    ['部门名称', '湛江市生态环境局'],
    ['基本情况', '财政供养人员数量', 187, '部门预算金额', 8254.22],
    ['预算整体情况', '按支出类型', null, '预算金额（万元）'],
    [null, '其中', '基本支出', 4754.96],
    [null, null, '项目支出', 3499.26],
  ];
  it('a 绩效指标 block whose header lacks the 三级 column: at the header', () => {
    const r = checkSheet({
      name: '部门',
      cells: [
        ...DEPARTMENT,
        ['绩效指标', '一级指标', '二级指标', '工作内容', '三级指标目标值'],
        [null, '效益指标', '生态效益指标', '强化水质达标攻坚', '断面水质稳定达标'],
      ],
      merges: [],
    });
    expect(r.forms.map((f) => f.kind)).toEqual(['department-form']);
    const found = of(r.findings, 'form.unreadable');
    expect(found.map((f) => f.cell)).toEqual(['B7']);
    expect(found[0].message).toContain('未能识别“三级指标”列');
  });

  it('a 绩效指标 block with no header at all: at the block label', () => {
    const r = checkSheet({
      name: '部门',
      cells: [...DEPARTMENT, ['绩效指标', '强化水质达标攻坚', '断面水质稳定达标']],
      merges: [],
    });
    expect(of(r.findings, 'form.unreadable').map((f) => f.cell)).toEqual(['A7']);
  });

  it('a list project whose packed 绩效指标 cell holds text but no indicator', () => {
    const r = checkSheet({
      name: '清单',
      cells: [
        ['项目支出绩效目标表（含转移支付项目）'],
        [
          '项目名称（资金使用单位）',
          '总计',
          '财政拨款',
          '财政专户拨款',
          '其他资金',
          '绩效目标',
          '绩效指标',
        ],
        ['购置经费', 36, 36, null, null, '采购2辆新能源执法车。', '详见附件绩效指标表'],
        ['其他经费', 10, 10, null, null, '保障运转。', '1、产出指标：完成率，年度指标值：100%。'],
      ],
      merges: [],
    });
    const found = of(r.findings, 'form.unreadable');
    expect(found.map((f) => f.cell)).toEqual(['G3']);
    expect(found[0].message).toContain('购置经费');
    // the project is not reported as having no indicators
    expect(
      of(r.findings, 'indicator.missing-category').filter((f) => f.message.includes(EMPTY_TABLE)),
    ).toEqual([]);
  });
});

describe('no fixture and no template is unreadable', () => {
  it.each([
    ['seeds', 'tianjin-project-forms.xlsx'],
    ['seeds', 'tianjin-project-forms-by-sheet.xlsx'],
    ['seeds', 'guangzhou-env-tech-center-project-list.xlsx'],
    ['seeds', 'guangzhou-panyu-project-list.xlsx'],
    ['seeds', 'zhanjiang-department-form.xlsx'],
    ['layouts', 'tianjin-form8-layouts.xlsx'],
    ['layouts', 'zhanjiang-layouts.xlsx'],
  ])('%s/%s', async (dir, file) => {
    const wb = await readXlsx(fs.readFileSync(path.join(FIXTURES, dir, file)));
    const report = checkWorkbook(wb);
    expect(report.sheets.flatMap((s) => s.forms).length).toBeGreaterThan(0);
    expect(of(report.findings, 'form.unreadable')).toEqual([]);
    expect(report.sheets.flatMap((s) => s.unreadTitles ?? [])).toEqual([]);
  });

  it.each(['project', 'department', 'list'] as TemplateKind[])(
    'the blank %s template',
    async (kind) => {
      const wb = await readXlsx(await writeTemplateXlsx(buildTemplate(kind, {}), {}));
      const report = checkWorkbook(wb);
      expect(report.sheets.flatMap((s) => s.forms).map((f) => f.kind)).toHaveLength(1);
      expect(of(report.findings, 'form.unreadable')).toEqual([]);
      expect(report.sheets.flatMap((s) => s.unreadTitles ?? [])).toEqual([]);
    },
  );
});
