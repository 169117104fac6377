/**
 * The normalised sheet of every seed fixture (fixtures/seeds/*.xlsx, built from fixtures/seed-text/ by
 * `npm run fixtures`) against expectations written by hand from the seed text: for each indicator
 * the 三级指标 name, 期间, standard 一级/二级, 比较符, 数值, 计量单位 and 预算数 (万元). `line` is the
 * line of the seed file where the value is written, to check an expectation against its source.
 *
 * Readings of docs/domain.md used here: a number without a sign has 比较符 `=`; a value that is text
 * (`有效提升`, `是`, `2023年底前`) has blank 比较符/计量单位 and no 数值; a single 指标值 column is the
 * 年度 value; project-list 预算数 is the project's 总计.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readXlsx } from '../../src/adapters/xlsx';
import { checkWorkbook } from '../../src/engine';
import { normalise, type IndicatorRow, type NormalisedWorkbook } from '../../src/engine/normalise';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'seeds');

type Seed = 'tianjin' | 'gz-env' | 'panyu' | 'zhanjiang';

/** Which fixture file holds which seed. */
const SEED_FILE: Record<Seed, RegExp> = {
  tianjin: /tianjin/i,
  'gz-env': /env-tech|环境技术中心/i,
  panyu: /panyu|番禺/i,
  zhanjiang: /zhanjiang|湛江/i,
};

interface Expected {
  readonly seed: Seed;
  readonly line: number;
  readonly project: string;
  readonly name: string;
  /** to tell apart rows with the same 三级指标 (Tianjin form 2) */
  readonly description?: string;
  readonly period: '年度' | '实施周期';
  readonly level1: string;
  readonly level2: string;
  /** undefined: not checked */
  readonly comparator?: string;
  readonly number?: number | null;
  readonly unit?: string;
  readonly budget: number;
}

const TJ1 = '2023年物业费项目';
const TJ2 = '2023-2025年天津市双城中间绿色生态屏障区生态环境质量状况调查评估';
const TJ3 = '2023年度环境影响评价与排污许可管理技术支撑项目';
const TJ8 = '2023年度天津市推进“无废城市”建设项目';
const TJ14 = '2023年天津市污染源监测体系运行保障项目';
const tj = (
  line: number,
  project: string,
  budget: number,
  level1: string,
  level2: string,
  name: string,
  value: [string, number | null, string],
  description?: string,
): Expected => ({
  seed: 'tianjin',
  line,
  project,
  name,
  ...(description !== undefined ? { description } : {}),
  period: '年度',
  level1,
  level2,
  comparator: value[0],
  number: value[1],
  unit: value[2],
  budget,
});

const gz = (
  line: number,
  project: string,
  budget: number,
  level1: string,
  name: string,
  value: [string, number | null, string],
): Expected => ({
  seed: 'gz-env',
  line,
  project,
  name,
  period: '年度',
  level1,
  // style 1 packs no 二级
  level2: '',
  comparator: value[0],
  number: value[1],
  unit: value[2],
  budget,
});

const py = (
  line: number,
  project: string,
  budget: number,
  level1: string,
  level2: string,
  name: string,
  period: '年度' | '实施周期',
  value: [string, number | null, string],
): Expected => ({
  seed: 'panyu',
  line,
  project,
  name,
  period,
  level1,
  level2,
  comparator: value[0],
  number: value[1],
  unit: value[2],
  budget,
});

const TEXT: [string, null, string] = ['', null, ''];
const OUT = '产出指标';
const EFF = '效益指标';
const SAT = '满意度指标';
const SAT2 = '服务对象满意度指标';

