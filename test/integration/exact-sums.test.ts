/**
 * Exact sums over formulas and amounts in another unit (issue 10), through the .xlsx adapter:
 * - a formula total whose cached result carries float noise, written in `<v>` as Excel writes it,
 *   is no mistake, while a cached result off by a real 0.01 is, and its fix is marked as replacing
 *   the formula;
 * - `10000元` in a 万元 form is 1 万元 for the budget checks, the cost cap and the normalised 预算数;
 * - a cost cap over the budget by 1 元 is over; `1 234.5` is a number;
 * - `moneyFields`, which converts and checks the money cells, knows every one the model has.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import Big from 'big.js';
import fc from 'fast-check';
import { writeTemplateXlsx } from '../../src/adapters/xlsx/template-writer';
import {
  checkWorkbook,
  moneyFields,
  type Finding,
  type SheetData,
  type WorkbookReport,
} from '../../src/engine';
import { normalise } from '../../src/engine/normalise';
import { propertySeed } from '../../src/engine/test-seed';
import { buildTemplate } from '../../src/templates';
import {
  FILES,
  TIANJIN_1_ROWS,
  findingsOf,
  fixture,
  fixtureSheet,
  tianjin1Fields,
  withCells,
  type FixtureName,
} from './helpers';
import { readWithFormulas, withExcelCachedValues } from './formulas';

const PROJECT = buildTemplate('project', { rows: TIANJIN_1_ROWS });
const LIST = buildTemplate('list', { units: 1, projects: 3, rows: 1 });
const SUM_RULES = ['funding.row-sum', 'funding.column-sum'];

const sumFindings = (r: WorkbookReport): Finding[] =>
  r.findings.filter((f) => SUM_RULES.includes(f.rule));

/** The project template filled from Tianjin form 1 with the Zhanjiang amounts (a noisy sum). */
async function projectFile(stale: Record<string, number> = {}) {
  const fields = { ...tianjin1Fields(), 'budget.fiscal': 4754.96, 'budget.other': 3499.26 };
  return withExcelCachedValues(await writeTemplateXlsx(PROJECT, fields), stale);
}

/** Three list projects whose 财政拨款 and 其他资金 add up with float noise in every total. */
const LIST_AMOUNTS = [
  [4754.96, 3499.26],
  [0.1, 0.2],
  [1.7, 0.01],
] as const;

async function listFile(stale: Record<string, number> = {}) {
  const fields: Record<string, string | number> = {
    'department.name': '湛江市生态环境局',
    'unit[0].name': '湛江市生态环境局',
  };
  LIST_AMOUNTS.forEach(([fiscal, other], i) => {
    const p = `unit[0].project[${i}]`;
    fields[`${p}.name`] = `项目${i + 1}`;
    fields[`${p}.fiscal`] = fiscal;
    fields[`${p}.other`] = other;
    fields[`${p}.target`] = '保障工作正常开展。';
    fields[`${p}.indicator[0].level1`] = '产出指标';
    fields[`${p}.indicator[0].level2`] = '数量指标';
    fields[`${p}.indicator[0].name`] = '检测次数';
    fields[`${p}.indicator[0].annual`] = '≥5次';
  });
  return withExcelCachedValues(await writeTemplateXlsx(LIST, fields), stale);
}

describe('formula totals with float noise in their cached results', () => {
  const total = PROJECT.sheet.outputs['budget.total'];

  it('the project template: 4754.96 + 3499.26 cached as 8254.2200000000012 is no mistake', async () => {
    const { bytes, cached } = await projectFile();
    expect(cached[total]).toBe('8254.2200000000012');
    const report = checkWorkbook(await readWithFormulas(bytes));
    expect(report.sheets[0].forms).toHaveLength(1);
    expect(sumFindings(report)).toEqual([]);
    const form = report.sheets[0].forms[0];
    expect(
      form.kind === 'project-form' && form.budget.amount.ok && form.budget.amount.value.toFixed(),
    ).toBe('8254.22');
  });

  it('a cached total off by a real 0.01 is a mistake, and its fix would replace the formula', async () => {
    const { bytes, cached } = await projectFile({ [total]: 8254.23 });
    expect(cached[total]).toBe('8254.23');
    const report = checkWorkbook(await readWithFormulas(bytes));
    const found = sumFindings(report);
    expect(found.map((f) => `${f.rule}@${f.cell}`)).toEqual([`funding.row-sum@${total}`]);
    expect(found[0].message).toContain('相差 0.01 万元');
    expect(found[0].message).toMatch(/是公式“=.+”的计算结果，不宜直接改为数值/);
    expect(found[0].suggestions).toEqual([
      { text: '8254.22', value: 8254.22, replacesFormula: true },
    ]);
  });

  it('the list template: 合计, unit and project totals with noise add up', async () => {
    const { bytes, cached } = await listFile();
    const noisy = Object.values(cached).filter((v) => v.length >= 17);
    expect(noisy.length).toBeGreaterThanOrEqual(3);
    const report = checkWorkbook(await readWithFormulas(bytes));
    expect(report.sheets[0].forms.map((f) => f.kind)).toEqual(['project-list']);
    expect(sumFindings(report)).toEqual([]);
  });

  it('the list template: a unit’s 财政拨款 cached 0.01 high is a column-sum mistake on a formula', async () => {
    const unitFiscal = LIST.sheet.outputs['unit[0].fiscal'];
    const exact = LIST_AMOUNTS.reduce((s, [f]) => s.plus(f), new Big(0));
    const { bytes } = await listFile({ [unitFiscal]: Number(exact.plus('0.01')) });
    const report = checkWorkbook(await readWithFormulas(bytes));
    const found = findingsOf(report, 'funding.column-sum', unitFiscal);
    expect(found).toHaveLength(1);
    expect(found[0].suggestions.map((s) => [s.value, s.replacesFormula])).toEqual([
      [Number(exact), true],
    ]);
    const first = LIST.sheet.inputs['unit[0].project[0].fiscal'];
    const last = LIST.sheet.inputs['unit[0].project[2].fiscal'];
    expect(found[0].message).toContain(`SUM(${first}:${last})`);
    expect(found[0].message).toContain(`的计算结果，不宜直接改为数值`);
  });
});

