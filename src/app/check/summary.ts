/** Engine report → what the state keeps of one sheet. */
import { cellText, formName, type Form, type SheetData, type SheetReport } from '../../engine';
import type { FormSummary, SheetResult } from './state';
import type { FindingTexts } from './texts';

export function summariseForm(form: Form, index: number): FormSummary {
  return { index, kind: form.kind, title: form.title, name: formName(form), range: form.range };
}

/** The sheet's result; the text of every cell with a suggestion goes to `texts` (fix labels). */
export function sheetResult(
  report: SheetReport,
  data?: SheetData,
  texts?: FindingTexts,
): SheetResult {
  if (data && texts)
    for (const f of report.findings)
      if (f.suggestions.length > 0) texts.set(f, cellText(data.cells[f.row]?.[f.col] ?? null));
  return {
    sheet: report.sheet,
    forms: report.forms.map(summariseForm),
    findings: report.findings,
    ...(report.unreadTitles ? { unreadTitles: report.unreadTitles } : {}),
  };
}