const EXPECTED: ReadonlyArray<Expected> = [
  // Tianjin project forms (fixtures/seed-text/tianjin-project-forms-part1.txt), one 指标值 column
  tj(34, TJ1, 104, OUT, '数量指标', '物业保障人员数量', ['≥', 5, '人']),
  tj(46, TJ1, 104, OUT, '时效指标', '每日保障时间', ['≥', 8, '小时']),
  tj(52, TJ1, 104, OUT, '成本指标', '物业费支出成本', ['≤', 104, '万元']),
  tj(58, TJ1, 104, EFF, '社会效益指标', '局机关正常运转', TEXT),
  tj(64, TJ1, 104, SAT, SAT2, '局机关满意度', ['≥', 90, '%']),
  tj(104, TJ2, 50, OUT, '数量指标', '开展监测调查的点位数量', ['≥', 6, '个'], '大气调查点位'),
  tj(122, TJ2, 50, OUT, '数量指标', '开展监测调查的点位数量', ['≥', 20, '条'], '鸟类调查样线'),
  tj(146, TJ2, 50, OUT, '时效指标', '项目完成时限', TEXT),
  tj(152, TJ2, 50, OUT, '成本指标', '项目总投资', ['≤', 50, '万元']),
  tj(208, TJ3, 379.8, OUT, '数量指标', '环评技术评估', ['≥', 30, '个']),
  tj(244, TJ3, 379.8, OUT, '数量指标', '编制执行报告模板', ['≥', 7, '行业类别']),
  tj(797, TJ8, 300, OUT, '成本指标', '“无废城市”建设跟踪评估项目', ['≤', 74, '万元']),
  tj(821, TJ8, 300, OUT, '成本指标', '项目总投资', ['≤', 300, '万元']),
  tj(833, TJ8, 300, SAT, SAT2, '相关单位满意度', ['≥', 90, '%']),
  tj(1412, TJ14, 80, OUT, '数量指标', '完成排污单位现场技术帮扶检查。', ['=', 30, '家']),
  tj(1424, TJ14, 80, OUT, '数量指标', '对我市各区环境应急监测能力进行评估。', ['=', 16, '区']),
  tj(
    1442,
    TJ14,
    80,
    OUT,
    '时效指标',
    '定期对纳入自行监测平台的企业自行监测开展情况进行人工网络巡查。',
    ['≥', 5, '次/年'],
  ),
  tj(1466, TJ14, 80, OUT, '成本指标', '开展生态环境监测机构质量监督管理服务工作。', [
    '≤',
    29.18,
    '万元',
  ]),

  // Guangzhou environment technology centre list (fixtures/seed-text/guangzhou-env-tech-center-project-list.txt):
  // style 1 packed cells, 年度 only
  gz(28, '广州市生态环境局2021年智能监管调度信息化建设项目', 287.48, EFF, '服务覆盖率', [
    '≥',
    90,
    '%',
  ]),
  gz(
    30,
    '广州市生态环境局2021年智能监管调度信息化建设项目',
    287.48,
    EFF,
    '环境执法智能指挥调度平台用户数',
    ['>', 4000, ''],
  ),
  gz(40, '机构运行辅助经费', 63, OUT, '聘用人员数量', ['=', 9, '']),
  gz(49, '业务用房物业管理费', 19.28, OUT, '物业巡查次数', ['≥', 730, '']),
  gz(51, '业务用房物业管理费', 19.28, OUT, '驻场人数', ['≥', 4, '人']),
  gz(65, '其他运行经费', 90.78, OUT, '开展法律咨询服务', ['≥', 30, '次']),
  gz(89, '购置经费', 168, OUT, '电梯购置数量', ['=', 1, '台']),
  gz(102, '环境管理决策技术文件审查工作经费', 239.22, SAT, '服务对象满意度', ['≥', 90, '%']),
  // `《330`: either ≤ or <, so no 比较符 (the 问题 column says value.operator-typo)
  gz(105, '环境管理决策技术文件审查工作经费', 239.22, OUT, '评审会成本', ['', 330, '']),
  gz(108, '环境管理决策技术文件审查工作经费', 239.22, EFF, '带动企业环保投入', ['≥', 5060, '万元']),
  gz(154, '广州市海洋生态环境年度指令性监测工作经费', 115.5, OUT, '监测数据获取量', [
    '>',
    3000,
    '个',
  ]),
  gz(174, '广州市建设用地土壤复合污染风险管控系统构建与应用', 3.65, SAT, '服务对象满意度', [
    '=',
    100,
    '%',
  ]),
  gz(295, '广州市生态环境局2022-2023年信息系统运营维护项目(2023)', 221.44, EFF, '业务网上办理率', [
    '≥',
    80,
    '%',
  ]),

  // Guangzhou Panyu list (fixtures/seed-text/guangzhou-panyu-project-list.txt): style 2 with codes, two periods
  py(12, '购置经费', 36, OUT, '质量指标', '验收合格率', '实施周期', ['=', 100, '%']),
  py(12, '购置经费', 36, OUT, '质量指标', '验收合格率', '年度', ['=', 100, '%']),
  py(12, '购置经费', 36, EFF, '社会效益指标', '提升公共服务水平', '年度', TEXT),
  py(12, '购置经费', 36, EFF, '可持续影响指标', '车辆使用率', '实施周期', ['=', 100, '%']),
  py(13, '机构运行辅助经费', 590.9, OUT, '数量指标', '聘用人员数量', '年度', ['=', 60, '人']),
  py(13, '机构运行辅助经费', 590.9, EFF, '社会效益指标', '环保信访投诉办结率', '实施周期', [
    '≥',
    90,
    '%',
  ]),
  py(
    16,
    '番禺分局构建现代治理体系工作经费',
    173.48,
    OUT,
    '数量指标',
    '临时宣传任务保障次数',
    '年度',
    ['≥', 2, '次'],
  ),
  py(
    16,
    '番禺分局构建现代治理体系工作经费',
    173.48,
    OUT,
    '数量指标',
    '报告文件和图集数量',
    '实施周期',
    ['=', 2, '套'],
  ),
  py(17, '其他运行经费', 146.3, OUT, '数量指标', '停车位租赁个数', '实施周期', ['≥', 15, '个']),
  py(17, '其他运行经费', 146.3, SAT, SAT2, '食堂服务满意度', '年度', ['≥', 90, '']),
  py(18, '番禺区污染源环境安全技术评估项目', 160, OUT, '数量指标', '帮扶污染源数', '年度', [
    '≥',
    450,
    '家',
  ]),
  py(18, '番禺区污染源环境安全技术评估项目', 160, OUT, '质量指标', '专家评审通过率', '实施周期', [
    '≥',
    100,
    '%',
  ]),
  py(
    19,
    '固体废物申报及规范化管理技术服务项目',
    90,
    OUT,
    '数量指标',
    '固体废物申报项目提供意见的企业数量',
    '年度',
    ['≥', 3000, ''],
  ),
  py(
    22,
    '大气污染防治专项经费',
    138.96,
    OUT,
    '数量指标',
    '精细化管控分析服务工作日报',
    '实施周期',
    ['=', 250, '份'],
  ),
  py(22, '大气污染防治专项经费', 138.96, OUT, '数量指标', '精细化管控分析服务工作日报', '年度', [
    '=',
    150,
    '份',
  ]),
  py(25, '监督执法与应急、信访专项经费', 235, OUT, '时效指标', '监测报告及时率', '年度', [
    '>',
    95,
    '%',
  ]),
  py(25, '监督执法与应急、信访专项经费', 235, EFF, '社会效益指标', '现场执法安全事故次数', '年度', [
    '=',
    0,
    '起',
  ]),
  py(25, '监督执法与应急、信访专项经费', 235, OUT, '成本指标', '委托监测费用', '实施周期', [
    '=',
    100,
    '%',
  ]),
  py(26, '生态环境监测专项经费', 47.3, SAT, SAT2, '环境主管部门满意度', '年度', ['≥', 85, '%']),

  // Zhanjiang department form (fixtures/seed-text/zhanjiang-department-form.txt): 预算数 = 部门预算金额; the values
  // are sentences with several numbers, so only names, levels and budget are checked
  ...['强化水质达标攻坚', '强化优良空气提升', '强化农村污水治理'].map((name, i): Expected => ({
    seed: 'zhanjiang',
    line: [45, 46, 48][i],
    project: '湛江市生态环境局',
    name,
    period: '年度',
    level1: EFF,
    level2: '生态效益指标',
    budget: 8254.22,
  })),
];

