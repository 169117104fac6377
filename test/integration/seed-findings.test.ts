/**
 * The real mistakes of the published forms in fixtures/seed-text/, found at their cells in the fixture
 * workbooks built from them (issue 2, Evidence). Each expectation was checked against the seed text,
 * not against what the engine prints:
 * - Guangzhou env-tech list: `评审会成本，年度指标值：《330`; 合计/unit row 财政拨款 2,365.02 while its
 *   16 projects add up to 2,392.47, and 27.45 of 其他资金 that no project has.
 * - Tianjin form 8: 74 + 61.5 + 64.5 + 127 = 327 > 预算数 300; form 21: twelve caps = 156 > 150.
 * - Panyu list: `专家评审通过率 ≥100%`, `食堂服务满意度 ≥90`, `委托监测费用 100%`, `<p>` markup; its
 *   amounts add up (13 projects = 2,243.96).
 * - Zhanjiang: 4754.96 + 3499.26 = 8254.22 + 0 = 8254.22 + 0 = 8254.22 + 0; tasks 1650 ≤ 3499.26.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, beforeAll, afterAll } from '@jest/globals';
import { checkWorkbook, type Finding, type WorkbookReport, type Form } from '../../src/engine';
import { runCli, tempDir } from '../helpers/cli';
import { FILES, SEEDS, findingsOf, fixture, keysOf, textAt, type FixtureName } from './helpers';

const reports = new Map<FixtureName, WorkbookReport>();
const report = (name: FixtureName): WorkbookReport => {
  const r = reports.get(name);
  if (!r) throw new Error(`not checked: ${name}`);
  return r;
};
const formsOf = (r: WorkbookReport): Form[] => r.sheets.flatMap((s) => [...s.forms]);

beforeAll(async () => {
  for (const name of Object.keys(FILES) as FixtureName[]) {
    reports.set(name, checkWorkbook(await fixture(name)));
  }
});

const LIST_SHEET = '项目支出绩效目标表';
const TIANJIN_SHEET = '项目绩效目标表';

/** The one finding of `rule` at `cell` (fails when there is none or more than one). */
function one(r: WorkbookReport, rule: string, cell: string): Finding {
  const found = findingsOf(r, rule, cell);
  expect(found.map((f) => `${f.rule}@${f.cell}`)).toEqual([`${rule}@${cell}`]);
  return found[0];
}

describe('Tianjin: 34 project forms', () => {
  it('reads all 34 forms stacked on one sheet, in seed order', () => {
    const forms = formsOf(report('tianjin'));
    expect(forms).toHaveLength(34);
    expect(forms.every((f) => f.kind === 'project-form' && f.sheet === TIANJIN_SHEET)).toBe(true);
    expect(forms[0].title).toBe('1.2023年物业费项目绩效目标表');
    expect(forms[7].title).toBe('8.2023年度天津市推进“无废城市”建设项目绩效目标表');
    expect(forms[33].title).toBe('34.天津市近岸海域生态质量和稳定性调查评估绩效目标表');
  });

  it('reads one form per sheet in the by-sheet workbook', () => {
    const r = report('tianjinBySheet');
    expect(r.sheets).toHaveLength(34);
    expect(r.sheets.map((s) => s.forms.length)).toEqual(new Array(34).fill(1));
  });

  it('finds no error-severity finding on any of the 34 correct forms (both layouts)', () => {
    expect(keysOf(report('tianjin'))).toEqual([]);
    expect(keysOf(report('tianjinBySheet'))).toEqual([]);
  });

  it('form 8: the itemised cost caps 74 + 61.5 + 64.5 + 127 exceed 预算数 300 (warning, first part)', async () => {
    const sheet = (await fixture('tianjin')).sheets[0];
    // the first itemised cost of form 8, then the total restated by 项目总投资
    expect(textAt(sheet, 'C175')).toBe('“无废城市”建设跟踪评估项目');
    expect(textAt(sheet, 'E175')).toBe('≤74万元');
    expect(textAt(sheet, 'E179')).toBe('≤300万元');
    const f = one(report('tianjin'), 'funding.cost-parts-exceed-total', 'E175');
    expect(f.severity).toBe('warning');
    expect(f.sheet).toBe(TIANJIN_SHEET);
    expect(f.message).toContain('74 + 61.5 + 64.5 + 127 = 327');
    expect(f.message).toContain('300');
    expect(f.form).toBe(7);

    const bySheet = one(report('tianjinBySheet'), 'funding.cost-parts-exceed-total', 'E36');
    expect(bySheet.sheet).toBe('表8');
    expect(bySheet.severity).toBe('warning');
  });

  it('form 21: twelve itemised caps adding up to 156 exceed 预算数 150 (warning)', () => {
    const f = one(report('tianjin'), 'funding.cost-parts-exceed-total', 'E495');
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('= 156');
    expect(f.message).toContain('150');
    // only forms 8 and 21 have cost caps that add up to more than their budget
    expect(
      findingsOf(report('tianjin'), 'funding.cost-parts-exceed-total').map((x) => x.cell),
    ).toEqual(['E175', 'E495']);
  });

  it('form 16: `视具体情况确定数量` on two 数量 indicators is not quantified', () => {
    expect(
      findingsOf(report('tianjin'), 'value.not-quantified')
        .filter((f) => f.message.includes('视具体情况确定数量'))
        .map((f) => `${f.cell}/${f.severity}`),
    ).toEqual(['E360/warning', 'E361/warning']);
  });
});

