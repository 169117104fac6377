/**
 * Round trip of issue 3: each template filled by field name from a real seed form → written as
 * .xlsx → read back → no error; three injected mistakes → exactly those three errors; `jixiao
 * normalise` on both files → the rows read back from the output .xlsx.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readXlsx } from '../../src/adapters/xlsx';
import { writeTemplateXlsx } from '../../src/adapters/xlsx/template-writer';
import { checkWorkbook, type Form, type WorkbookReport } from '../../src/engine';
import { INDICATOR_COLUMNS, PROJECT_COLUMNS } from '../../src/engine/normalise';
import {
  buildTemplate,
  cellValues,
  evaluateFormulas,
  fieldsToCells,
  type FieldValues,
  type TemplateSpec,
} from '../../src/templates';
import { runCli, tempDir } from '../helpers/cli';
import {
  TIANJIN_1_INDICATORS,
  TIANJIN_1_ROWS,
  findingsOf,
  keysOf,
  tianjin1Fields,
} from './helpers';

type Row = Record<string, unknown>;

interface Trip {
  readonly spec: TemplateSpec;
  readonly cleanFile: string;
  readonly injectedFile: string;
  readonly clean: WorkbookReport;
  readonly injected: WorkbookReport;
  /** rows of the 指标 and 项目资金 sheets of `jixiao normalise`, by header */
  readonly normalised: { clean: Row[]; injected: Row[]; projects: Row[]; injectedProjects: Row[] };
}

let dir: string;
const trips = new Map<string, Trip>();
const trip = (kind: string): Trip => {
  const t = trips.get(kind);
  if (!t) throw new Error(`no trip ${kind}`);
  return t;
};

/** The rows of a sheet as objects keyed by the header row. */
function rowsByHeader(ws: ExcelJS.Worksheet): Row[] {
  const all: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (r) => all.push((r.values as unknown[]).slice(1)));
  const [header, ...rows] = all;
  return rows.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i] ?? null])));
}

async function normalise(file: string): Promise<{ indicators: Row[]; projects: Row[] }> {
  const out = path.join(dir, `${path.basename(file, '.xlsx')}-规范.xlsx`);
  const run = await runCli(['normalise', file, '-o', out]);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const sheets = wb.worksheets.map((w) => w.name);
  expect(sheets).toEqual(['指标', '项目资金']);
  return {
    indicators: rowsByHeader(wb.getWorksheet('指标') as ExcelJS.Worksheet),
    projects: rowsByHeader(wb.getWorksheet('项目资金') as ExcelJS.Worksheet),
  };
}

/** The formula results a writer stores with a template filled by field name. */
function formulaResults(spec: TemplateSpec, fields: FieldValues): Record<string, unknown> {
  return evaluateFormulas(spec.sheet, cellValues(spec.sheet, fieldsToCells(spec.sheet, fields)));
}

/**
 * Fills `spec` with `fields` and writes it; then, optionally, changes written cells as a clerk would
 * in a spreadsheet program (`typed`: a number typed over a formula cell, which drops the formula).
 */