function fixtureFiles(): string[] {
  if (!fs.existsSync(FIXTURES)) return [];
  return fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.xlsx'))
    .sort();
}

/** Listed when the module loads, so that every fixture of a seed gets its own test cases. */
const files = fixtureFiles();

/** The fixtures of a seed (Tianjin has two layouts: stacked on one sheet, and one form per sheet). */
function filesOf(seed: Seed): string[] {
  return files.filter((f) => SEED_FILE[seed].test(f));
}

let result: NormalisedWorkbook;

beforeAll(async () => {
  const inputs = [];
  for (const file of files) {
    const wb = await readXlsx(fs.readFileSync(path.join(FIXTURES, file)));
    inputs.push({ source: file, sheets: checkWorkbook(wb).sheets });
  }
  result = normalise(inputs);
});

function find(e: Expected, file: string): IndicatorRow[] {
  return result.indicators.rows.filter(
    (r) =>
      r.source === file &&
      r.project === e.project &&
      r.name === e.name &&
      r.period === e.period &&
      (e.description === undefined || r.description === e.description),
  );
}

const MISSING = '(no fixture: run `npm run fixtures`)';

/** One case per expectation and fixture file; a seed without a fixture still gets a failing case. */
const CASES = EXPECTED.flatMap((e) => {
  const of = filesOf(e.seed);
  return (of.length ? of : [MISSING]).map(
    (file) => [`${file} (${e.seed}:${e.line}) ${e.name} ${e.period}`, file, e] as const,
  );
});

