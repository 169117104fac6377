/**
 * A real spreadsheet program opens what we write: each template is generated, filled by field name
 * with exceljs (leaving the formulas' stored results stale), recalculated and saved again by
 * LibreOffice Calc headless, and read back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeTemplateXlsx } from '../../src/adapters/xlsx/template-writer';
import {
  buildTemplate,
  evaluateFormulas,
  fieldsToCells,
  type FieldValues,
  type TemplateKind,
  type TemplateSpec,
} from '../../src/templates';
import { convertAll, findSoffice, renamed, XLSX_FILTER } from './soffice';

interface Case {
  name: string;
  kind: TemplateKind;
  options: object;
  fields: FieldValues;
  /** output field → expected value after recalculation ('' for a blank result) */
  expect: Record<string, number | string>;
}

const CASES: Case[] = [
  {
    name: 'project-wan',
    kind: 'project',
    options: { year: 2026 },
    fields: {
      'project.name': '2023年物业费项目',
      'budget.fiscal': 104,
      'budget.other': 20.5,
      'spendingPlan.mar': 25,
      'spendingPlan.jun': 50,
      'spendingPlan.sep': 40,
      'spendingPlan.dec': 100,
      'indicator[0].name': '物业保障人员数量',
      'indicator[0].annual': '》5人',
      'indicator[0].basis': '计划标准',
    },
    expect: { 'budget.total': 124.5 },
  },
  {
    name: 'project-yuan-multi',
    kind: 'project',
    options: { year: 2025, unit: '元', multiYear: true, cost: 'first-level', rows: 1 },
    fields: { 'budget.fiscal': 1_000_000, 'budget.other': 0.01, 'indicator[3].period': '≤15万元' },
    expect: { 'budget.total': 1_000_000.01 },
  },
  {
    name: 'department',
    kind: 'department',
    options: { year: 2020, tasks: 4 },
    fields: {
      'department.name': '湛江市生态环境局',
      'budget.total': 8254.22,
      'split.basic': 4754.96,
      'split.project': 3499.26,
      'split.fiscal': 8254.22,
      'split.other': 0,
      'split.operating': 8254.22,
      'split.development': 0.01,
      'split.cityLevel': 8254.22,
      'split.transfer': 0,
      'task[0].amount': 300,
      'task[1].amount': 200,
      'task[2].amount': 300,
      'task[3].amount': 650,
    },
    expect: {
      'check.expenseType': '',
      'check.revenueSource': '',
      'check.expenseNature': '按支出性质：运转性支出与事业发展性支出之和不等于部门预算金额',
      'check.budgetLevel': '',
      'tasks.total': 1450,
      'check.tasks': '',
    },
  },
  {
    name: 'list',
    kind: 'list',
    options: { year: 2024, units: 2, projects: 2, rows: 2 },
    fields: {
      'department.name': '广州市生态环境局番禺分局',
      'unit[0].name': '广州市生态环境局番禺分局',
      'unit[0].project[0].name': '购置经费',
      'unit[0].project[0].fiscal': 36,
      'unit[0].project[1].name': '机构运行辅助经费',
      'unit[0].project[1].fiscal': 590.9,
      'unit[0].project[1].special': 10,
      'unit[1].project[0].other': 0.1,
      'unit[1].project[1].fiscal': 173.48,
      'unit[0].project[0].indicator[0].level1': '产出指标',
      'unit[0].project[0].indicator[0].level2': '数量指标',
      'unit[0].project[0].indicator[0].name': '购置车辆数量',
      'unit[0].project[0].indicator[0].annual': '2台',
    },
    expect: {
      'unit[0].project[0].total': 36,
      'unit[0].project[1].total': 600.9,
      'unit[0].fiscal': 626.9,
      'unit[0].special': 10,
      'unit[0].total': 636.9,
      'unit[1].total': 173.58,
      'total.fiscal': 800.38,
      'total.special': 10,
      'total.other': 0.1,
      'total.total': 810.48,
    },
  },
];

function plain(v: ExcelJS.CellValue): ExcelJS.CellValue {
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return v;
}

const soffice = findSoffice();
if (!soffice && !process.env.CI) {
  console.warn(
    '跳过 LibreOffice 测试：未找到 soffice（sudo apt-get install libreoffice-calc）。CI 中这些测试必须运行。',
  );
}
const describeLo = soffice || process.env.CI ? describe : describe.skip;

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}

interface Converted {
  spec: TemplateSpec;
  ws: ExcelJS.Worksheet;
  sheetXml: string;
  workbookXml: string;
}

