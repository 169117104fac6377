/**
 * Injected errors of every rule id (issue 2, Evidence): a clean real form from a fixture (or the
 * project template filled from Tianjin form 1, for the 资金支出计划 the seeds lack), one realistic
 * mistake typed into its cells, and the finding of exactly that rule at exactly that cell.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { readXlsx } from '../../src/adapters/xlsx';
import { writeTemplateXlsx } from '../../src/adapters/xlsx/template-writer';
import { allRules, type CellValue, type Severity, type SheetData } from '../../src/engine';
import { buildTemplate } from '../../src/templates';
import {
  TIANJIN_1_ROWS,
  check,
  findingsOf,
  fixtureSheet,
  replaceOnce,
  textAt,
  tianjin1Fields,
  withCells,
} from './helpers';

type Base = 'tianjin1' | 'tianjin14' | 'panyu' | 'zhanjiang' | 'template';

interface Case {
  readonly rule: string;
  /** what the clerk did */
  readonly what: string;
  readonly base: Base;
  readonly edits: (sheet: SheetData) => Record<string, CellValue>;
  readonly cell: string;
  readonly severity: Severity;
  /** the expected suggestions, when the catalogue gives some for this case */
  readonly suggestions?: ReadonlyArray<string>;
  /** a text the message must contain */
  readonly message?: string;
}

const PLAN = { mar: 'C12', jun: 'D12', sep: 'E12', dec: 'F12' } as const;