describe('Guangzhou env-tech center project list', () => {
  it('`评审会成本 《330`: value.operator-typo on the packed cell, ≤330 then <330', async () => {
    const sheet = (await fixture('env')).sheets[0];
    expect(textAt(sheet, 'G11')).toContain('评审会成本，年度指标值：《330。');
    const f = one(report('env'), 'value.operator-typo', 'G11');
    expect(f.severity).toBe('error');
    expect(f.sheet).toBe(LIST_SHEET);
    expect(f.message).toContain('评审会成本');
    expect(f.message).toContain('《330');
    expect(f.suggestions).toHaveLength(2);
    // a whole-cell replacement, the inclusive sign first, the rest of the cell unchanged
    expect(f.suggestions[0].text).toBe(textAt(sheet, 'G11').replace('《330', '≤330'));
    expect(f.suggestions[1].text).toBe(textAt(sheet, 'G11').replace('《330', '<330'));
  });

  it('the unit row 财政拨款 2,365.02 does not add up to its projects (2,392.47)', () => {
    const f = one(report('env'), 'funding.column-sum', 'C5');
    expect(f.severity).toBe('error');
    expect(f.message).toContain('2365.02');
    expect(f.message).toContain('2392.47');
    expect(f.suggestions.map((s) => s.text)).toEqual(['2392.47']);
  });

  it('the 27.45 of 其他资金 on the unit row is in none of its projects', () => {
    const f = one(report('env'), 'funding.column-sum', 'E5');
    expect(f.severity).toBe('error');
    expect(f.message).toContain('27.45');
    expect(f.suggestions.map((s) => s.text)).toEqual(['0.00']);
  });

  it('合计 equals its one unit row and every row adds up across: no other funding error', () => {
    expect(findingsOf(report('env'), 'funding.column-sum', 'C4')).toEqual([]);
    expect(findingsOf(report('env'), 'funding.row-sum')).toEqual([]);
  });

  it('has exactly the known errors and no others', () => {
    expect(keysOf(report('env'))).toEqual([
      `funding.column-sum@${LIST_SHEET}!C5`,
      `funding.column-sum@${LIST_SHEET}!E5`,
      `value.operator-typo@${LIST_SHEET}!G11`,
    ]);
  });

  it('reads the list with its 合计, one unit and 16 projects', () => {
    const forms = formsOf(report('env'));
    expect(forms.map((f) => f.kind)).toEqual(['project-list']);
    const list = forms[0] as Extract<Form, { kind: 'project-list' }>;
    expect(list.units).toHaveLength(1);
    expect(list.units[0].projects).toHaveLength(16);
  });
});

