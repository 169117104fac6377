/**
 * The unchanged forms the metamorphic variants start from: every seed form of fixtures/seeds/ (the
 * 34 Tianjin project forms one per sheet, both Guangzhou project lists, the Zhanjiang department
 * form), with where their parts are, found by the engine's own inspect API on the unchanged sheet.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readXlsx } from '../../src/adapters/xlsx';
import {
  fromA1,
  inspectSheet,
  rangeFromA1,
  type CellRef,
  type FormKind,
  type InspectedForm,
  type Range,
  type SheetData,
} from '../../src/engine';

export const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'seeds');

/** Where the parts of a base form are (original coordinates). */
export interface Struct {
  readonly range: Range;
  /** first and last header row of the indicator table (the list's header) */
  readonly headerTop: number;
  readonly headerBottom: number;
  /** header cell of each role (`level1`, `name`, `value`, … or a list's `name`, `total`, …) */
  readonly header: ReadonlyMap<string, CellRef>;
  /** the rightmost column of the table (a merged value header's right edge) */
  readonly tableRight: number;
  /** first and last row under the header that belong to the table or list */
  readonly firstRow: number;
  readonly lastRow: number;
  /** the rows that hold an indicator (project and department forms) or a project (lists) */
  readonly rows: ReadonlyArray<number>;
  /** the first row of the second 一级 group, or the second project of a list */
  readonly splitRow: number;
  /** label cells of the form: field labels and header labels */
  readonly labels: ReadonlyArray<CellRef>;
}

/** One injected mistake: a cell, its new text, and the rule that must find it there. */
export interface Mistake {
  readonly cell: CellRef;
  readonly text: string;
  readonly rule: string;
}

export interface Base {
  /** `tianjin-1` … `tianjin-34`, `env`, `panyu`, `zhanjiang` */
  readonly id: string;
  readonly kind: FormKind;
  readonly sheet: SheetData;
  readonly struct: Struct;
  readonly mistake: Mistake;
}

/** Texts that are labels of a form (as the seeds write them), for the label-spelling variants. */
const LABELS = new Set([
  '项目名称',
  '预算规模及资金用途',
  '预算数',
  '其中：财政    资金',
  '其他资金',
  '绩效目标',
  '部门名称',
  '基本情况',
  '财政供养人员数量',
  '预算安排年度',
  '下属单位数量',
  '部门预算金额',
  '年度整体绩效目标概述',
  '预算整体情况',
  '按支出类型',
  '按收入来源',
  '按支出性质',
  '按预算级次',
  '预算金额（万元）',
  '年度重点工作任务',
  '名称',
  '主要实施内容',
  '拟投入的资金（万元）',
  '期望达到的目标',
  '其他需达到的目标 (选填)',
  '其他需要说明的情况',
  '财政部门审核意见',
]);

const a1 = (s: string | null): CellRef => {
  const ref = s ? fromA1(s) : null;
  if (!ref) throw new Error(`bad cell ${s}`);
  return ref;
};

/** Reads the fixture workbooks and returns every seed form as a base. */
export async function loadBases(): Promise<Base[]> {
  const read = async (file: string) => readXlsx(fs.readFileSync(path.join(FIXTURES, file)));
  const out: Base[] = [];
  const tianjin = await read('tianjin-project-forms-by-sheet.xlsx');
  tianjin.sheets.forEach((s, i) => out.push(baseOf(`tianjin-${i + 1}`, s)));
  out.push(baseOf('env', (await read('guangzhou-env-tech-center-project-list.xlsx')).sheets[0]));
  out.push(baseOf('panyu', (await read('guangzhou-panyu-project-list.xlsx')).sheets[0]));
  out.push(baseOf('zhanjiang', (await read('zhanjiang-department-form.xlsx')).sheets[0]));
  return out;
}

function baseOf(id: string, sheet: SheetData): Base {
  const forms = inspectSheet(sheet).forms;
  if (forms.length !== 1) throw new Error(`${id}: expected one form, found ${forms.length}`);
  const form = forms[0];
  const struct = structOf(sheet, form);
  return { id, kind: form.kind, sheet, struct, mistake: mistakeOf(id, sheet, form) };
}

function structOf(sheet: SheetData, form: InspectedForm): Struct {
  const table = form.table;
  if (!table) throw new Error(`${form.sheet}: no table`);
  const header = new Map<string, CellRef>();
  let tableRight = 0;
  for (const h of table.header) {
    const cell = a1(h.cell);
    const role = h.role === 'value' && header.has('value') ? 'value2' : h.role;
    if (role && !header.has(role)) header.set(role, cell);
    const merge = sheet.merges.find((m) => m.top === cell.row && m.left === cell.col);
    tableRight = Math.max(tableRight, merge ? merge.right : cell.col);
  }
  const headerTop = table.headerRows[0] - 1;
  const headerBottom = table.headerRows[table.headerRows.length - 1] - 1;
  const rows =
    form.kind === 'project-list'
      ? (form.projects ?? []).map((p) => p.row - 1)
      : table.rows.map((r) => r.row - 1);
  const skippedRows = table.skipped.flatMap((s) =>
    s.reason === 'category' ? [s.top - 1, s.bottom - 1] : [],
  );
  const range = rangeFromA1(form.range)!;
  const lastRow = form.kind === 'project-list' ? range.bottom : Math.max(...rows, ...skippedRows);
  let splitRow: number;
  if (form.kind === 'project-list') {
    splitRow = rows[1];
  } else {
    // the row of the second 一级 name written in the 一级 column
    const col = header.get('level1')!.col;
    const starts: number[] = [];
    for (let r = headerBottom + 1; r <= lastRow; r++) {
      const v = sheet.cells[r]?.[col];
      if (typeof v === 'string' && v.trim() !== '') starts.push(r);
    }
    splitRow = starts[1];
  }
  if (splitRow === undefined) throw new Error(`${form.sheet}: no second group`);
  const labels: CellRef[] = [];
  sheet.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === 'string' && LABELS.has(v.trim())) labels.push({ row: r, col: c });
    }),
  );
  for (const h of table.header) labels.push(a1(h.cell));
  return {
    range,
    headerTop,
    headerBottom,
    header,
    tableRight,
    firstRow: headerBottom + 1,
    lastRow,
    rows,
    splitRow,
    labels,
  };
}

/**
 * The mistake clerks make most (docs/domain.md §3): a book-title mark typed for a comparison, `《` for
 * `≤`, `》` for `≥`, in the first value that has a comparison; `》90%` where none has one.
 */
function mistakeOf(id: string, sheet: SheetData, form: InspectedForm): Mistake {
  const rule = 'value.operator-typo';
  if (form.kind === 'project-list') {
    for (const p of form.projects ?? []) {
      const cell = a1(p.indicatorCell.cell);
      const text = String(sheet.cells[cell.row][cell.col]);
      const m = /指标值[:：]\s*[≥≤]/.exec(text);
      if (m) {
        const i = m.index + m[0].length - 1;
        const mark = text[i] === '≥' ? '》' : '《';
        return { cell, text: text.slice(0, i) + mark + text.slice(i + 1), rule };
      }
    }
    throw new Error(`${id}: no packed value with a comparison`);
  }
  const values = form.table!.rows.flatMap((r) => r.values);
  const hit = values.find((v) => /^[≥≤]/.test(v.text));
  if (hit) {
    const mark = hit.text[0] === '≥' ? '》' : '《';
    return { cell: a1(hit.cell), text: mark + hit.text.slice(1), rule };
  }
  return { cell: a1(values[0].cell), text: '》90%', rule };
}
