/**
 * End-to-end on the production build in standalone mode (headless Debian Chromium): open seed
 * workbooks, see the engine's findings, go to one, fix it and undo, insert each template, export and
 * read the files back. Screenshots of each tab go to test-artifacts/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readXlsx } from '../../src/adapters/xlsx';
import { checkWorkbook, type Finding } from '../../src/engine';
import { INDICATOR_COLUMNS, normalise } from '../../src/engine/normalise';
import {
  artifact,
  buildProduction,
  E2E_DIST,
  launch,
  openStandalone,
  openWorkbookFile,
  ROOT,
  serve,
  type StaticServer,
} from './harness';

const SEEDS = path.join(ROOT, 'fixtures/seeds');
const GUANGZHOU = path.join(SEEDS, 'guangzhou-env-tech-center-project-list.xlsx');
const TIANJIN = path.join(SEEDS, 'tianjin-project-forms.xlsx');

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

async function expectedFindings(file: string): Promise<Finding[]> {
  const wb = await readXlsx(readFileSync(file));
  return [...checkWorkbook(wb).findings];
}

// offline: the office.js script tag fails, the page must open in standalone mode
async function openPage(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const opened = await openStandalone(browser, server.url, { colorScheme });
  context = opened.context;
  return opened.page;
}

const openFile = openWorkbookFile;

const finding = (page: Page, f: Pick<Finding, 'sheet' | 'cell' | 'rule'>) =>
  page.locator(`li[data-rule="${f.rule}"][data-cell="${f.sheet}!${f.cell}"]`);

// a limit against a hang, not a speed goal: the production build alone took over 4 minutes on a
// 2-core machine shared with other work
beforeAll(async () => {
  await buildProduction(E2E_DIST);
  server = await serve(E2E_DIST);
  browser = await launch();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  await context?.close();
});

describe('production build', () => {
  it('loads office.js from its CDN only in taskpane.html, never bundled, and is code-split', () => {
    const html = readFileSync(path.join(E2E_DIST, 'taskpane.html'), 'utf8');
    expect(html).toMatch(
      /<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/,
    );
    expect(readFileSync(path.join(E2E_DIST, 'index.html'), 'utf8')).not.toContain('office.js');
    const scripts = readdirSync(E2E_DIST).filter((f) => f.endsWith('.js'));
    for (const f of scripts)
      expect(readFileSync(path.join(E2E_DIST, f), 'utf8')).not.toContain(
        'appsforoffice.microsoft.com',
      );
    // exceljs and the standalone page are separate chunks the pane in Excel never loads
    const initial = html.match(/src="?([\w.]+\.js)/g) ?? [];
    expect(initial.join(' ')).not.toMatch(/exceljs|standalone/);
    expect(scripts.some((f) => f.startsWith('exceljs.'))).toBe(true);
    expect(readFileSync(path.join(E2E_DIST, 'manifest.xml'), 'utf8')).toContain(
      'https://localhost:3000/taskpane.html',
    );
  });
});

describe('standalone mode (production build)', () => {
  it('opens without Office (office.js blocked) and shows the welcome screen', async () => {
    const page = await openPage();
    await page.getByText('打开绩效目标表开始检查').waitFor();
    await expect(
      page.getByRole('tab', { name: '检查' }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    await page.getByText('尚未检查').waitFor();
    await page.screenshot({ path: artifact('e2e-welcome.png') });
    // keyboard: the selected tab, arrows to the next tab, Enter, then Tab into the panel
    await page.getByRole('tab', { name: '检查' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toContain(
      '导出',
    );
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      '写入新工作表',
    );
    // index.html has no office.js at all
    await page.goto(`${server.url}/index.html`);
    await page.getByText('打开绩效目标表开始检查').waitFor();
  });

  it('lists what the engine finds in the Guangzhou list, goes to a cell, fixes and undoes', async () => {
    const expected = await expectedFindings(GUANGZHOU);
    const page = await openPage();
    await openFile(page, GUANGZHOU);
    for (const f of expected) await expect(finding(page, f).count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('li[data-rule][data-cell]').count()).resolves.toBe(expected.length);
    const errors = expected.filter((f) => f.severity === 'error').length;
    await page.getByRole('button', { name: `错误 ${errors} 个` }).waitFor();
    await page.screenshot({ path: artifact('e2e-check.png') });
    await page.locator('aside').screenshot({ path: artifact('pane-check.png') });

    // 《330: the ambiguous book-title mark, highlighted as an error in the grid
    const typo = expected.find((f) => f.rule === 'value.operator-typo')!;
    expect(typo.suggestions.length).toBe(2);
    const cell = page.locator(`[role=gridcell][data-address="${typo.cell}"]`);
    await expect(cell.getAttribute('data-highlight')).resolves.toBe('error');
    await expect(cell.textContent()).resolves.toContain('《330');

    // click → sheet active, cell selected, messages under the grid
    await finding(page, typo).locator('button').first().click();
    await page
      .locator(`[role=gridcell][data-address="${typo.cell}"][aria-selected="true"]`)
      .waitFor();
    await page.getByLabel('选中的单元格').getByText(typo.cell, { exact: true }).waitFor();
    await page.screenshot({ path: artifact('e2e-selected.png') });

    // apply the first suggestion (≤): the finding disappears, the cell holds the fix
    await finding(page, typo)
      .getByRole('button', { name: /改为“.*≤330/ })
      .click();
    await finding(page, typo).waitFor({ state: 'detached' });
    await expect(cell.textContent()).resolves.toContain('≤330');
    await expect(cell.textContent()).resolves.not.toContain('《330');
    await page.getByText(/^已修改 .*：/).waitFor();

    // undo from the pane: the finding comes back
    await page.getByRole('button', { name: '撤销', exact: true }).click();
    await finding(page, typo).waitFor();
    await expect(cell.textContent()).resolves.toContain('《330');

    // all findings of one rule at once: the unit row's two sums (the re-check may then find the
    // 合计 row off, which is the engine's business)
    const sums = expected.filter((f) => f.rule === 'funding.column-sum');
    expect(sums.length).toBe(2);
    await page.getByRole('combobox', { name: '规则' }).click();
    await page.getByRole('option', { name: /funding\.column-sum/ }).click();
    await page.getByRole('button', { name: /全部修正（2）/ }).click();
    await page.getByText(/^已修正“/).waitFor();
    for (const f of sums) await expect(finding(page, f).count()).resolves.toBe(0);
    await expect(
      page.locator(`[role=gridcell][data-address="${sums[0].cell}"]`).textContent(),
    ).resolves.toBe(sums[0].suggestions[0].text);
  });

  it('lists what the engine finds on the stacked Tianjin forms and filters them', async () => {
    const expected = await expectedFindings(TIANJIN);
    const page = await openPage();
    await openFile(page, TIANJIN);
    for (const f of expected) await expect(finding(page, f).count()).resolves.toBeGreaterThan(0);
    // text filter
    await page.getByRole('searchbox', { name: '搜索问题' }).fill('末尾句号');
    const n = expected.filter((f) => f.message.includes('末尾句号')).length;
    await expect(page.locator('li[data-rule][data-cell]').count()).resolves.toBe(n);
    // severity toggle hides warnings
    await page.getByRole('searchbox', { name: '搜索问题' }).fill('');
    await page.getByRole('button', { name: /^警告 \d+ 个$/ }).click();
    await expect(page.locator('li[data-rule][data-cell]').count()).resolves.toBe(
      expected.filter((f) => f.severity !== 'warning').length,
    );
  });

  it('inserts each template into a new, uniquely named sheet and selects it', async () => {
    const page = await openPage();
    await page.getByRole('tab', { name: '模板' }).click();
    await page.getByRole('img', { name: /预览$/ }).waitFor();
    await page.locator('aside').screenshot({ path: artifact('pane-templates.png') });
    const names: string[] = [];
    for (const title of [
      '项目支出绩效目标表',
      '部门整体支出绩效目标表',
      '项目支出绩效目标汇总表',
      '项目支出绩效目标表',
    ]) {
      await page.getByRole('radio', { name: new RegExp(`^${title}`) }).check();
      await page.getByRole('button', { name: '插入为新工作表' }).click();
      const msg = page.getByText(/^已插入新工作表“.*”并选中。$/);
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-sheet]').length === n,
        names.length + 2,
      );
      const text = (await msg.textContent()) ?? '';
      names.push(/“(.*)”/.exec(text)![1]);
      // the new sheet is the active one, its A1 selected
      await expect(
        page.getByRole('tab', { name: names[names.length - 1] }).getAttribute('aria-selected'),
      ).resolves.toBe('true');
      await page.locator('[role=gridcell][data-address="A1"][aria-selected="true"]').waitFor();
    }
    expect(new Set(names).size).toBe(4);
    expect(names[3]).toMatch(/\(2\)$/);
    await page.screenshot({ path: artifact('e2e-templates.png') });
  });

  it('exports: new sheets in the workbook, .xlsx and .csv downloads read back', async () => {
    const wbData = await readXlsx(readFileSync(TIANJIN));
    const report = checkWorkbook(wbData);
    const expected = normalise([{ source: 'tianjin-project-forms', sheets: report.sheets }]);
    const page = await openPage();
    await openFile(page, TIANJIN);
    await page.getByRole('tab', { name: '导出' }).click();
    await page.locator('aside').screenshot({ path: artifact('pane-export.png') });

    await page.getByRole('button', { name: '写入新工作表' }).click();
    await page.getByText(/^已写入新工作表“指标”、“项目资金”/).waitFor();
    await page.locator('[data-sheet="指标"]').waitFor();
    await page.locator('[data-sheet="项目资金"]').waitFor();
    await page.screenshot({ path: artifact('e2e-export.png') });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 .xlsx' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('tianjin-project-forms-规范化.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['指标', '项目资金']);
    const sheet = wb.getWorksheet('指标')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
      INDICATOR_COLUMNS.map((c) => c.header),
    );
    expect(sheet.rowCount).toBe(expected.indicators.rows.length + 1);

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '项目资金 .csv' }).click(),
    ]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.trim().split('\r\n')).toHaveLength(expected.projects.rows.length + 1);

    // the checked workbook, highlights included
    const [checked] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载已检查的工作簿' }).click(),
    ]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(readFileSync((await checked.path())!) as unknown as ArrayBuffer);
    expect(back.worksheets.map((w) => w.name)).toEqual([
      ...wbData.sheets.map((s) => s.name),
      '指标',
      '项目资金',
    ]);
  });

  it('shows a Chinese message for a file that is not a workbook', async () => {
    const page = await openPage();
    await page.setInputFiles('input[type=file]', {
      name: '说明.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('这不是工作簿'),
    });
    await page
      .getByRole('alert')
      .getByText(/不是 Excel 工作簿/)
      .waitFor();
  });

  it('follows a dark colour scheme', async () => {
    const page = await openPage('dark');
    await openFile(page, GUANGZHOU);
    await page.locator('[data-theme="dark"]').first().waitFor();
    await page.screenshot({ path: artifact('e2e-check-dark.png') });
    await page.locator('aside').screenshot({ path: artifact('pane-check-dark.png') });
  });
});

describe('live checking (standalone, production build)', () => {
  it('checks as a clerk types, pastes, inserts and deletes rows; remarks go to 审核意见', async () => {
    const page = await openPage();
    await openFile(page, TIANJIN);
    await page.getByTestId('live-summary').getByText('工作簿：').waitFor();
    // a 成本指标 row and the 指标值 column
    const { value, next, row } = await page.evaluate(() => {
      const tds = [...document.querySelectorAll<HTMLElement>('[role=gridcell][data-address]')];
      const at = (t: string) => tds.find((td) => td.textContent?.trim() === t)!.dataset.address!;
      const col = (a: string) => /^[A-Z]+/.exec(a)![0];
      const rowOf = (a: string) => Number(/\d+$/.exec(a)![0]);
      const r = rowOf(at('成本指标'));
      const c = col(at('指标值'));
      const n = String.fromCharCode(c.charCodeAt(0) + 1);
      return { value: `${c}${r}`, next: n, row: r };
    });
    const col = value.replace(/\d+$/, '');
    const td = (a: string) => page.locator(`[role=gridcell][data-address="${a}"]`);
    const listed = (rule: string, a: string) =>
      page.locator(`li[data-rule="${rule}"][data-cell$="!${a}"]`);
    const edit = page.locator('input[aria-label^="编辑单元格"]');

    // type 《15万元 (double-click to edit, Enter commits)
    await td(value).dblclick();
    await edit.fill('《15万元');
    await edit.press('Enter');
    await page.locator(`[role=gridcell][data-address="${value}"][data-highlight="error"]`).waitFor({
      timeout: 3000,
    });
    await listed('value.operator-typo', value).waitFor({ timeout: 3000 });
    await td(value).click();
    await page
      .getByTestId('selected-cell')
      .getByText(/书名号|《|运算符/)
      .first()
      .waitFor();
    await page.screenshot({ path: artifact('live-typing.png') });
    await page.locator('aside').screenshot({ path: artifact('live-summary.png') });

    // fix it with F2
    await page.keyboard.press('F2');
    await edit.fill('≤15万元');
    await edit.press('Enter');
    await listed('value.operator-typo', value).waitFor({ state: 'detached', timeout: 3000 });
    await expect(td(value).getAttribute('data-highlight')).resolves.not.toBe('error');

    // paste a 2×2 block with ≥180≥180万条 under it
    const below = `${col}${row + 1}`;
    await td(below).click();
    await page.evaluate(
      ({ text }) => {
        const dt = new DataTransfer();
        dt.setData('text/plain', text);
        document
          .querySelector('[role="region"][aria-label^="工作表"]')!
          .dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
      },
      { text: '≥180≥180万条\t备注\n≥180≥180万条\t备注\n' },
    );
    await expect(td(`${next}${row + 1}`).textContent()).resolves.toBe('备注');
    await listed('value.duplicated', below).waitFor({ timeout: 3000 });
    const second = `${col}${row + 2}`;
    await listed('value.duplicated', second).waitFor({ timeout: 3000 });

    // insert a row above (inside the form): the finding moves down one row, and back
    await td(value).click();
    await page.getByRole('button', { name: '插入行' }).click();
    await listed('value.duplicated', `${col}${row + 3}`).waitFor({ timeout: 3000 });
    await expect(listed('value.duplicated', below).count()).resolves.toBe(0);
    await page.getByRole('button', { name: '删除行' }).click();
    await listed('value.duplicated', below).waitFor({ timeout: 3000 });
    await expect(listed('value.duplicated', `${col}${row + 3}`).count()).resolves.toBe(0);

    // a remark on the cell, then 导出审核意见
    await td(below).click();
    await page.getByRole('tab', { name: '审核' }).click();
    await page
      .getByTestId('remark-cell')
      .getByText(new RegExp(`!${below}$`))
      .waitFor();
    // (choosing another category from the dropdown is covered by test/taskpane/LivePanel.test.tsx)
    await page.getByRole('textbox', { name: '意见内容' }).fill('指标值重复，请核实');
    await page.getByRole('button', { name: '添加审核意见' }).click();
    await page.locator(`li[data-remark$="!${below}"]`).waitFor();
    await page.locator('aside').screenshot({ path: artifact('live-remarks.png') });
    await page.getByRole('button', { name: '导出审核意见' }).click();
    await page.getByText(/已写入工作表“审核意见”/).waitFor();
    await page
      .getByRole('tab', { name: /审核意见/ })
      .first()
      .waitFor();
    await page.screenshot({ path: artifact('live-review-sheet.png') });
  }, 120_000);
});