describe('Guangzhou Panyu project list', () => {
  it('`专家评审通过率 ≥100%` can only mean 100%: rate-out-of-range warning with the fix', () => {
    const f = one(report('panyu'), 'value.rate-out-of-range', 'G12');
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('专家评审通过率');
    expect(f.message).toContain('≥100%');
    expect(f.suggestions).toHaveLength(1);
    expect(f.suggestions[0].text).toContain('专家评审通过率;实施周期指标值:100%;年度指标值:100%。');
    expect(f.suggestions[0].text).not.toContain('≥100%');
    expect(
      findingsOf(report('panyu'), 'value.rate-out-of-range').filter((x) => x.severity === 'error'),
    ).toEqual([]);
  });

  it('`食堂服务满意度 ≥90` lacks its %', () => {
    const found = findingsOf(report('panyu'), 'value.missing-unit', 'G11').filter((f) =>
      f.message.includes('食堂服务满意度'),
    );
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('warning');
    expect(found[0].message).toContain('≥90%');
    expect(found[0].suggestions[0].text).toContain(
      '食堂服务满意度;实施周期指标值:≥90%;年度指标值:≥90%。',
    );
  });

  it('`委托监测费用 100%` is a cost without an amount', () => {
    const found = findingsOf(report('panyu'), 'value.missing-unit', 'G17').filter((f) =>
      f.message.includes('委托监测费用'),
    );
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('warning');
    expect(found[0].message).toContain('100%');
    expect(found[0].message).toContain('金额');
  });

  it('leftover <p> markup is reported on every cell that has it, with the clean text', async () => {
    const sheet = (await fixture('panyu')).sheets[0];
    const markup = findingsOf(report('panyu'), 'value.markup');
    expect(markup.every((f) => f.severity === 'warning')).toBe(true);
    const cells = markup.map((f) => f.cell);
    for (const c of ['F10', 'G10', 'F11', 'G11', 'F12', 'G12', 'F13', 'G13']) {
      expect(cells).toContain(c);
    }
    for (const c of ['F17', 'G17', 'F18', 'G18', 'F19', 'G19']) expect(cells).toContain(c);
    // amounts wrapped in <p> (rows 17–19 of the seed)
    for (const c of ['B17', 'C17', 'B18', 'C18', 'B19', 'C19']) expect(cells).toContain(c);
    expect(findingsOf(markup, 'value.markup', 'B17')[0].suggestions.map((s) => s.text)).toEqual([
      '235.00',
    ]);
    // rows 7–9 and 14–16 were published without markup
    for (const c of ['F7', 'G7', 'F9', 'G9', 'G14', 'G15', 'G16']) expect(cells).not.toContain(c);
    const g12 = findingsOf(markup, 'value.markup', 'G12')[0];
    expect(textAt(sheet, 'G12').startsWith('<p>')).toBe(true);
    expect(g12.suggestions[0].text).toBe(
      textAt(sheet, 'G12')
        .replace(/^<p>/, '')
        .replace(/<\/p>$/, ''),
    );
  });

  it('adds up (13 projects = 2,243.96) and has no error-severity finding', () => {
    expect(findingsOf(report('panyu'), 'funding.column-sum')).toEqual([]);
    expect(findingsOf(report('panyu'), 'funding.row-sum')).toEqual([]);
    expect(keysOf(report('panyu'))).toEqual([]);
    const list = formsOf(report('panyu'))[0] as Extract<Form, { kind: 'project-list' }>;
    expect(list.units.flatMap((u) => u.projects)).toHaveLength(13);
  });
});

describe('Zhanjiang department form', () => {
  it('reads one department form whose four splits add up: no department-split, no error', () => {
    const forms = formsOf(report('zhanjiang'));
    expect(forms.map((f) => f.kind)).toEqual(['department-form']);
    const form = forms[0] as Extract<Form, { kind: 'department-form' }>;
    expect(form.splits.map((s) => s.parts.map((p) => p.field.text))).toEqual([
      ['4754.96', '3499.26'],
      ['8254.22', '0'],
      ['8254.22', '0'],
      ['8254.22', '0'],
    ]);
    expect(findingsOf(report('zhanjiang'), 'funding.department-split')).toEqual([]);
    expect(findingsOf(report('zhanjiang'), 'funding.tasks-exceed-budget')).toEqual([]);
    expect(keysOf(report('zhanjiang'))).toEqual([]);
  });

  it('the task amount published as `<p>200</p>` is reported as markup, not as a bad amount', () => {
    const f = one(report('zhanjiang'), 'value.markup', 'D16');
    expect(f.severity).toBe('warning');
    expect(f.suggestions.map((s) => s.text)).toEqual(['200']);
    expect(findingsOf(report('zhanjiang'), 'amount.malformed', 'D16')).toEqual([]);
  });
});