const CASES: ReadonlyArray<Case> = [
  {
    rule: 'value.empty',
    what: '机关物业保洁率 left without a value',
    base: 'tianjin1',
    edits: () => ({ E11: null }),
    cell: 'E11',
    severity: 'error',
    message: '机关物业保洁率',
  },
  {
    rule: 'value.operator-typo',
    what: '《15万元 typed into the cost value',
    base: 'tianjin1',
    edits: () => ({ E13: '《15万元' }),
    cell: 'E13',
    severity: 'error',
    suggestions: ['≤15万元', '<15万元'],
  },
  {
    rule: 'value.operator-typo',
    what: '》=90% (unambiguous: ≥) on the 满意度',
    base: 'tianjin1',
    edits: () => ({ E15: '》=90%' }),
    cell: 'E15',
    severity: 'error',
    suggestions: ['≥90%'],
  },
  {
    rule: 'value.duplicated',
    what: 'sign, number and unit glued twice: ≥180≥180万条',
    base: 'tianjin1',
    edits: () => ({ E10: '≥180≥180万条' }),
    cell: 'E10',
    severity: 'error',
    suggestions: ['≥180万条'],
  },
  {
    rule: 'value.rate-out-of-range',
    what: '保洁率 120%',
    base: 'tianjin1',
    edits: () => ({ E11: '120%' }),
    cell: 'E11',
    severity: 'error',
  },
  {
    rule: 'value.rate-out-of-range',
    what: '保洁率 ≥100% (can only be 100%)',
    base: 'tianjin1',
    edits: () => ({ E11: '≥100%' }),
    cell: 'E11',
    severity: 'warning',
    suggestions: ['100%'],
  },
  {
    rule: 'value.missing-unit',
    what: '满意度 ≥90 without %',
    base: 'tianjin1',
    edits: () => ({ E15: '≥90' }),
    cell: 'E15',
    severity: 'warning',
    suggestions: ['≥90%'],
  },
  {
    rule: 'value.not-normalised',
    what: 'full-width digits: ≥５人',
    base: 'tianjin1',
    edits: () => ({ E10: '≥５人' }),
    cell: 'E10',
    severity: 'info',
    suggestions: ['≥5人'],
  },
  {
    rule: 'value.markup',
    what: '<p> left around a value',
    base: 'tianjin1',
    edits: () => ({ E14: '<p>保障正常运转</p>' }),
    cell: 'E14',
    severity: 'warning',
    suggestions: ['保障正常运转'],
  },
  {
    rule: 'value.not-quantified',
    what: '视具体情况确定数量 on a 数量 indicator',
    base: 'tianjin1',
    edits: () => ({ E10: '视具体情况确定数量' }),
    cell: 'E10',
    severity: 'warning',
  },
  {
    rule: 'value.period-annual-mismatch',
    what: 'annual ≥10家 above the period’s ≥5家 (Panyu 大气污染防治专项经费)',
    base: 'panyu',
    edits: (s) => ({
      G15: replaceOnce(
        textAt(s, 'G15'),
        '无组织VOCs排放减少家数；实施周期指标值:≥5家；年度指标值:≥5家',
        '无组织VOCs排放减少家数；实施周期指标值:≥5家；年度指标值:≥10家',
      ),
    }),
    cell: 'G15',
    severity: 'warning',
    message: '无组织VOCs排放减少家数',
  },
  {
    rule: 'value.low-satisfaction',
    what: '满意度 》70%',
    base: 'tianjin1',
    edits: () => ({ E15: '》70%' }),
    cell: 'E15',
    severity: 'warning',
  },
  {
    rule: 'value.wrong-direction',
    what: '稳定运行率 ≤99%',
    base: 'tianjin1',
    edits: () => ({ C11: '系统稳定运行率', D11: '系统稳定运行率', E11: '≤99%' }),
    cell: 'E11',
    severity: 'warning',
    suggestions: ['≥99%'],
  },
  {
    rule: 'value.wrong-direction',
    what: 'a cost with a floor: ≥10万元',
    base: 'tianjin1',
    edits: () => ({ E13: '≥10万元' }),
    cell: 'E13',
    severity: 'warning',
    suggestions: ['≤10万元'],
  },
  {
    rule: 'indicator.unknown-level',
    what: 'an unknown 二级: 品质指标',
    base: 'tianjin1',
    edits: () => ({ B11: '品质指标' }),
    cell: 'B11',
    severity: 'error',
  },
  {
    rule: 'indicator.unknown-level',
    what: 'the old name 效果指标 for 效益指标',
    base: 'tianjin1',
    edits: () => ({ A14: '效果指标' }),
    cell: 'A14',
    severity: 'warning',
    suggestions: ['效益指标'],
  },
  {
    rule: 'indicator.level-mismatch',
    what: '数量指标 under 效益指标',
    base: 'tianjin1',
    edits: () => ({ B14: '数量指标' }),
    cell: 'B14',
    severity: 'error',
  },
  {
    rule: 'indicator.missing-name',
    what: 'a blank 三级 (and description) with a value',
    base: 'tianjin1',
    edits: () => ({ C12: null, D12: null }),
    cell: 'C12',
    severity: 'error',
    message: '≥8小时',
  },
  {
    rule: 'indicator.missing-category',
    what: 'the 满意度 row removed',
    base: 'tianjin1',
    edits: () => ({ A15: null, B15: null, C15: null, D15: null, E15: null }),
    cell: 'A1',
    severity: 'warning',
    message: '满意度指标',
  },
  {
    rule: 'indicator.duplicate',
    what: 'the 满意度 row typed twice',
    base: 'tianjin1',
    edits: (s) => ({
      B16: textAt(s, 'B15'),
      C16: textAt(s, 'C15'),
      D16: textAt(s, 'D15'),
      E16: textAt(s, 'E15'),
    }),
    cell: 'C16',
    severity: 'warning',
    message: 'C15',
  },
  {
    rule: 'funding.row-sum',
    what: '财政资金 100 under a 预算数 of 104',
    base: 'tianjin1',
    edits: () => ({ C5: 100 }),
    cell: 'C4',
    severity: 'error',
    suggestions: ['100'],
  },
  {
    rule: 'funding.row-sum',
    what: 'a project’s 总计 that does not add up (591.90 ≠ 590.90)',
    base: 'panyu',
    edits: () => ({ B8: '591.90' }),
    cell: 'B8',
    severity: 'error',
    suggestions: ['590.90'],
  },
  {
    rule: 'funding.column-sum',
    what: 'the unit row off by 1 (2,244.96 over projects adding up to 2,243.96)',
    base: 'panyu',
    edits: () => ({ C6: '2,244.96' }),
    cell: 'C6',
    severity: 'error',
    suggestions: ['2243.96'],
  },
  {
    rule: 'funding.cost-exceeds-budget',
    what: 'a cost cap ≤120万元 above the 104万元 budget',
    base: 'tianjin1',
    edits: () => ({ E13: '≤120万元' }),
    cell: 'E13',
    severity: 'error',
  },
  {
    rule: 'funding.cost-parts-exceed-total',
    what: 'Tianjin form 14: 44.67 + 29.18 + 7.15 = 81 > 80',
    base: 'tianjin14',
    edits: () => ({ E20: '≤7.15万元' }),
    cell: 'E18',
    severity: 'warning',
    message: '44.67 + 29.18 + 7.15',
  },
  {
    rule: 'funding.spending-plan',
    what: 'a spending plan that decreases (60 → 50 by 9月底)',
    base: 'template',
    edits: () => ({ [PLAN.sep]: 50 }),
    cell: PLAN.sep,
    severity: 'error',
  },
  {
    rule: 'funding.spending-plan',
    what: 'a spending plan ending at 90',
    base: 'template',
    edits: () => ({ [PLAN.dec]: 90 }),
    cell: PLAN.dec,
    severity: 'error',
    suggestions: ['100'],
  },
  {
    rule: 'funding.department-split',
    what: '项目支出 3599.26: 基本支出 + 项目支出 ≠ 部门预算金额',
    base: 'zhanjiang',
    edits: () => ({ D10: 3599.26 }),
    cell: 'E6',
    severity: 'error',
    message: '基本支出',
  },
  {
    rule: 'funding.tasks-exceed-budget',
    what: 'key tasks adding up to 3650 above 项目支出 3499.26',
    base: 'zhanjiang',
    edits: () => ({ D19: 2650 }),
    cell: 'D10',
    severity: 'warning',
  },
  {
    rule: 'amount.malformed',
    what: '1O4 (letter O) in 预算数',
    base: 'tianjin1',
    edits: () => ({ C4: '1O4' }),
    cell: 'C4',
    severity: 'error',
  },
  {
    rule: 'amount.malformed',
    what: '财政资金 stored as text 104.00',
    base: 'tianjin1',
    edits: () => ({ C5: '104.00' }),
    cell: 'C5',
    severity: 'info',
    suggestions: ['104.00'],
  },
  {
    rule: 'amount.unit-mismatch',
    what: '财政资金 typed in 元 into a 万元 form: 1040000元 is 104 万元',
    base: 'tianjin1',
    edits: () => ({ C5: '1040000元' }),
    cell: 'C5',
    severity: 'error',
    suggestions: ['104'],
  },
  {
    rule: 'form.missing-field',
    what: 'an empty 项目名称',
    base: 'tianjin1',
    edits: () => ({ B3: null }),
    cell: 'B3',
    severity: 'error',
    message: '项目名称',
  },
  {
    rule: 'form.unreadable',
    what: 'the 三级指标 header relabelled 考评要点: no indicator can be read',
    base: 'tianjin1',
    edits: () => ({ C9: '考评要点' }),
    cell: 'A9',
    severity: 'error',
    message: '未能识别“三级指标”列',
  },
];