describeLo('templates recalculated and saved by LibreOffice Calc', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-lo-'));
  /** each case's result, or why it has none */
  const results = new Map<string, Converted | Error>();

  beforeAll(async () => {
    // each blank template filled afterwards by field name, as a clerk's program would
    const prepared = await Promise.allSettled(
      CASES.map(async (c) => {
        const spec = buildTemplate(c.kind, c.options);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(await writeTemplateXlsx(spec)) as unknown as ArrayBuffer);
        const ws = wb.worksheets[0];
        for (const [field, value] of Object.entries(c.fields)) {
          ws.getCell(spec.sheet.inputs[field]).value = value;
        }
        const input = path.join(dir, `${c.name}.xlsx`);
        await wb.xlsx.writeFile(input);
        return { c, spec, input };
      }),
    );
    const ready = prepared.flatMap((p, i) => {
      if (p.status === 'fulfilled') return [p.value];
      results.set(CASES[i].name, asError(p.reason));
      return [];
    });
    // all files in one soffice call
    const converted = await convertAll(
      ready.map((r) => r.input),
      XLSX_FILTER,
      path.join(dir, 'out'),
      (input) => [renamed(input, 'xlsx')],
    );
    const readBack = await Promise.allSettled(
      ready.map(async ({ spec }, i) => {
        const settled = converted[i];
        if (settled.status === 'rejected') throw settled.reason;
        const bytes = fs.readFileSync(settled.value[0]);
        const back = new ExcelJS.Workbook();
        await back.xlsx.load(bytes as unknown as ArrayBuffer);
        const zip = await JSZip.loadAsync(bytes);
        return {
          spec,
          ws: back.worksheets[0],
          sheetXml: await zip.file('xl/worksheets/sheet1.xml')!.async('string'),
          workbookXml: await zip.file('xl/workbook.xml')!.async('string'),
        };
      }),
    );
    readBack.forEach((r, i) =>
      results.set(ready[i].c.name, r.status === 'fulfilled' ? r.value : asError(r.reason)),
    );
  }, 480_000);

  // beforeAll has waited for every conversion and read-back, so nothing still uses the folder
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe.each(CASES)('$name', (c) => {
    const get = (): Converted => {
      const r = results.get(c.name);
      if (r instanceof Error || r === undefined) throw r ?? new Error(`no result for ${c.name}`);
      return r;
    };

    it('recalculates the formulas to the right totals and checks', () => {
      const { spec, ws } = get();
      for (const [field, expected] of Object.entries(c.expect)) {
        const cell = ws.getCell(spec.sheet.outputs[field]);
        const value = cell.value as ExcelJS.CellFormulaValue;
        expect({ field, formula: typeof value?.formula }).toEqual({ field, formula: 'string' });
        const result = value.result ?? '';
        if (typeof expected === 'number') {
          expect({
            field,
            result: typeof result === 'number' ? Number(result.toFixed(6)) : result,
          }).toEqual({
            field,
            result: expected,
          });
        } else {
          expect({ field, result }).toEqual({ field, result: expected });
        }
      }
    });

    it('agrees with the results the writer stores itself', () => {
      const { spec, ws } = get();
      const ours = evaluateFormulas(spec.sheet, fieldsToCells(spec.sheet, c.fields));
      for (const address of Object.values(spec.sheet.outputs)) {
        const lo = (ws.getCell(address).value as ExcelJS.CellFormulaValue).result ?? '';
        const mine = ours[address] ?? '';
        if (typeof mine === 'number') expect(lo as number).toBeCloseTo(mine, 8);
        else expect({ address, lo }).toEqual({ address, lo: mine });
      }
    });

    it('keeps the inputs, labels and merges', () => {
      const { spec, ws } = get();
      for (const [field, value] of Object.entries(c.fields)) {
        // LibreOffice stores mixed Latin/CJK text as rich text runs
        expect({ field, value: plain(ws.getCell(spec.sheet.inputs[field]).value) }).toEqual({
          field,
          value,
        });
      }
      expect(ws.name).toBe(spec.sheet.name);
      expect(plain(ws.getCell('A1').value)).toBe(
        spec.sheet.cells.find((x) => x.address === 'A1')!.value,
      );
      const merges = (ws.model as { merges?: string[] }).merges ?? [];
      expect(new Set(merges)).toEqual(new Set(spec.sheet.merges));
    });

    it('keeps the data validations', () => {
      const { spec, ws } = get();
      const model = (
        ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
      ).dataValidations.model;
      const at = (address: string) => model[address];
      for (const v of spec.sheet.validations) {
        const first = v.ranges[0].split(':')[0];
        const found = at(first);
        expect({ range: v.ranges[0], type: found?.type }).toEqual({
          range: v.ranges[0],
          type: v.rule.type,
        });
        if (v.rule.type === 'list') {
          expect(String(found!.formulae[0]).replace(/"/g, '').split(',')).toEqual([
            ...v.rule.values,
          ]);
        } else {
          expect(Number(found!.formulae[0])).toBe(v.rule.min);
        }
        expect(found!.error).toBe(v.error.text);
        expect(found!.prompt).toBe(v.prompt.text);
      }
    });

    it('keeps the conditional formats', () => {
      const { spec, ws } = get();
      const cfs = (
        ws as unknown as {
          conditionalFormattings: Array<{ ref: string; rules: Array<{ formulae?: string[] }> }>;
        }
      ).conditionalFormattings;
      const formulas = cfs.flatMap((cf) => cf.rules.flatMap((r) => r.formulae ?? []));
      expect(formulas).toHaveLength(spec.sheet.conditionalFormats.length);
      expect(formulas.join('\n')).toContain('《');
      expect(formulas.some((f) => f.includes('ROUND('))).toBe(true);
    });

    it('keeps the protection (no password) and the A4 fit-to-width print setup', () => {
      const { sheetXml, workbookXml, spec } = get();
      expect(sheetXml).toMatch(/<sheetProtection[^>]*sheet="(1|true)"/);
      expect(sheetXml).not.toMatch(/<sheetProtection[^>]*(hashValue|password)=/);
      expect(sheetXml).toMatch(/<pageSetup[^>]*paperSize="9"/);
      expect(sheetXml).toMatch(/<pageSetup[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
      expect(sheetXml).toMatch(/<pageSetUpPr fitToPage="(1|true)"/);
      expect(sheetXml).toMatch(/<printOptions[^>]*gridLines="false"/);
      const [a, b] = spec.sheet.print.titleRows!.split(':');
      expect(workbookXml).toContain(`_xlnm.Print_Titles`);
      expect(workbookXml).toContain(`$${a}:$${b}`);
    });
  });
});
