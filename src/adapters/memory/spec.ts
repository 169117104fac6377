/** The in-memory template writer: a template `SheetSpec` laid out on a new in-memory sheet. */
import type ExcelJS from 'exceljs';
import { rangeFromA1, type Range } from '../../engine';
import type { CellStyle as SpecStyle, SheetSpec, ValidationSpec } from '../../templates/spec';
import { cellFor, emptySheet, type CellStyle, type MemSheet } from './model';

const argb = (rgb: string): string => `FF${rgb.replace(/^#/, '').toUpperCase()}`;

export function specStyle(s: SpecStyle): CellStyle {
  const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
  const style: CellStyle = {
    font: {
      name: s.font.name,
      size: s.font.size,
      bold: s.font.bold,
      ...(s.font.color ? { color: { argb: argb(s.font.color) } } : {}),
    },
    alignment: { horizontal: s.horizontal, vertical: s.vertical, wrapText: s.wrap },
    protection: { locked: s.locked },
  };
  if (s.border) style.border = { top: thin, left: thin, bottom: thin, right: thin };
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.numberFormat) style.numFmt = s.numberFormat;
  return style;
}

function validation(v: ValidationSpec): ExcelJS.DataValidation {
  const base = {
    allowBlank: true,
    showInputMessage: true,
    showErrorMessage: true,
    promptTitle: v.prompt.title,
    prompt: v.prompt.text,
    errorTitle: v.error.title,
    error: v.error.text,
  };
  const r = v.rule;
  if (r.type === 'list') {
    return {
      ...base,
      type: 'list',
      formulae: [`"${r.values.join(',')}"`],
      errorStyle: r.strict ? 'stop' : 'warning',
    };
  }
  return r.max === undefined
    ? { ...base, type: r.type, operator: 'greaterThanOrEqual', formulae: [r.min] }
    : { ...base, type: r.type, operator: 'between', formulae: [r.min, r.max] };
}

function ranges(list: ReadonlyArray<string>): Range[] {
  return list.map((a) => rangeFromA1(a)).filter((r): r is Range => r !== null);
}

export function sheetFromSpec(spec: SheetSpec, name: string): MemSheet {
  const s = emptySheet(name);
  const styles = new Map<string, CellStyle>();
  const styleOf = (key: string): CellStyle | undefined => {
    let st = styles.get(key);
    if (!st && spec.styles[key]) {
      st = specStyle(spec.styles[key]);
      styles.set(key, st);
    }
    return st;
  };
  spec.columnWidths.forEach((w, i) => (s.columnWidths[i] = w));
  for (const [row, h] of Object.entries(spec.rowHeights)) s.rowHeights[Number(row) - 1] = h;
  const styleAt = new Map<string, CellStyle | undefined>();
  for (const c of spec.cells) {
    const r = rangeFromA1(c.address);
    if (!r) continue;
    const cell = cellFor(s, r.top, r.left);
    cell.value = c.value ?? null;
    if (c.formula) cell.formula = c.formula.replace(/^=/, '');
    cell.style = styleOf(c.style);
    styleAt.set(`${r.top},${r.left}`, cell.style);
  }
  for (const m of ranges(spec.merges)) {
    s.merges.push(m);
    const st = styleAt.get(`${m.top},${m.left}`);
    if (!st) continue;
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) cellFor(s, r, c).style = st;
  }
  for (const v of spec.validations) {
    const dv = validation(v);
    for (const r of ranges(v.ranges)) {
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) cellFor(s, row, col).validation = dv;
    }
  }
  spec.conditionalFormats.forEach((cf, i) => {
    const style: Partial<ExcelJS.Style> = {};
    if (cf.style.fill)
      style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.style.fill) } };
    if (cf.style.fontColor || cf.style.bold) {
      style.font = {
        ...(cf.style.fontColor ? { color: { argb: argb(cf.style.fontColor) } } : {}),
        ...(cf.style.bold ? { bold: true } : {}),
      };
    }
    s.conditionalFormats.push({
      ranges: ranges([cf.range]),
      rules: [
        { type: 'expression', formulae: [cf.formula.replace(/^=/, '')], style, priority: i + 1 },
      ],
    });
  });
  const p = spec.print;
  s.pageSetup = {
    paperSize: 9,
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: p.area,
    printTitlesRow: p.titleRows,
    horizontalCentered: p.horizontalCentered,
    showGridLines: p.gridlines,
    margins: { ...p.margins, header: 0.3, footer: 0.3 },
  };
  s.views = [{ showGridLines: spec.showGridlines }];
  if (spec.protection.sheet) {
    s.protected = true;
    s.protection = {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: spec.protection.allowFormatColumns,
      formatRows: spec.protection.allowFormatRows,
      insertRows: spec.protection.allowInsertRows,
    };
  }
  return s;
}
