import { checkForm, checkWorkbook, Grid, readSheet, resolveOptions } from '../src/engine';
import { projectFormsWorkbook } from './generate';
import { median, time } from './timing';

export interface EngineBench {
  forms: number;
  indicators: number;
  wholeWorkbookMs: number;
  wholeWorkbookColdMs: number;
  oneFormMs: number;
}

/** Detect + extract + check a workbook of 500 project forms / 10,000 indicators; then one edited form. */
export function benchEngine(forms = 500, perForm = 20): EngineBench {
  const { workbook, sheets } = projectFormsWorkbook(forms, perForm);
  const cold = time(() => checkWorkbook(workbook));
  const report = checkWorkbook(workbook);
  const found = report.sheets.reduce((n, s) => n + s.forms.length, 0);
  const indicators = report.sheets.reduce(
    (n, s) => n + s.forms.reduce((m, f) => m + f.indicators.length, 0),
    0,
  );
  if (found !== forms) throw new Error(`bench: expected ${forms} forms, the engine found ${found}`);
  const whole = median(15, () => checkWorkbook(workbook));

  // Re-check one edited form: re-read only its rows (the window up to the next form) and check it.
  const gen = sheets[Math.floor(sheets.length / 2)];
  const grid = new Grid(gen.sheet);
  const k = Math.floor(gen.formTops.length / 2);
  const window = { top: gen.formTops[k], bottom: (gen.formTops[k + 1] ?? grid.rowCount) - 1 };
  const options = resolveOptions();
  const one = median(201, () => {
    const [form] = readSheet(grid, window);
    if (!form) throw new Error('bench: the edited form was not found in its window');
    checkForm(form, k, options);
  });
  return {
    forms: found,
    indicators,
    wholeWorkbookMs: whole,
    wholeWorkbookColdMs: cold,
    oneFormMs: one,
  };
}