async function filled(
  spec: TemplateSpec,
  fields: FieldValues,
  typed: Record<string, number> = {},
): Promise<Uint8Array> {
  const bytes = await writeTemplateXlsx(spec, fields);
  if (Object.keys(typed).length === 0) return bytes;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const ws = wb.worksheets[0];
  for (const [address, v] of Object.entries(typed)) {
    expect(ws.getCell(address).formula).toBeTruthy();
    ws.getCell(address).value = v;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function roundTrip(
  kind: string,
  spec: TemplateSpec,
  fields: FieldValues,
  mistakes: FieldValues,
  typed: Record<string, number> = {},
): Promise<void> {
  const cleanFile = path.join(dir, `${kind}.xlsx`);
  const injectedFile = path.join(dir, `${kind}-三处错误.xlsx`);
  fs.writeFileSync(cleanFile, await filled(spec, fields));
  fs.writeFileSync(injectedFile, await filled(spec, { ...fields, ...mistakes }, typed));
  const clean = checkWorkbook(await readXlsx(fs.readFileSync(cleanFile)));
  const injected = checkWorkbook(await readXlsx(fs.readFileSync(injectedFile)));
  const a = await normalise(cleanFile);
  const b = await normalise(injectedFile);
  trips.set(kind, {
    spec,
    cleanFile,
    injectedFile,
    clean,
    injected,
    normalised: {
      clean: a.indicators,
      injected: b.indicators,
      projects: a.projects,
      injectedProjects: b.projects,
    },
  });
}

const forms = (r: WorkbookReport): Form[] => r.sheets.flatMap((s) => [...s.forms]);
const col = (rows: Row[], header: string): unknown[] => rows.map((r) => r[header]);

// ---------------------------------------------------------------------------------------------
// Tianjin form 1 → 项目支出绩效目标表

const PROJECT = buildTemplate('project', { rows: TIANJIN_1_ROWS });
const P = PROJECT.sheet.inputs;

// ---------------------------------------------------------------------------------------------
// Zhanjiang 2020 → 部门整体支出绩效目标表 (its three indicators are 生态效益指标)

const DEPARTMENT = buildTemplate('department', { year: 2020, rows: { 生态效益指标: 3 } });
const D = DEPARTMENT.sheet.inputs;
const ZHANJIANG_TASKS: ReadonlyArray<readonly [string, number]> = [
  ['市环保环境质量常规性检测维护', 300],
  ['湛江市生态环境智能指挥中心建设', 200],
  ['落实国家海洋督察整改', 300],
  ['排污许可证核发与证后监管', 200],
  ['湛江市“千吨万人”饮用水水源保护区划定', 650],
];
const ZHANJIANG_INDICATORS: ReadonlyArray<readonly [string, string]> = [
  [
    '强化水质达标攻坚',
    '推动全市9个考核断面水质稳定达标，地表水水质优良（达到或优于III类）断面比例达到100%',
  ],
  ['强化优良空气提升', '到2020年底空气质量优良率≥94%、PM2.5≤29（微克/立方米）'],
  ['强化农村污水治理', '2020年底农村生活污水治理率达40%以上'],
];
function zhanjiangFields(): Record<string, string | number> {
  const f: Record<string, string | number> = {
    'department.name': '湛江市生态环境局',
    'department.staff': 187,
    'department.year': 2020,
    'department.subunits': 11,
    'budget.total': 8254.22,
    summary:
      '统一行使生态和城乡各类污染排放监管与行政执法职责，切实履行监管责任，全面落实大气、水、土壤污染防治行动计划。',
    'split.basic': 4754.96,
    'split.project': 3499.26,
    'split.fiscal': 8254.22,
    'split.other': 0,
    'split.operating': 8254.22,
    'split.development': 0,
    'split.cityLevel': 8254.22,
    'split.transfer': 0,
  };
  ZHANJIANG_TASKS.forEach(([name, amount], i) => {
    f[`task[${i}].name`] = name;
    f[`task[${i}].amount`] = amount;
  });
  ZHANJIANG_INDICATORS.forEach(([name, value], k) => {
    f[`indicator[${6 + k}].name`] = name;
    f[`indicator[${6 + k}].value`] = value;
  });
  return f;
}

// ---------------------------------------------------------------------------------------------
// Two Panyu projects → 项目支出绩效目标汇总表, one indicator per row, both periods

const LIST = buildTemplate('list', { multiYear: true, projects: 2, rows: 5 });
const L = LIST.sheet.inputs;
type PanyuItem = readonly [string, string, string, string, string];
const PANYU: ReadonlyArray<{
  name: string;
  fiscal: number;
  target: string;
  items: ReadonlyArray<PanyuItem>;
}> = [
  {
    name: '购置经费',
    fiscal: 36,
    target:
      '通过采购2辆新能源执法车，加强我局机关工作人员的办公硬件保障，强化环境执法标准化建设，提高业务工作和执法工作水平。',
    items: [
      ['1-产出指标', '11-数量指标', '购置车辆数量', '车2台', '车2台'],
      ['1-产出指标', '12-质量指标', '验收合格率', '100%', '100%'],
      ['1-产出指标', '13-时效指标', '车辆到位率', '100%', '100%'],
      ['2-效益指标', '22-社会效益', '提升公共服务水平', '有效提升', '有效提升'],
      ['2-效益指标', '24-可持续影响', '车辆使用率', '100%', '100%'],
    ],
  },
  {
    name: '番禺区污染源环境安全技术评估项目',
    fiscal: 160,
    target:
      '通过开展番禺区污染源治理和环境安全帮扶服务项目,加强番禺区污染源污染治理管理水平,减少污染源环境安全隐患。',
    items: [
      ['1-产出指标', '11-数量指标', '帮扶污染源数', '≥450家', '≥450家'],
      ['1-产出指标', '12-质量指标', '专家评审通过率', '≥100%', '≥100%'],
      ['1-产出指标', '13-时效指标', '报告编制完成及时性', '100%', '100%'],
      [
        '2-效益指标',
        '21-经济效益',
        '为污染源提高污染治理水平及环境安全能力提出建议',
        '提出建议污染源数≥450家',
        '提出建议污染源数≥450家',
      ],
    ],
  },
];
function panyuFields(): Record<string, string | number> {
  const f: Record<string, string | number> = {
    'department.name': '广州市生态环境局番禺分局',
    'unit[0].name': '广州市生态环境局番禺分局',
  };
  PANYU.forEach((p, i) => {
    const pre = `unit[0].project[${i}]`;
    f[`${pre}.name`] = p.name;
    f[`${pre}.fiscal`] = p.fiscal;
    f[`${pre}.target`] = p.target;
    p.items.forEach(([l1, l2, name, period, annual], k) => {
      f[`${pre}.indicator[${k}].level1`] = l1;
      f[`${pre}.indicator[${k}].level2`] = l2;
      f[`${pre}.indicator[${k}].name`] = name;
      f[`${pre}.indicator[${k}].period`] = period;
      f[`${pre}.indicator[${k}].annual`] = annual;
    });
  });
  return f;
}

beforeAll(async () => {
  dir = tempDir('jixiao-round-trip-');
  await roundTrip(
    'project',
    PROJECT,
    tianjin1Fields(),
    {
      // 1. 《15万元 on the cost
      'indicator[3].annual': '《15万元',
      // 2. 财政资金 changed to 100 … (3.) …
      'budget.fiscal': 100,
      // 3. 社会效益指标 replaced by a 二级 of 产出指标
      'indicator[4].level2': '数量指标',
    },
    // … while the clerk typed 104 over the 预算数 formula
    { [PROJECT.sheet.outputs['budget.total']]: 104 },
  );
  await roundTrip('department', DEPARTMENT, zhanjiangFields(), {
    'split.project': 3599.26,
    'indicator[7].level2': '数量指标',
    'indicator[7].value': '》94%',
  });
  await roundTrip('list', LIST, panyuFields(), {
    'unit[0].project[0].indicator[4].annual': '》95%',
    'unit[0].project[1].indicator[0].period': '≥450≥450家',
    'unit[0].project[1].indicator[2].level2': '22-社会效益',
  });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('项目支出绩效目标表 filled from Tianjin form 1', () => {
  it('the template puts the fields where the test expects them', () => {
    expect(PROJECT.sheet.outputs['budget.total']).toBe('D7');
    expect([P['budget.fiscal'], P['indicator[3].annual'], P['indicator[4].level2']]).toEqual([
      'D8',
      'E18',
      'B19',
    ]);
    expect(P['indicator[4].level1']).toBe('A19');
  });

  it('预算数 is the formula 财政资金 + 其他资金, stored with its result', () => {
    expect(formulaResults(PROJECT, tianjin1Fields())).toEqual({ D7: 104 });
    const formula = PROJECT.sheet.cells.find((c) => c.address === 'D7')?.formula;
    expect(formula).toContain('D8');
    expect(formula).toContain('D9');
  });

  it('a changed 财政资金 recalculated as Excel would is consistent: no row-sum', async () => {
    const fields = { ...tianjin1Fields(), 'budget.fiscal': 100 };
    expect(formulaResults(PROJECT, fields)).toEqual({ D7: 100 });
    const r = checkWorkbook(await readXlsx(await filled(PROJECT, fields)));
    expect(findingsOf(r, 'funding.row-sum')).toEqual([]);
    // the budget follows 财政资金 down to 100, under the form's own cost cap of ≤104万元
    expect(keysOf(r)).toEqual(['funding.cost-exceeds-budget@项目支出绩效目标表!E18']);
  });

  it('reads back as one project form with its budget and six indicators, and no error', () => {
    const r = trip('project').clean;
    const f = forms(r);
    expect(f.map((x) => x.kind)).toEqual(['project-form']);
    const form = f[0] as Extract<Form, { kind: 'project-form' }>;
    expect(form.name.text).toBe('2023年物业费项目');
    expect(form.budget.text).toBe('104');
    expect(
      form.indicators.filter((i) => i.name.text !== '').map((i) => [i.name.text, i.values[0].text]),
    ).toEqual(TIANJIN_1_INDICATORS.map(([n, v]) => [n, v]));
    expect(keysOf(r)).toEqual([]);
  });

  it('finds exactly the three injected errors', () => {
    const { clean, injected } = trip('project');
    const sheet = '项目支出绩效目标表';
    const added = keysOf(injected).filter((k) => !keysOf(clean).includes(k));
    expect(added).toEqual([
      `funding.row-sum@${sheet}!D7`,
      `indicator.level-mismatch@${sheet}!B19`,
      `value.operator-typo@${sheet}!E18`,
    ]);
    expect(keysOf(injected)).toEqual(added);
  });

  it('normalises to one row per indicator value with numbers as numbers', () => {
    const rows = trip('project').normalised.clean;
    expect(rows).toHaveLength(6);
    expect(col(rows, '三级指标')).toEqual(TIANJIN_1_INDICATORS.map(([n]) => n));
    expect(col(rows, '一级指标')).toEqual([
      '产出指标',
      '产出指标',
      '产出指标',
      '产出指标',
      '效益指标',
      '满意度指标',
    ]);
    expect(col(rows, '二级指标')).toEqual([
      '数量指标',
      '质量指标',
      '时效指标',
      '成本指标',
      '社会效益指标',
      '服务对象满意度指标',
    ]);
    expect(col(rows, '指标值（原文）')).toEqual(TIANJIN_1_INDICATORS.map(([, v]) => v));
    expect(col(rows, '比较符')).toEqual(['≥', '=', '≥', '≤', null, '≥']);
    expect(col(rows, '数值')).toEqual([5, 100, 8, 104, null, 90]);
    expect(col(rows, '计量单位')).toEqual(['人', '%', '小时', '万元', null, '%']);
    expect(col(rows, '定量/定性')).toEqual(['定量', '定量', '定量', '定量', '定性', '定量']);
    expect(new Set(col(rows, '期间'))).toEqual(new Set(['年度']));
    expect(new Set(col(rows, '预算数'))).toEqual(new Set([104]));
    expect(new Set(col(rows, '财政资金'))).toEqual(new Set([104]));
    expect(new Set(col(rows, '项目名称'))).toEqual(new Set(['2023年物业费项目']));
    expect(col(rows, '单元格')).toEqual(['E15', 'E16', 'E17', 'E18', 'E19', 'E20']);
    expect(col(rows, '问题').every((v) => v === null)).toBe(true);
    expect(
      trip('project').normalised.projects.map((p) => [p['项目名称'], p['预算数'], p['错误数']]),
    ).toEqual([['2023年物业费项目', 104, 0]]);
  });

  it('the normalised sheet of the injected file carries the rule ids on the right rows', () => {
    const rows = trip('project').normalised.injected;
    expect(rows).toHaveLength(6);
    const issues = Object.fromEntries(rows.map((r) => [r['单元格'], r['问题'] ?? '']));
    expect(issues['E18']).toContain('value.operator-typo');
    expect(issues['E19']).toContain('indicator.level-mismatch');
    for (const c of ['E15', 'E16', 'E17', 'E20']) {
      expect(String(issues[c])).not.toMatch(/operator-typo|level-mismatch|row-sum/);
    }
    const e18 = rows.find((r) => r['单元格'] === 'E18') as Row;
    expect(e18['指标值（原文）']).toBe('《15万元');
    expect(e18['数值']).toBe(15);
    expect(e18['计量单位']).toBe('万元');
    // the typed-over 预算数 and the changed 财政资金, as numbers
    expect(new Set(col(rows, '预算数'))).toEqual(new Set([104]));
    expect(new Set(col(rows, '财政资金'))).toEqual(new Set([100]));
    expect(trip('project').normalised.injectedProjects.map((p) => p['错误数'])).toEqual([3]);
  });
});

describe('部门整体支出绩效目标表 filled from Zhanjiang 2020', () => {
  it('the key-task total is a formula: 1650', () => {
    const out = DEPARTMENT.sheet.outputs['tasks.total'];
    expect(formulaResults(DEPARTMENT, zhanjiangFields())[out]).toBe(1650);
  });

  it('reads back with its budget, four splits, five tasks, and no error', () => {
    const r = trip('department').clean;
    const f = forms(r);
    expect(f.map((x) => x.kind)).toEqual(['department-form']);
    const form = f[0] as Extract<Form, { kind: 'department-form' }>;
    expect(form.budget.text).toBe('8254.22');
    expect(form.splits.map((s) => s.parts.map((p) => p.field.text))).toEqual([
      ['4754.96', '3499.26'],
      ['8254.22', '0'],
      ['8254.22', '0'],
      ['8254.22', '0'],
    ]);
    expect(form.tasks.map((t) => t.amount.text)).toEqual(['300', '200', '300', '200', '650']);
    expect(keysOf(r)).toEqual([]);
  });

  it('finds exactly the three injected errors', () => {
    const { clean, injected } = trip('department');
    const sheet = DEPARTMENT.sheet.name;
    expect([D['budget.total'], D['indicator[7].level2'], D['indicator[7].value']]).toEqual([
      'G6',
      'D29',
      'G29',
    ]);
    expect(keysOf(clean)).toEqual([]);
    expect(keysOf(injected)).toEqual([
      `funding.department-split@${sheet}!G6`,
      `indicator.level-mismatch@${sheet}!D29`,
      `value.operator-typo@${sheet}!G29`,
    ]);
  });

  it('normalises its three indicators under 效益指标 / 生态效益指标', () => {
    const rows = trip('department').normalised.clean;
    expect(col(rows, '三级指标')).toEqual(ZHANJIANG_INDICATORS.map(([n]) => n));
    expect(new Set(col(rows, '一级指标'))).toEqual(new Set(['效益指标']));
    expect(new Set(col(rows, '二级指标'))).toEqual(new Set(['生态效益指标']));
    expect(new Set(col(rows, '预算数'))).toEqual(new Set([8254.22]));
    expect(col(rows, '单元格')).toEqual(['G28', 'G29', 'G30']);
    const injected = trip('department').normalised.injected;
    const g29 = injected.find((r) => r['单元格'] === 'G29') as Row;
    expect(String(g29['问题'])).toContain('value.operator-typo');
    expect(String(g29['问题'])).toContain('indicator.level-mismatch');
    expect(g29['指标值（原文）']).toBe('》94%');
    expect(g29['数值']).toBe(94);
    expect(g29['计量单位']).toBe('%');
  });
});

describe('项目支出绩效目标汇总表 filled from two Panyu projects', () => {
  it('合计, the unit row and each project’s 总计 are formulas computed on writing', () => {
    const r = formulaResults(LIST, panyuFields());
    expect([r['B5'], r['C5'], r['B6'], r['C6'], r['B7'], r['B12']]).toEqual([
      196, 196, 196, 196, 36, 160,
    ]);
  });

  it('reads back as one list with 合计 = unit = 196 and both projects', () => {
    const r = trip('list').clean;
    const f = forms(r);
    expect(f.map((x) => x.kind)).toEqual(['project-list']);
    const list = f[0] as Extract<Form, { kind: 'project-list' }>;
    expect(list.total?.total.text).toBe('196');
    expect(
      list.units.map((u) => [u.total.text, u.projects.map((p) => [p.name.text, p.total.text])]),
    ).toEqual([
      [
        '196',
        [
          ['购置经费', '36'],
          ['番禺区污染源环境安全技术评估项目', '160'],
        ],
      ],
    ]);
    expect(list.indicators).toHaveLength(9);
    expect(keysOf(r)).toEqual([]);
  });

  it('finds exactly the three injected errors', () => {
    const { clean, injected } = trip('list');
    const sheet = LIST.sheet.name;
    expect([
      L['unit[0].project[0].indicator[4].annual'],
      L['unit[0].project[1].indicator[0].period'],
      L['unit[0].project[1].indicator[2].level2'],
    ]).toEqual(['J11', 'K12', 'H14']);
    expect(keysOf(clean)).toEqual([]);
    expect(keysOf(injected)).toEqual([
      `indicator.level-mismatch@${sheet}!H14`,
      `value.duplicated@${sheet}!K12`,
      `value.operator-typo@${sheet}!J11`,
    ]);
  });

  it('normalises one row per value and period, with standard level names', () => {
    const rows = trip('list').normalised.clean;
    expect(rows).toHaveLength(18);
    const names = PANYU.flatMap((p) => p.items.map((i) => i[2]));
    expect([...new Set(col(rows, '三级指标'))]).toEqual(names);
    expect(new Set(col(rows, '期间'))).toEqual(new Set(['年度', '实施周期']));
    const first = rows.filter((r) => r['三级指标'] === '帮扶污染源数');
    expect(first.map((r) => [r['期间'], r['比较符'], r['数值'], r['计量单位']]).sort()).toEqual([
      ['实施周期', '≥', 450, '家'],
      ['年度', '≥', 450, '家'],
    ]);
    expect(new Set(first.map((r) => r['一级指标']))).toEqual(new Set(['产出指标']));
    expect(new Set(first.map((r) => r['二级指标']))).toEqual(new Set(['数量指标']));
    const social = rows.find((r) => r['三级指标'] === '提升公共服务水平') as Row;
    expect([social['一级指标'], social['二级指标'], social['定量/定性']]).toEqual([
      '效益指标',
      '社会效益指标',
      '定性',
    ]);
    const budgets = new Map(rows.map((r) => [r['项目名称'], r['预算数']]));
    expect(budgets).toEqual(
      new Map([
        ['购置经费', 36],
        ['番禺区污染源环境安全技术评估项目', 160],
      ]),
    );
    const projects = trip('list').normalised.projects;
    expect(projects.map((p) => [p['项目名称'], p['预算数'], p['指标数'], p['错误数']])).toEqual([
      ['购置经费', 36, 5, 0],
      ['番禺区污染源环境安全技术评估项目', 160, 4, 0],
    ]);
  });

  it('the injected file’s normalised rows name the rules found on them', () => {
    const rows = trip('list').normalised.injected;
    expect(rows).toHaveLength(18);
    const at = (name: string, period: string) =>
      String(rows.find((r) => r['三级指标'] === name && r['期间'] === period)?.['问题'] ?? '');
    expect(at('车辆使用率', '年度')).toContain('value.operator-typo');
    expect(at('车辆使用率', '实施周期')).not.toContain('value.operator-typo');
    expect(at('帮扶污染源数', '实施周期')).toContain('value.duplicated');
    expect(at('帮扶污染源数', '年度')).not.toContain('value.duplicated');
    expect(at('报告编制完成及时性', '年度')).toContain('indicator.level-mismatch');
    expect(at('验收合格率', '年度')).toBe('');
    expect(trip('list').normalised.injectedProjects.map((p) => p['错误数'])).toEqual([1, 2]);
  });

  it('writes the columns of docs/domain.md §5 in order', () => {
    const header = Object.keys(trip('list').normalised.clean[0]);
    expect(header).toEqual(INDICATOR_COLUMNS.map((c) => c.header));
    expect(Object.keys(trip('list').normalised.projects[0])).toEqual(
      PROJECT_COLUMNS.map((c) => c.header),
    );
  });
});