describe('normalised seed fixtures', () => {
  it('has a fixture for every seed (run `npm run fixtures` once the builders exist)', () => {
    const missing = (Object.keys(SEED_FILE) as Seed[]).filter((s) => filesOf(s).length === 0);
    expect({ missing, files }).toEqual({ missing: [], files });
  });

  it('checks at least 30 indicators across the four seeds', () => {
    expect(EXPECTED.length).toBeGreaterThanOrEqual(30);
    expect(new Set(EXPECTED.map((e) => e.seed)).size).toBe(4);
  });

  it.each(CASES)('%s', (_label, file, e) => {
    const got = find(e, file).map((r) => ({
      level1: r.level1,
      level2: r.level2,
      budget: r.budget,
      ...(e.comparator !== undefined ? { comparator: r.comparator } : {}),
      ...(e.number !== undefined ? { number: r.number } : {}),
      ...(e.unit !== undefined ? { unit: r.measureUnit } : {}),
    }));
    const want = {
      level1: e.level1,
      level2: e.level2,
      budget: e.budget,
      ...(e.comparator !== undefined ? { comparator: e.comparator } : {}),
      ...(e.number !== undefined ? { number: e.number } : {}),
      ...(e.unit !== undefined ? { unit: e.unit } : {}),
    };
    // exactly one row: names are unique per project and period in these picks
    expect(got).toEqual([want]);
  });

  it('gives every list project and form its 项目资金 row', () => {
    const count = (seed: Seed) =>
      filesOf(seed).map((f) => result.projects.rows.filter((p) => p.source === f).length);
    // 34 Tianjin forms (in each layout); 16 env-centre projects; 13 Panyu projects; one department form
    expect({
      tianjin: count('tianjin'),
      'gz-env': count('gz-env'),
      panyu: count('panyu'),
      zhanjiang: count('zhanjiang'),
    }).toEqual({
      tianjin: filesOf('tianjin').map(() => 34),
      'gz-env': [16],
      panyu: [13],
      zhanjiang: [1],
    });
  });

  it('writes the Panyu 购置经费 project row with its funding', () => {
    const row = result.projects.rows.find(
      (p) => filesOf('panyu').includes(p.source) && p.project === '购置经费',
    );
    expect(row).toMatchObject({
      unitName: '广州市生态环境局番禺分局',
      budget: 36,
      fiscal: 36,
      indicatorCount: 5,
    });
  });

  it('lists value.operator-typo on the `《330` row and nowhere else in that project', () => {
    const rows = result.indicators.rows.filter(
      (r) =>
        filesOf('gz-env').includes(r.source) && r.project === '环境管理决策技术文件审查工作经费',
    );
    const typo = rows.filter((r) => r.issues.includes('value.operator-typo')).map((r) => r.name);
    expect(typo).toEqual(['评审会成本']);
  });

  it('gives the Zhanjiang department form its revenue split', () => {
    const [row] = result.projects.rows.filter((p) => filesOf('zhanjiang').includes(p.source));
    expect(row).toMatchObject({
      formKind: '部门整体支出绩效目标表',
      project: '湛江市生态环境局',
      budget: 8254.22,
      fiscal: 8254.22,
      other: 0,
    });
  });
});