describe('noisy sums of 2-decimal amounts on a real form (Tianjin form 1)', () => {
  let tianjin1: SheetData;
  beforeAll(async () => {
    tianjin1 = await fixtureSheet('tianjinBySheet', '表1');
  });
  const cents = fc.integer({ min: 0, max: 99_999_999 });

  it('预算数 cached as the double a + b: no finding; a + b + 0.01: a finding', () => {
    let noisy = 0;
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        const fiscal = a / 100;
        const other = b / 100;
        const exact = new Big(a).plus(b).div(100);
        if (String(fiscal + other) !== exact.toFixed()) noisy++;
        const ok = checkWorkbook({
          sheets: [withCells(tianjin1, { C4: fiscal + other, C5: fiscal, C6: other })],
        });
        expect(findingsOf(ok, 'funding.row-sum')).toEqual([]);
        const off = checkWorkbook({
          sheets: [withCells(tianjin1, { C4: fiscal + other + 0.01, C5: fiscal, C6: other })],
        });
        expect(findingsOf(off, 'funding.row-sum', 'C4')).toHaveLength(1);
      }),
      { seed: propertySeed(), numRuns: 300 },
    );
    // the case is real: a good share of such sums carry float noise
    expect(noisy).toBeGreaterThan(30);
  });
});

describe('amounts written in another unit', () => {
  let tianjin1: SheetData;
  beforeAll(async () => {
    tianjin1 = await fixtureSheet('tianjinBySheet', '表1');
  });
  const run = (edits: Record<string, string | number | null>) =>
    checkWorkbook({ sheets: [withCells(tianjin1, edits)] });
  const normalisedBudget = (r: WorkbookReport) =>
    normalise([{ source: 'a.xlsx', sheets: r.sheets }]).indicators.rows[0].budget;

  it('10000元 in a 万元 form is 1 万元: budget checks, the cost cap, the normalised 预算数', () => {
    const r = run({ C4: '10000元', C5: 1, E13: '≤5万元' });
    expect(findingsOf(r, 'funding.row-sum')).toEqual([]);
    const unit = findingsOf(r, 'amount.unit-mismatch', 'C4');
    expect(unit.map((f) => f.suggestions)).toEqual([
      [{ text: '1', value: 1, replacesFormula: false }],
    ]);
    expect(findingsOf(r, 'amount.malformed', 'C4')).toEqual([]);
    expect(findingsOf(r, 'funding.cost-exceeds-budget', 'E13')).toHaveLength(1);
    expect(normalisedBudget(r)).toBe(1);
  });

  it('1040000元 as 预算数 is 104 万元, equal to 财政资金 104 and to the cost cap ≤104万元', () => {
    const r = run({ C4: '1040000元', C5: 104 });
    expect(
      r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}@${f.cell}`),
    ).toEqual(['amount.unit-mismatch@C4']);
    expect(normalisedBudget(r)).toBe(104);
  });

  it('≤1000001元 against 预算数 100 万元 is over budget', () => {
    const r = run({ C4: 100, C5: 100, E13: '≤1000001元' });
    const found = findingsOf(r, 'funding.cost-exceeds-budget', 'E13');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('即 100.0001 万元');
    expect(
      findingsOf(run({ C4: 100, C5: 100, E13: '≤1000000元' }), 'funding.cost-exceeds-budget'),
    ).toEqual([]);
  });

  it('1 234.5 with a space as thousands separator is a number stored as text, not an error', () => {
    const r = run({ C4: '1 234.5', C5: 1234.5 });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const found = findingsOf(r, 'amount.malformed', 'C4');
    expect(found.map((f) => [f.severity, f.suggestions[0]?.value])).toEqual([['info', 1234.5]]);
  });
});

describe('moneyFields covers every money cell of the form model', () => {
  /** Every amount field in a form, found by walking it (the spending plan holds shares). */
  function amountFieldsIn(node: unknown, out: Set<object>, path = ''): Set<object> {
    if (Array.isArray(node)) node.forEach((n, i) => amountFieldsIn(n, out, `${path}[${i}]`));
    else if (node !== null && typeof node === 'object') {
      if (Object.getPrototypeOf(node) !== Object.prototype) return out; // Big, Map, Set
      const o = node as Record<string, unknown>;
      if ('amount' in o && 'cell' in o && !path.includes('spendingPlan')) out.add(o);
      for (const [k, v] of Object.entries(o)) amountFieldsIn(v, out, `${path}.${k}`);
    }
    return out;
  }

  it.each(Object.keys(FILES) as FixtureName[])('%s', async (name) => {
    for (const sheet of checkWorkbook(await fixture(name)).sheets) {
      for (const form of sheet.forms) {
        const walked = amountFieldsIn(form, new Set());
        expect(walked.size).toBeGreaterThan(0);
        const listed = new Set<object>(moneyFields(form));
        expect([...walked].filter((f) => !listed.has(f))).toEqual([]);
        expect(listed.size).toBe(walked.size);
      }
    }
  });
});
