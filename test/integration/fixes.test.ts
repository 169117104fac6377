/**
 * Fixes as data, verified on real workbooks (issues 10 and 12): the first suggestion of every
 * finding — on every seed fixture read through the .xlsx adapter, on a table of hard values typed
 * into real forms, and on template workbooks with formulas — is written into its cell, the sheet is
 * read and checked again, and that finding must be gone with no new error in that cell.
 * A suggestion that would replace a formula is never applied (the pane shows it as advice), and
 * the formula workbooks must have such findings.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { writeTemplateXlsx } from '../../src/adapters/xlsx/template-writer';
import {
  checkWorkbook,
  type CellValue,
  type Finding,
  type SheetData,
  type WorkbookData,
} from '../../src/engine';
import { buildTemplate } from '../../src/templates';
import {
  FILES,
  TIANJIN_1_ROWS,
  fixture,
  fixtureSheet,
  tianjin1Fields,
  withCells,
  type FixtureName,
} from './helpers';
import { readWithFormulas, withExcelCachedValues } from './formulas';

interface Outcome {
  /** `rule@cell → fix` of each suggestion applied */
  readonly applied: string[];
  /** findings whose suggestion would replace a formula, left alone */
  readonly replacesFormula: Finding[];
  /** what went wrong: a finding that stayed, or an error a fix brought */
  readonly failures: string[];
}

const key = (f: Finding) => `${f.rule}@${f.sheet}!${f.cell}`;
const checkSheet = (sheet: SheetData) => checkWorkbook({ sheets: [sheet] }).findings;

/** Applies the first suggestion of every finding of `sheet`, each on its own, and re-checks. */
function applyEveryFix(sheet: SheetData): Outcome {
  const outcome: Outcome = { applied: [], replacesFormula: [], failures: [] };
  const before = checkSheet(sheet);
  const errorsBefore = new Set(before.filter((f) => f.severity === 'error').map(key));
  for (const f of before) {
    const fix = f.suggestions[0];
    if (!fix) continue;
    if (fix.replacesFormula) {
      outcome.replacesFormula.push(f);
      continue;
    }
    const label = `${key(f)} → ${JSON.stringify(fix.value)}`;
    outcome.applied.push(label);
    if (fix.text.trim() === '') outcome.failures.push(`${label}: an empty suggestion`);
    const after = checkSheet(withCells(sheet, { [f.cell]: fix.value }));
    const here = (g: Finding) => g.rule === f.rule && g.cell === f.cell;
    if (after.some((g) => here(g) && g.message === f.message))
      outcome.failures.push(`${label}: the finding is still there`);
    if (after.filter(here).length >= before.filter(here).length)
      outcome.failures.push(`${label}: no fewer ${f.rule} findings on the cell`);
    // a fix may move a sum's mismatch to another cell (which side is wrong is the clerk's call),
    // but it never brings a new error into the cell it writes
    for (const g of after) {
      if (g.cell === f.cell && g.severity === 'error' && !errorsBefore.has(key(g)))
        outcome.failures.push(`${label}: brought ${key(g)} “${g.message}”`);
    }
  }
  return outcome;
}

function applyToWorkbook(wb: WorkbookData): Outcome {
  const all: Outcome = { applied: [], replacesFormula: [], failures: [] };
  for (const sheet of wb.sheets) {
    const o = applyEveryFix(sheet);
    all.applied.push(...o.applied);
    all.replacesFormula.push(...o.replacesFormula);
    all.failures.push(...o.failures);
  }
  return all;
}

describe('the first suggestion of every finding of every seed fixture fixes it', () => {
  it.each(Object.keys(FILES) as FixtureName[])('%s', async (name) => {
    const wb = await fixture(name);
    const suggested = checkWorkbook(wb).findings.filter((f) => f.suggestions.length > 0);
    const o = applyToWorkbook(wb);
    expect(o.failures).toEqual([]);
    // the seeds hold no formulas: every suggestion is applied
    expect(o.replacesFormula).toEqual([]);
    expect(o.applied).toHaveLength(suggested.length);
  });

  it('applies suggestions of many rules across the seeds', async () => {
    const rules = new Set<string>();
    for (const name of Object.keys(FILES) as FixtureName[]) {
      for (const f of checkWorkbook(await fixture(name)).findings)
        if (f.suggestions.length > 0) rules.add(f.rule);
    }
    expect([...rules].sort()).toEqual(
      expect.arrayContaining(['amount.malformed', 'value.markup', 'value.operator-typo']),
    );
  });
});

