import ExcelJS from 'exceljs';
import {
  cellValues,
  evaluateFormulas,
  fieldsToCells,
  type CellStyle,
  type FieldValues,
  type HighlightStyle,
  type SheetSpec,
  type TemplateSpec,
  type ValidationSpec,
} from '../../templates';
import { rangeCells } from '../../engine';

/**
 * Lays a template spec out on a new worksheet of `wb`. `fields` fill input cells by field name; the
 * results of the formulas are stored with them, and the workbook asks for a full recalculation on
 * open.
 */
export async function addTemplateSheet(
  wb: ExcelJS.Workbook,
  spec: TemplateSpec,
  fields: FieldValues = {},
): Promise<ExcelJS.Worksheet> {
  const sheet = spec.sheet;
  const ws = wb.addWorksheet(sheet.name, {
    views: [{ showGridLines: sheet.showGridlines }],
  });
  sheet.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const [row, height] of Object.entries(sheet.rowHeights)) {
    ws.getRow(Number(row)).height = height;
  }

  const inputs = fieldsToCells(sheet, fields);
  const values = cellValues(sheet, inputs);
  const results = evaluateFormulas(sheet, values);
  const styles = new Map<string, CellStyle>();
  for (const c of sheet.cells) styles.set(c.address, sheet.styles[c.style]);

  // styles first, spread over merged ranges so that borders close around them
  for (const c of sheet.cells) applyStyle(ws.getCell(c.address), sheet.styles[c.style]);
  for (const m of sheet.merges) {
    const style = styles.get(m.split(':')[0]);
    if (style) for (const a of rangeCells(m)) applyStyle(ws.getCell(a), style);
  }
  for (const m of sheet.merges) ws.mergeCells(m);

  for (const c of sheet.cells) {
    const cell = ws.getCell(c.address);
    if (c.formula !== undefined) {
      const result = results[c.address];
      cell.value = {
        formula: c.formula,
        ...(result !== null && result !== undefined ? { result } : {}),
      } as ExcelJS.CellFormulaValue;
    } else {
      const v = values[c.address];
      if (v !== null && v !== undefined) cell.value = v;
    }
  }
  for (const [address, v] of Object.entries(inputs)) {
    if (v !== null) ws.getCell(address).value = v;
  }

  for (const v of sheet.validations) addValidation(ws, v);
  sheet.conditionalFormats.forEach((cf, i) =>
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [cf.formula],
          style: dxf(cf.style),
        },
      ],
    }),
  );

  const p = sheet.print;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: p.orientation,
    fitToPage: p.fitToPageWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    // exceljs prefixes each end with `$`; give it the rest of an absolute reference
    printArea: p.area.replace(/([A-Z]+)(\d+)/g, '$1$$$2'),
    ...(p.titleRows ? { printTitlesRow: p.titleRows } : {}),
    showGridLines: p.gridlines,
    horizontalCentered: p.horizontalCentered,
    margins: { ...p.margins, header: 0.3, footer: 0.3 },
  };

  const pr = sheet.protection;
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: pr.allowFormatColumns,
    formatRows: pr.allowFormatRows,
    insertRows: pr.allowInsertRows,
  });
  return ws;
}

/** One template as .xlsx bytes. */
export async function writeTemplateXlsx(
  spec: TemplateSpec,
  fields: FieldValues = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jixiao 绩效目标表助手';
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  await addTemplateSheet(wb, spec, fields);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The input cells of a sheet by address, for a caller filling a template cell by cell. */
export function inputAddresses(sheet: SheetSpec): Set<string> {
  return new Set(Object.values(sheet.inputs));
}

function argb(rgb: string): { argb: string } {
  return { argb: `FF${rgb}` };
}

function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  cell.font = {
    name: s.font.name,
    size: s.font.size,
    ...(s.font.bold ? { bold: true } : {}),
    ...(s.font.color ? { color: argb(s.font.color) } : {}),
  };
  cell.alignment = {
    ...(s.horizontal ? { horizontal: s.horizontal } : {}),
    ...(s.vertical ? { vertical: s.vertical } : {}),
    ...(s.wrap ? { wrapText: true } : {}),
  };
  if (s.border) {
    const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(s.fill) };
  if (s.numberFormat) cell.numFmt = s.numberFormat;
  cell.protection = { locked: s.locked };
}

function dxf(h: HighlightStyle): Partial<ExcelJS.Style> {
  return {
    ...(h.fill ? { fill: { type: 'pattern', pattern: 'solid', bgColor: argb(h.fill) } } : {}),
    ...(h.fontColor || h.bold
      ? {
          font: {
            ...(h.fontColor ? { color: argb(h.fontColor) } : {}),
            ...(h.bold ? { bold: true } : {}),
          },
        }
      : {}),
  };
}

function addValidation(ws: ExcelJS.Worksheet, v: ValidationSpec): void {
  const rule = v.rule;
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: v.prompt.title,
    prompt: v.prompt.text,
    showErrorMessage: true,
    errorTitle: v.error.title,
    error: v.error.text,
  };
  let dv: ExcelJS.DataValidation;
  if (rule.type === 'list') {
    dv = {
      ...common,
      type: 'list',
      formulae: [`"${rule.values.join(',')}"`],
      errorStyle: rule.strict ? 'stop' : 'warning',
    };
  } else {
    const between = rule.max !== undefined;
    dv = {
      ...common,
      type: rule.type,
      operator: between ? 'between' : 'greaterThanOrEqual',
      formulae: between ? [rule.min, rule.max as number] : [rule.min],
      errorStyle: 'stop',
    };
  }
  const model = (
    ws as unknown as { dataValidations: { add(a: string, d: ExcelJS.DataValidation): void } }
  ).dataValidations;
  for (const range of v.ranges) model.add(range, dv);
}
