import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkWorkbook } from '../../src/engine';
import { readXlsx } from '../../src/adapters/xlsx';
import { MemoryWorkbookHost } from '../../src/adapters/memory';
import { createApp, type App } from '../../src/app/app';
import { allFindings, groupFindings, rulesPresent } from '../../src/app/check/selectors';
import { pickTheme } from '../../src/app/theme';
import { errorMessage } from '../../src/app/errors';
import { projectFormSheet } from '../helpers/project-form-sheet';

const SEEDS = path.resolve(__dirname, '../../fixtures/seeds');
const seed = (name: string) => new Uint8Array(readFileSync(path.join(SEEDS, name)));

async function open(name: string): Promise<{ app: App; host: MemoryWorkbookHost }> {
  const host = await MemoryWorkbookHost.load(seed(name));
  const downloads: Array<{ bytes: Uint8Array; name: string }> = [];
  const app = createApp({
    host,
    source: name.replace(/\.xlsx$/, ''),
    download: (bytes, fileName) => downloads.push({ bytes, name: fileName }),
    now: () => 0,
  });
  return { app, host };
}

describe('check commands', () => {
  it('checks the workbook sheet by sheet and reports what the engine reports', async () => {
    const name = 'guangzhou-env-tech-center-project-list.xlsx';
    const { app, host } = await open(name);
    const expected = checkWorkbook(await readXlsx(seed(name)));
    await app.checkWorkbook();
    const s = app.store.getState().check;
    expect(s.status).toBe('done');
    expect(allFindings(s).map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual(
      expected.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`),
    );
    const typo = allFindings(s).find((f) => f.rule === 'value.operator-typo')!;
    expect(host.highlightAt(typo.sheet, typo.cell)).toBe('error');
    expect(groupFindings(s.sheets, s.filter)[0].forms.length).toBeGreaterThan(0);
    expect(rulesPresent(s.sheets).some((r) => r.rule === 'value.operator-typo')).toBe(true);
  });

  it('checks 34 sheets with progress and stops when cancelled', async () => {
    const { app } = await open('tianjin-project-forms-by-sheet.xlsx');
    const seen: number[] = [];
    const unsub = app.store.subscribe(() => {
      const p = app.store.getState().check.progress;
      if (p) {
        seen.push(p.done);
        if (p.done === 5) app.cancelCheck();
      }
    });
    await app.checkWorkbook();
    unsub();
    const s = app.store.getState().check;
    expect(s.status).toBe('cancelled');
    expect(s.sheets.length).toBeGreaterThanOrEqual(5);
    expect(s.sheets.length).toBeLessThan(34);
    expect(Math.max(...seen)).toBeLessThan(34);
  });

  it('checks a 50-sheet workbook sheet by sheet, reporting progress for each', async () => {
    const host = MemoryWorkbookHost.fromData(
      Array.from({ length: 50 }, (_, i) => projectFormSheet(`表${i + 1}`)),
    );
    const app = createApp({ host });
    const done = new Set<number>();
    const unsub = app.store.subscribe(() => {
      const p = app.store.getState().check.progress;
      if (p) done.add(p.done);
    });
    await app.checkWorkbook();
    unsub();
    const s = app.store.getState().check;
    expect(s.status).toBe('done');
    expect(s.sheets).toHaveLength(50);
    expect(done.size).toBeGreaterThanOrEqual(50);
    expect(allFindings(s).filter((f) => f.rule === 'value.operator-typo')).toHaveLength(50);
  });

  it('applies a suggestion, re-checks, and undoes it', async () => {
    const { app, host } = await open('guangzhou-env-tech-center-project-list.xlsx');
    await app.checkWorkbook();
    const typo = allFindings(app.store.getState().check).find(
      (f) => f.rule === 'value.operator-typo',
    )!;
    const before = (await host.readSheet(typo.sheet)).ok;
    expect(before).toBe(true);
    await app.applySuggestion(typo, 0);
    let s = app.store.getState().check;
    expect(s.error).toBeNull();
    expect(allFindings(s).some((f) => f.rule === 'value.operator-typo')).toBe(false);
    expect(s.undo).toHaveLength(1);
    await app.undo();
    s = app.store.getState().check;
    expect(s.undo).toHaveLength(0);
    expect(allFindings(s).some((f) => f.rule === 'value.operator-typo')).toBe(true);
  });

  it('applies all findings of one rule, amounts as numbers', async () => {
    const { app, host } = await open('guangzhou-panyu-project-list.xlsx');
    await app.checkWorkbook();
    const first = allFindings(app.store.getState().check).find(
      (f) => f.rule === 'amount.malformed',
    )!;
    await app.applyRule('amount.malformed');
    const s = app.store.getState().check;
    expect(allFindings(s).filter((f) => f.rule === 'amount.malformed')).toHaveLength(0);
    const rows = await host.readRows(first.sheet, first.row, first.row);
    expect(rows.ok && typeof rows.value.cells[0][first.col]).toBe('number');
  });

  it('reports a missing sheet as a Chinese message', async () => {
    const { app } = await open('guangzhou-panyu-project-list.xlsx');
    await app.goToFinding({
      rule: 'value.empty',
      severity: 'error',
      sheet: '不存在',
      cell: 'A1',
      row: 0,
      col: 0,
      message: '',
      suggestions: [],
      form: 0,
    });
    expect(app.store.getState().check.error).toMatch(/找不到工作表/);
  });
});

describe('templates and export', () => {
  it('inserts each template into a new uniquely named sheet', async () => {
    const host = MemoryWorkbookHost.create(['Sheet1']);
    const app = createApp({ host });
    const names: Array<string | null> = [];
    for (const kind of ['project', 'department', 'list', 'project'] as const) {
      app.chooseTemplate(kind);
      names.push(await app.insertTemplate());
    }
    expect(new Set(names).size).toBe(4);
    expect(host.activeSheet).toBe(names[3]);
    const sheets = await host.listSheets();
    expect(sheets.ok && sheets.value.length).toBe(5);
  });

  it('writes the normalised sheets into new worksheets and downloads .xlsx and .csv', async () => {
    const host = await MemoryWorkbookHost.load(seed('tianjin-project-forms.xlsx'));
    const files: string[] = [];
    const app = createApp({ host, source: '天津', download: (_b, n) => files.push(n) });
    await app.exportTo('sheets');
    const s = app.store.getState().export;
    expect(s.error).toBeNull();
    expect(s.result?.names).toEqual(['指标', '项目资金']);
    expect(s.result?.indicatorRows).toBeGreaterThan(100);
    await app.exportTo('xlsx');
    await app.exportTo('csv-indicators');
    expect(files).toEqual(['天津-规范化.xlsx', '天津-指标.csv']);
  });

  it('says so when there is nothing to export', async () => {
    const app = createApp({ host: MemoryWorkbookHost.create(['Sheet1']) });
    await app.exportTo('sheets');
    expect(app.store.getState().export.error).toMatch(/没有找到绩效目标表/);
  });
});

describe('helpers', () => {
  it('follows the Office theme, else the browser', () => {
    expect(pickTheme('#1f1f1f', false)).toBe('dark');
    expect(pickTheme('#FFFFFF', true)).toBe('light');
    expect(pickTheme(undefined, true)).toBe('dark');
  });
  it('maps errors to Chinese', () => {
    expect(errorMessage(new Error('boom'), '检查')).toMatch(/^检查失败/);
    const abort = new Error('x');
    abort.name = 'AbortError';
    expect(errorMessage(abort, '导出')).toBe('导出已取消。');
  });
});

describe('re-checking', () => {
  it('a re-check sends each sheet once, as it is checked, like the first check', async () => {
    const host = MemoryWorkbookHost.fromData(
      Array.from({ length: 30 }, (_, i) => projectFormSheet(`表${i + 1}`)),
    );
    const app = createApp({ host });
    const sent: string[][] = [];
    const listed: number[] = [];
    const dispatch = app.store.dispatch;
    app.store.dispatch = (a) => {
      if (a.type === 'check/sheetsChecked') sent.push(a.results.map((r) => r.sheet));
      if (a.type === 'check/progress') listed.push(app.store.getState().check.sheets.length);
      dispatch(a);
    };
    await app.startLive();
    const first = { sent: sent.splice(0), listed: listed.splice(0) };
    await app.checkWorkbook();
    expect(sent.flat()).toHaveLength(30);
    expect(sent.every((s) => s.length === 1)).toBe(true);
    // the list fills as the pass goes, as in the first check (never all old results at once)
    expect(listed).toEqual(first.listed);
    expect(app.store.getState().check.sheets).toHaveLength(30);
    await app.live.stop();
  });

  it('a cancelled re-check keeps listing the sheets it did not reach', async () => {
    const host = MemoryWorkbookHost.fromData(
      Array.from({ length: 30 }, (_, i) => projectFormSheet(`表${i + 1}`)),
    );
    const app = createApp({ host });
    await app.startLive();
    const unsub = app.store.subscribe(() => {
      const p = app.store.getState().check.progress;
      if (p && p.done === 5) app.cancelCheck();
    });
    await app.checkWorkbook();
    unsub();
    const s = app.store.getState().check;
    expect(s.status).toBe('cancelled');
    expect(s.sheets).toHaveLength(30);
    await app.live.stop();
  });
});