const bases = new Map<Base, SheetData>();

beforeAll(async () => {
  bases.set('tianjin1', await fixtureSheet('tianjinBySheet', '表1'));
  bases.set('tianjin14', await fixtureSheet('tianjinBySheet', '表14'));
  bases.set('panyu', await fixtureSheet('panyu'));
  bases.set('zhanjiang', await fixtureSheet('zhanjiang'));
  const spec = buildTemplate('project', { rows: TIANJIN_1_ROWS });
  expect(spec.sheet.inputs['spendingPlan.mar']).toBe(PLAN.mar);
  expect(spec.sheet.inputs['spendingPlan.sep']).toBe(PLAN.sep);
  expect(spec.sheet.inputs['spendingPlan.dec']).toBe(PLAN.dec);
  const fields = {
    ...tianjin1Fields(),
    'spendingPlan.mar': 30,
    'spendingPlan.jun': 60,
    'spendingPlan.sep': 80,
    'spendingPlan.dec': 100,
  };
  const wb = await readXlsx(await writeTemplateXlsx(spec, fields));
  bases.set('template', wb.sheets[0]);
});

const base = (b: Base): SheetData => {
  const s = bases.get(b);
  if (!s) throw new Error(`no base ${b}`);
  return s;
};

describe('the clean bases', () => {
  it.each(['tianjin1', 'tianjin14', 'panyu', 'zhanjiang', 'template'] as const)(
    '%s reads as one form without an error',
    (b) => {
      const r = check(base(b));
      expect(r.sheets[0].forms).toHaveLength(1);
      expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
      // Panyu and Zhanjiang keep their real warnings (markup, missing categories)
      if (b !== 'panyu' && b !== 'zhanjiang') {
        expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
      }
    },
  );
});

describe('an injected mistake is found by its rule at its cell', () => {
  it.each(CASES.map((c) => [c.rule, c.what, c] as const))('%s: %s', (_rule, _what, c) => {
    const clean = base(c.base);
    const before = check(clean);
    expect(findingsOf(before, c.rule, c.cell)).toEqual([]);

    const edits = c.edits(clean);
    const after = check(withCells(clean, edits));
    const found = findingsOf(after, c.rule, c.cell);
    expect(found.map((f) => `${f.rule}@${f.cell}/${f.severity}`)).toEqual([
      `${c.rule}@${c.cell}/${c.severity}`,
    ]);
    expect(found[0].sheet).toBe(clean.name);
    expect(found[0].message).toMatch(/[\u4e00-\u9fff]/);
    if (c.message !== undefined) expect(found[0].message).toContain(c.message);
    if (c.suggestions !== undefined)
      expect(found[0].suggestions.map((x) => x.text)).toEqual(c.suggestions);
  });
});

describe('coverage of the catalogue', () => {
  it('the table injects a mistake for every rule id in allRules', () => {
    const ids = allRules.map((r) => r.meta.id).sort();
    expect([...new Set(CASES.map((c) => c.rule))].sort()).toEqual(ids);
    expect(ids).toHaveLength(27);
  });

  it('every severity a rule declares is injected at least once', () => {
    for (const rule of allRules) {
      const severities = CASES.filter((c) => c.rule === rule.meta.id).map((c) => c.severity);
      expect(severities).toContain(rule.meta.severity);
    }
  });
});
