/** Engine report → what the state keeps of one sheet. */
import { cellText, formName, type Form, type SheetData, type SheetReport } from '../../engine';
import type { FormSummary, SheetResult } from './state';

export function summariseForm(form: Form, index: number): FormSummary {
  return { index, kind: form.kind, title: form.title, name: formName(form), range: form.range };
}

/** The sheet's result, with the text of every cell that has a finding (for showing fixes). */
export function sheetResult(report: SheetReport, data?: SheetData): SheetResult {
  const texts: Record<string, string> = {};
  if (data)
    for (const f of report.findings) texts[f.cell] = cellText(data.cells[f.row]?.[f.col] ?? null);
  return {
    sheet: report.sheet,
    forms: report.forms.map(summariseForm),
    findings: report.findings,
    texts,
  };
}