/** Hard values typed into Tianjin form 1 (万元; 预算数 C4, 财政资金 C5, values E10–E15). */
const HARD_VALUES: ReadonlyArray<readonly [cell: string, value: CellValue]> = [
  ['E13', '《==15万元'],
  ['E13', '〈＝=15万元'],
  ['E11', '〉==0'],
  ['E15', '》=＝90%'],
  ['E15', '=》=90%'],
  ['E15', '》》90%'],
  ['E15', '≥≥=90%'],
  ['E15', '《'.repeat(125_000) + '90%'],
  ['E15', '》'.repeat(2000) + '=90%'],
  ['E10', '≥180≥180万条'],
  ['E10', '13969.56标箱标箱'],
  ['E10', '≥５人。'],
  ['E15', '＞＝９０％'],
  ['E15', '<p>》90%</p>'],
  ['E15', '&nbsp;≥90%&nbsp;'],
  ['E15', '<p></p>'],
  ['E14', '<p>保障正常运转</p>'],
  ['E11', '120%'],
  ['E11', '≥100%'],
  ['E15', '≥90'],
  ['E13', '≥10万元'],
  ['C4', '<p></p>'],
  ['B3', '<p></p>'],
  ['B3', '<p>2023年物业费项目</p>'],
  ['C4', '10000元'],
  ['C4', '1040000元'],
  ['C4', '1 040 000元'],
  ['C5', '1,040,000元'],
  ['C4', '104万'],
  ['C4', '0.0104亿元'],
  ['C4', '1 234.5'],
  ['C4', '1\u2009234.5'],
  ['C4', '１０４'],
  ['C4', '<p>104.00</p>'],
  ['C4', 0.1 + 0.2],
  ['C5', 100],
  ['C5', '1O4'],
  ['C5', -5],
  ['A14', '效果指标'],
  ['B15', '服务对象满意度'],
];

describe('the first suggestion of every finding on a hard value fixes it', () => {
  let tianjin1: SheetData;
  beforeAll(async () => {
    tianjin1 = await fixtureSheet('tianjinBySheet', '表1');
  });

  it.each(HARD_VALUES.map(([cell, v]) => [cell, String(v).slice(0, 40), v] as const))(
    '%s = %j',
    (cell, _shown, value) => {
      const sheet = withCells(tianjin1, { [cell]: value });
      const o = applyEveryFix(sheet);
      expect(o.failures).toEqual([]);
      // a cell of markup only is never offered a blank
      for (const f of checkSheet(sheet))
        for (const s of f.suggestions) expect(String(s.value).trim()).not.toBe('');
    },
  );

  it('the table gives suggestions to apply on most of its values', () => {
    const applied = HARD_VALUES.filter(
      ([cell, v]) => applyEveryFix(withCells(tianjin1, { [cell]: v })).applied.length > 0,
    );
    expect(applied.length).toBeGreaterThanOrEqual(HARD_VALUES.length - 8);
  });
});

describe('formula workbooks: suggestions over formulas are never applied', () => {
  const PROJECT = buildTemplate('project', { rows: TIANJIN_1_ROWS });
  const LIST = buildTemplate('list', { units: 1, projects: 2, rows: 1 });

  it('the project template with a stale 预算数 and typed mistakes', async () => {
    const total = PROJECT.sheet.outputs['budget.total'];
    const fields = {
      ...tianjin1Fields(),
      'budget.fiscal': 4754.96,
      'budget.other': 3499.26,
      'indicator[3].annual': '《==15万元',
      'indicator[5].annual': '＞＝９０％',
    };
    const file = await withExcelCachedValues(await writeTemplateXlsx(PROJECT, fields), {
      [total]: 8254.23,
    });
    const o = applyToWorkbook(await readWithFormulas(file.bytes));
    expect(o.failures).toEqual([]);
    expect(o.applied.length).toBeGreaterThanOrEqual(2);
    expect(o.replacesFormula.map((f) => `${f.rule}@${f.cell}`)).toEqual([
      `funding.row-sum@${total}`,
    ]);
  });

  it('the list template with a stale unit total', async () => {
    const unitOther = LIST.sheet.outputs['unit[0].other'];
    const fields: Record<string, string | number> = { 'unit[0].name': '单位' };
    for (const i of [0, 1]) {
      const p = `unit[0].project[${i}]`;
      Object.assign(fields, {
        [`${p}.name`]: `项目${i + 1}`,
        [`${p}.fiscal`]: 0.1 + i,
        [`${p}.other`]: '0.2',
        [`${p}.target`]: '保障工作正常开展。',
        [`${p}.indicator[0].level1`]: '产出指标',
        [`${p}.indicator[0].level2`]: '数量指标',
        [`${p}.indicator[0].name`]: '检测次数',
        [`${p}.indicator[0].annual`]: '〉==5次',
      });
    }
    const file = await withExcelCachedValues(await writeTemplateXlsx(LIST, fields), {
      [unitOther]: 0.5,
    });
    const o = applyToWorkbook(await readWithFormulas(file.bytes));
    expect(o.failures).toEqual([]);
    expect(o.replacesFormula.map((f) => `${f.rule}@${f.cell}`)).toContain(
      `funding.column-sum@${unitOther}`,
    );
    expect(o.applied.length).toBeGreaterThanOrEqual(2);
  });
});