describe('jixiao check --json on the seeds', () => {
  const env = path.join(SEEDS, FILES.env);
  const panyu = path.join(SEEDS, FILES.panyu);
  let dir: string;
  beforeAll(() => {
    dir = tempDir('jixiao-integration-');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the issue-2 document for the env-tech list and exits 1 (it has errors)', async () => {
    const run = await runCli(['check', env, '--json']);
    expect(run.err).toBe('');
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.out) as {
      files: Array<{
        file: string;
        forms: Array<Record<string, unknown>>;
        findings: Array<Record<string, unknown>>;
        error?: string;
      }>;
    };
    expect(Object.keys(doc)).toEqual(['files']);
    expect(doc.files).toHaveLength(1);
    const file = doc.files[0];
    expect(Object.keys(file).sort()).toEqual(['file', 'findings', 'forms']);
    expect(file.file).toBe(env);
    expect(file.forms).toEqual([
      {
        kind: 'project-list',
        sheet: LIST_SHEET,
        range: 'A1:G21',
        title: '项目支出绩效目标表（含转移支付项目）',
      },
    ]);
    for (const f of file.findings) {
      expect(Object.keys(f).sort()).toEqual(
        ['cell', 'message', 'rule', 'severity', 'sheet', 'suggestions'].sort(),
      );
      expect(f.cell).toMatch(/^[A-Z]+[0-9]+$/);
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(Array.isArray(f.suggestions)).toBe(true);
    }
    // the same findings as the engine, in the same order
    expect(file.findings.map((f) => `${f.rule}@${f.cell}/${f.severity}`)).toEqual(
      report('env').findings.map((f) => `${f.rule}@${f.cell}/${f.severity}`),
    );
    const typo = file.findings.find((f) => f.rule === 'value.operator-typo');
    expect(typo).toMatchObject({ severity: 'error', sheet: LIST_SHEET, cell: 'G11' });
    expect((typo?.suggestions as string[])[0]).toContain('评审会成本，年度指标值：≤330。');
    expect((typo?.suggestions as string[])[1]).toContain('评审会成本，年度指标值：<330。');
    const column = file.findings.filter((f) => f.rule === 'funding.column-sum');
    expect(column.map((f) => [f.cell, f.severity, f.suggestions])).toEqual([
      ['C5', 'error', ['2392.47']],
      ['E5', 'error', ['0.00']],
    ]);
  });

  it('exits 0 for a file with warnings only (Panyu)', async () => {
    const run = await runCli(['check', panyu, '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.out) as { files: Array<{ findings: Array<{ severity: string }> }> };
    expect(doc.files[0].findings.length).toBeGreaterThan(0);
    expect(doc.files[0].findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('exits 2 when a file cannot be read, with `error`, and still checks the others', async () => {
    const broken = path.join(dir, '损坏.xlsx');
    fs.writeFileSync(broken, Buffer.from('PK\u0003\u0004 not really a zip'));
    const run = await runCli(['check', broken, panyu, '--json']);
    expect(run.code).toBe(2);
    const doc = JSON.parse(run.out) as {
      files: Array<{ file: string; forms: unknown[]; findings: unknown[]; error?: string }>;
    };
    expect(doc.files.map((f) => f.file)).toEqual([broken, panyu]);
    expect(doc.files[0].forms).toEqual([]);
    expect(doc.files[0].findings).toEqual([]);
    expect(typeof doc.files[0].error).toBe('string');
    expect(doc.files[0].error).toMatch(/[\u4e00-\u9fff]/);
    expect(doc.files[1].error).toBeUndefined();
    expect(doc.files[1].forms).toHaveLength(1);
  });
});
