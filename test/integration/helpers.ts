/** Shared helpers of the integration tests: fixtures read once, cell edits, finding filters. */
import fs from 'node:fs';
import path from 'node:path';
import { readXlsx } from '../../src/adapters/xlsx';
import {
  checkWorkbook,
  fromA1,
  type CellValue,
  type Finding,
  type Severity,
  type SheetData,
  type WorkbookData,
  type WorkbookReport,
} from '../../src/engine';
import { FIXTURES } from '../helpers/cli';

export const SEEDS = path.join(FIXTURES, 'seeds');

export const FILES = {
  tianjin: 'tianjin-project-forms.xlsx',
  tianjinBySheet: 'tianjin-project-forms-by-sheet.xlsx',
  env: 'guangzhou-env-tech-center-project-list.xlsx',
  panyu: 'guangzhou-panyu-project-list.xlsx',
  zhanjiang: 'zhanjiang-department-form.xlsx',
} as const;

export type FixtureName = keyof typeof FILES;

const cache = new Map<string, Promise<WorkbookData>>();

/** A fixture workbook, read once per test file. */
export function fixture(name: FixtureName): Promise<WorkbookData> {
  let p = cache.get(name);
  if (!p) {
    p = readXlsx(fs.readFileSync(path.join(SEEDS, FILES[name])));
    cache.set(name, p);
  }
  return p;
}

/** One sheet of a fixture, as a workbook of its own. */
export async function fixtureSheet(name: FixtureName, sheet?: string): Promise<SheetData> {
  const wb = await fixture(name);
  const s = sheet === undefined ? wb.sheets[0] : wb.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet} in ${name}`);
  return s;
}

/** A copy of `sheet` with some cells replaced (null blanks a cell). The original is left as it is. */
export function withCells(sheet: SheetData, edits: Readonly<Record<string, CellValue>>): SheetData {
  const cells = sheet.cells.map((row) => [...row]);
  for (const [a1, value] of Object.entries(edits)) {
    const ref = fromA1(a1);
    if (!ref) throw new Error(`bad address ${a1}`);
    while (cells.length <= ref.row) cells.push([]);
    const row = cells[ref.row];
    while (row.length <= ref.col) row.push(null);
    row[ref.col] = value;
  }
  return { name: sheet.name, cells, merges: sheet.merges };
}

/** The text of a cell of `sheet` (throws when it is not a string: edits build on real texts). */
export function textAt(sheet: SheetData, a1: string): string {
  const ref = fromA1(a1);
  const v = ref ? sheet.cells[ref.row]?.[ref.col] : undefined;
  if (typeof v !== 'string')
    throw new Error(`${sheet.name}!${a1} is not text: ${JSON.stringify(v)}`);
  return v;
}

/** `text` with `from` replaced once; throws when `from` is not in it (so an edit cannot silently miss). */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`“${from}” not found`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

export function check(...sheets: SheetData[]): WorkbookReport {
  return checkWorkbook({ sheets });
}

export function findingsOf(
  report: WorkbookReport | ReadonlyArray<Finding>,
  rule: string,
  cell?: string,
): Finding[] {
  const all = 'findings' in report ? report.findings : report;
  return all.filter((f) => f.rule === rule && (cell === undefined || f.cell === cell));
}

/** `rule@sheet!cell` of every finding of one severity, sorted: easy to compare as a set. */
export function keysOf(
  report: WorkbookReport | ReadonlyArray<Finding>,
  severity: Severity = 'error',
): string[] {
  const all = 'findings' in report ? report.findings : report;
  return all
    .filter((f) => f.severity === severity)
    .map((f) => `${f.rule}@${f.sheet}!${f.cell}`)
    .sort();
}

/** Indicator rows per 二级 for Tianjin form 1: one each of its six 二级, none of the others. */
export const TIANJIN_1_ROWS = {
  数量指标: 1,
  质量指标: 1,
  时效指标: 1,
  成本指标: 1,
  经济效益指标: 0,
  社会效益指标: 1,
  生态效益指标: 0,
  可持续影响指标: 0,
  服务对象满意度指标: 1,
} as const;

/** Tianjin form 1 (2023年物业费项目) as published: 三级指标, 绩效指标描述, 指标值 in skeleton order. */
export const TIANJIN_1_INDICATORS: ReadonlyArray<readonly [string, string]> = [
  ['物业保障人员数量', '≥5人'],
  ['机关物业保洁率', '100%'],
  ['每日保障时间', '≥8小时'],
  ['物业费支出成本', '≤104万元'],
  ['局机关正常运转', '保障正常运转'],
  ['局机关满意度', '≥90%'],
];

/** The project template's fields filled from Tianjin form 1 (seed lines 1–66). */
export function tianjin1Fields(): Record<string, string | number> {
  const fields: Record<string, string | number> = {
    'project.name': '2023年物业费项目',
    'project.department': '362101天津市生态环境局财务处（审计处）',
    'budget.fiscal': 104,
    purpose: '用于物业管理相关工作支出。',
    'targets.annual': '1.支撑保障市生态环境局正常工作开展。',
  };
  TIANJIN_1_INDICATORS.forEach(([name, value], i) => {
    fields[`indicator[${i}].name`] = name;
    fields[`indicator[${i}].description`] = name;
    fields[`indicator[${i}].annual`] = value;
  });
  return fields;
}
