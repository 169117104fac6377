/**
 * The office-js template writer: queues everything a template `SheetSpec` describes onto a new
 * worksheet, in one batch (no sync here). Cells sharing a style are formatted together, one range
 * per rectangle, so the number of queued operations follows the template, not its cell count.
 */
import { rangeFromA1, rangeToA1, type Range } from '../engine';
import { coalesce } from '../host/highlights';
import type { CellStyle, SheetSpec, ValidationSpec } from '../templates/spec';
import { textForExcel, widthToPoints } from './cells';

const EDGES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideHorizontal',
  'InsideVertical',
] as const;

export function queueTemplate(ws: Excel.Worksheet, spec: SheetSpec): void {
  // Values and formulas in one write over the bounding box; labels always land as text.
  const cells = spec.cells
    .map((c) => ({ c, r: rangeFromA1(c.address) }))
    .filter((x): x is { c: (typeof spec.cells)[number]; r: Range } => x.r !== null);
  if (cells.length > 0) {
    let bottom = 0;
    let right = 0;
    for (const { r } of cells) {
      bottom = Math.max(bottom, r.top);
      right = Math.max(right, r.left);
    }
    const grid: Array<Array<string | number>> = Array.from({ length: bottom + 1 }, () =>
      new Array<string | number>(right + 1).fill(''),
    );
    for (const { c, r } of cells) {
      if (c.formula) grid[r.top][r.left] = `=${c.formula.replace(/^=/, '')}`;
      else if (typeof c.value === 'number') grid[r.top][r.left] = c.value;
      else if (typeof c.value === 'string') grid[r.top][r.left] = textForExcel(c.value);
    }
    ws.getRangeByIndexes(0, 0, bottom + 1, right + 1).formulas = grid;
  }

  // Styles: a merged range takes its top-left cell's style on every cell.
  const byStyle = new Map<string, Array<{ row: number; col: number }>>();
  const styleAt = new Map<string, string>();
  for (const { c, r } of cells) {
    styleAt.set(`${r.top},${r.left}`, c.style);
    const list = byStyle.get(c.style) ?? [];
    list.push({ row: r.top, col: r.left });
    byStyle.set(c.style, list);
  }
  const merges = spec.merges.map((m) => rangeFromA1(m)).filter((m): m is Range => m !== null);
  for (const m of merges) {
    const st = styleAt.get(`${m.top},${m.left}`);
    if (!st) continue;
    const list = byStyle.get(st) ?? [];
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) list.push({ row: r, col: c });
    byStyle.set(st, list);
  }
  for (const [key, list] of byStyle) {
    const style = spec.styles[key];
    if (!style) continue;
    for (const rect of coalesce(list)) applyStyle(ws.getRange(rangeToA1(rect)), style, rect);
  }
  for (const m of merges) ws.getRange(rangeToA1(m)).merge(false);

  spec.columnWidths.forEach((w, i) => {
    ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = widthToPoints(w);
  });
  for (const [row, h] of Object.entries(spec.rowHeights))
    ws.getRange(`${row}:${row}`).format.rowHeight = h;

  for (const v of spec.validations) for (const a of v.ranges) queueValidation(ws.getRange(a), v);

  for (const cf of spec.conditionalFormats) {
    const f = ws.getRange(cf.range).conditionalFormats.add('Custom');
    f.custom.rule.formula = `=${cf.formula.replace(/^=/, '')}`;
    if (cf.style.fill) f.custom.format.fill.color = `#${cf.style.fill}`;
    if (cf.style.fontColor) f.custom.format.font.color = `#${cf.style.fontColor}`;
    if (cf.style.bold) f.custom.format.font.bold = true;
  }

  const p = spec.print;
  const layout = ws.pageLayout;
  layout.paperSize = 'A4';
  layout.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.printGridlines = p.gridlines;
  layout.centerHorizontally = p.horizontalCentered;
  layout.leftMargin = p.margins.left * 72;
  layout.rightMargin = p.margins.right * 72;
  layout.topMargin = p.margins.top * 72;
  layout.bottomMargin = p.margins.bottom * 72;
  layout.setPrintArea(p.area);
  if (p.titleRows) layout.setPrintTitleRows(p.titleRows.replace(/(\d+)/g, '$$$1'));
  ws.showGridlines = spec.showGridlines;

  if (spec.protection.sheet) {
    ws.protection.protect({
      allowFormatColumns: spec.protection.allowFormatColumns,
      allowFormatRows: spec.protection.allowFormatRows,
      allowInsertRows: spec.protection.allowInsertRows,
    });
  }
}

function applyStyle(range: Excel.Range, s: CellStyle, rect: Range): void {
  const f = range.format;
  f.font.name = s.font.name;
  f.font.size = s.font.size;
  if (s.font.bold !== undefined) f.font.bold = s.font.bold;
  if (s.font.color) f.font.color = `#${s.font.color}`;
  if (s.horizontal)
    f.horizontalAlignment =
      s.horizontal === 'left' ? 'Left' : s.horizontal === 'right' ? 'Right' : 'Center';
  if (s.vertical)
    f.verticalAlignment =
      s.vertical === 'top' ? 'Top' : s.vertical === 'bottom' ? 'Bottom' : 'Center';
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.fill) f.fill.color = `#${s.fill}`;
  if (s.border) {
    for (const edge of EDGES) {
      const b = f.borders.getItem(edge);
      b.style = 'Continuous';
      b.weight = 'Thin';
      b.color = '#000000';
    }
  }
  if (s.numberFormat) {
    const fmt = s.numberFormat;
    range.numberFormat = Array.from({ length: rect.bottom - rect.top + 1 }, () =>
      new Array<string>(rect.right - rect.left + 1).fill(fmt),
    );
  }
  f.protection.locked = s.locked;
}

function queueValidation(range: Excel.Range, v: ValidationSpec): void {
  const dv = range.dataValidation;
  const r = v.rule;
  if (r.type === 'list') {
    dv.rule = { list: { inCellDropDown: true, source: r.values.join(',') } };
  } else {
    const basic: Excel.BasicDataValidation =
      r.max === undefined
        ? { formula1: r.min, operator: 'GreaterThanOrEqualTo' }
        : { formula1: r.min, formula2: r.max, operator: 'Between' };
    dv.rule = r.type === 'decimal' ? { decimal: basic } : { wholeNumber: basic };
  }
  dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.text };
  dv.errorAlert = {
    showAlert: true,
    style: r.type === 'list' && !r.strict ? 'Warning' : 'Stop',
    title: v.error.title,
    message: v.error.text,
  };
}
