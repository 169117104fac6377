import path from 'node:path';
import {
  inspectWorkbook,
  type InspectedCell,
  type InspectedForm,
  type InspectedIndicator,
  type InspectedTable,
  type SheetInspection,
} from '../../engine';
import { loadWorkbook } from '../files';
import { parseCommandArgs } from '../args';
import type { CliIO } from '../io';

/**
 * `jixiao inspect FILE.xlsx [--sheet S] [--json]`: how each form of the file was read — kind,
 * range, title, fields with their cells, the indicator header with each column's role, each
 * indicator row, and the rows read past with the reason. Exit 0, or 2 when the file cannot be read
 * or has no such sheet.
 */
export async function runInspect(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    { json: { type: 'boolean', default: false }, sheet: { type: 'string' } },
    io,
  );
  if (!parsed) return 2;
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) {
    io.err('请指定一个 .xlsx 文件，例如：jixiao inspect 绩效目标表.xlsx [--sheet 工作表名]\n');
    return 2;
  }
  const loaded = await loadWorkbook(file);
  if (!loaded.ok) {
    io.err(`无法读取：${loaded.error}\n`);
    return 2;
  }
  const sheet = parsed.values.sheet;
  if (sheet !== undefined && !loaded.workbook.sheets.some((s) => s.name === sheet)) {
    const names = loaded.workbook.sheets.map((s) => `“${s.name}”`).join('、');
    io.err(`找不到工作表“${sheet}”。文件中的工作表：${names}\n`);
    return 2;
  }
  const sheets = inspectWorkbook(loaded.workbook, sheet);
  if (parsed.values.json) io.out(`${JSON.stringify({ file, sheets })}\n`);
  else io.out(formatText(file, sheets));
  return 0;
}

function formatText(file: string, sheets: ReadonlyArray<SheetInspection>): string {
  const out: string[] = [`== ${path.basename(file)} ==`];
  for (const s of sheets) {
    out.push(
      '',
      `工作表「${s.sheet}」：${s.forms.length === 0 ? '未找到绩效目标表' : `${s.forms.length} 张表`}`,
    );
    for (const f of s.forms) formatForm(f, out);
  }
  return `${out.join('\n')}\n`;
}

const at = (c: InspectedCell) => (c.cell ? `${c.cell} ${oneLine(c.text) || '（空）'}` : '（无）');

function oneLine(text: string, max = 40): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

function formatForm(f: InspectedForm, out: string[]): void {
  out.push(
    '',
    `  [${f.index + 1}] ${f.kindLabel}  ${f.range}  单位：${f.unit}`,
    `      标题：${f.titleCell ? `${f.titleCell} ${f.title}` : '（无标题）'}`,
  );
  if (f.fields.length > 0) out.push('      字段：');
  for (const x of f.fields) out.push(`        ${x.label}：${at(x)}`);
  if (f.table) formatTable(f.table, out);
  for (const p of f.projects ?? []) {
    out.push(
      `      项目（第 ${p.row} 行）${oneLine(p.name.text)}：总计 ${at(p.total)}；绩效指标 ${p.indicatorCell.cell ?? '（无）'}，读出 ${p.indicators.length} 项`,
    );
    for (const i of p.indicators) out.push(`        ${indicatorLine(i)}`);
  }
  out.push(`      共读出 ${f.indicatorCount} 个指标。`);
}

function formatTable(t: InspectedTable, out: string[]): void {
  out.push(`      指标表：${t.statusLabel}（${t.cell}）`);
  if (t.header.length > 0) {
    out.push(`        表头（第 ${t.headerRows.join('、')} 行）：`);
    for (const h of t.header) out.push(`          ${h.cell} ${oneLine(h.text)} → ${h.roleLabel}`);
  }
  if (t.missing.length > 0) out.push(`        缺少的列：${t.missing.join('、')}`);
  for (const r of t.rows) out.push(`        ${indicatorLine(r)}`);
  for (const s of t.skipped) out.push(`        跳过 ${rowSpan(s.top, s.bottom)}：${s.reasonLabel}`);
  if (t.end) out.push(`        结束于 ${rowSpan(t.end.top, t.end.bottom)}：${t.end.reasonLabel}`);
}

function indicatorLine(i: InspectedIndicator): string {
  const parts = [
    `一级 ${at(i.level1)}`,
    `二级 ${at(i.level2)}`,
    `三级 ${at(i.name)}`,
    ...i.values.map((v) => `${v.periodLabel} ${at(v)}`),
  ];
  const where = i.packedItem ? `第 ${i.row} 行第 ${i.packedItem} 项` : `第 ${i.row} 行`;
  return `${where}：${parts.join(' | ')}`;
}

function rowSpan(top: number, bottom: number): string {
  return top === bottom ? `第 ${top} 行` : `第 ${top}–${bottom} 行`;
}
