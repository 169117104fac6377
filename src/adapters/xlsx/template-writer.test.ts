import ExcelJS from 'exceljs';
import { buildTemplate, departmentTemplate, projectTemplate } from '../../templates';
import { readXlsx } from './read';
import { writeTemplateXlsx } from './template-writer';

async function load(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe('writeTemplateXlsx', () => {
  it('lays out the project form: title, merges, styles, locks', async () => {
    const spec = projectTemplate({ year: 2026 });
    const ws = await load(await writeTemplateXlsx(spec));
    expect(ws.name).toBe('项目支出绩效目标表');
    expect(ws.getCell('A1').value).toBe('2026年项目支出绩效目标表');
    expect(ws.getCell('A1').font).toMatchObject({ name: '宋体', bold: true, size: 16 });
    expect(new Set((ws.model as { merges: string[] }).merges)).toEqual(new Set(spec.sheet.merges));
    const fiscal = ws.getCell(spec.sheet.inputs['budget.fiscal']);
    expect(fiscal.protection).toMatchObject({ locked: false });
    expect(fiscal.numFmt).toBe('#,##0.00');
    expect(ws.getCell('A3').protection?.locked ?? true).toBe(true);
    // a merged label is bordered on its far side too
    expect(ws.getCell('B3').border?.right?.style).toBe('thin');
    expect(ws.getColumn(3).width).toBe(spec.sheet.columnWidths[2]);
    expect(ws.getRow(1).height).toBe(32);
  });

  it('fills fields by name and stores the computed results with the formulas', async () => {
    const spec = projectTemplate();
    const bytes = await writeTemplateXlsx(spec, {
      'project.name': '2023年物业费项目',
      'budget.fiscal': 104,
      'budget.other': 0,
    });
    const ws = await load(bytes);
    const total = ws.getCell(spec.sheet.outputs['budget.total']).value as ExcelJS.CellFormulaValue;
    expect(total.formula).toMatch(/D\d+\+D\d+/);
    expect(total.result).toBe(104);
    // the engine's reader sees the total without any recalculation
    const data = await readXlsx(bytes);
    const row = Number(spec.sheet.outputs['budget.total'].slice(1)) - 1;
    expect(spec.sheet.outputs['budget.total'][0]).toBe('D');
    expect(data.sheets[0].cells[row][3]).toBe(104);
  });

  it('writes validations, conditional formats, protection without password and the print setup', async () => {
    const spec = departmentTemplate({ year: 2026 });
    const ws = await load(await writeTemplateXlsx(spec));
    const dv = (
      ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    const budget = dv[spec.sheet.inputs['budget.total']];
    expect(budget).toMatchObject({
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      allowBlank: true,
    });
    expect(budget.formulae).toEqual([0]);
    const level1 = dv[spec.sheet.inputs['indicator[0].level1']];
    expect(level1).toMatchObject({ type: 'list', errorStyle: 'stop' });
    expect(level1.formulae).toEqual(['"产出指标,效益指标,满意度指标"']);
    const cfs = (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
    expect(cfs).toHaveLength(spec.sheet.conditionalFormats.length);
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> })
      .sheetProtection;
    expect(protection).toMatchObject({ sheet: true, formatRows: true, formatColumns: true });
    expect(protection.hashValue).toBeUndefined();
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:3',
      horizontalCentered: true,
    });
    expect(ws.pageSetup.printArea).toBe(spec.sheet.print.area);
    expect(ws.views[0]).toMatchObject({ showGridLines: false });
  });

  it('writes every template with its options', async () => {
    for (const spec of [
      buildTemplate('project', { multiYear: true, cost: 'first-level', unit: '元' }),
      buildTemplate('list', { units: 3, projects: 2, rows: 5, multiYear: true }),
    ]) {
      const ws = await load(await writeTemplateXlsx(spec));
      expect(ws.name).toBe(spec.sheet.name);
      expect(ws.pageSetup.orientation).toBe(spec.sheet.print.orientation);
    }
  });
});
