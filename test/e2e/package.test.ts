/**
 * The deployed package in headless Debian Chromium, served under its path on 127.0.0.1 the way an
 * intranet web server serves it, with every request to another origin blocked and recorded:
 * - built with `--office-js local`, the task pane loads office.js and the files it needs from the
 *   package and nothing else leaves the origin, in a plain browser (standalone fallback) and with
 *   Office's host parameters (Excel's host file and Chinese strings);
 * - inside Office with office.js unreachable, the pane says so in Chinese instead of opening the
 *   standalone page; in a plain browser it still opens the standalone page;
 * - help.html renders with its screenshots and a row per rule;
 * - the cdn-then-local loader (src/office/office-js-loader.js) with the CDN unreachable, silent,
 *   answering, answering with an error page, and with both sources failing.
 * One production build; Chromium tests run serially in one browser.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { allRules } from '../../src/engine';
import { runPackage, servePackage, type PackageServer } from '../package/harness';
import { artifact, launch, ROOT } from './harness';

const WORK = path.join(ROOT, 'test-artifacts', 'e2e-package');
const OUT = path.join(WORK, 'package');
const HOST_INFO = '_host_Info=Excel$Win32$16.01$zh-CN$$$$0';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { officeJsLoad } = require('../../webpack.config.js') as {
  officeJsLoad(mode: string): { cdn: string; local: string };
};
const { cdn: CDN, local: LOCAL } = officeJsLoad('cdn-then-local');

let server: PackageServer;
let browser: Browser;
let context: BrowserContext | undefined;
/** requests to any other origin, blocked */
let offOrigin: string[];

/** A page in a fresh context that lets only the package's origin through (plus `extra` routes). */
async function openPage(
  extra?: (url: string) => ((r: import('playwright-core').Route) => Promise<void>) | null,
): Promise<Page> {
  context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 400, height: 800 } });
  offOrigin = [];
  server.requests.length = 0;
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const handler = extra?.(url);
    if (handler) return handler(route);
    if (url.startsWith(server.origin)) return route.continue();
    offOrigin.push(url);
    return route.abort();
  });
  await context.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(e.blockedURI));
  });
  return context.newPage();
}

const officeJsResponse = (page: Page, file: string) =>
  page.waitForResponse((r) => r.url() === `${server.url}office-js/${file}`);

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  server = await servePackage(OUT, '/tools/jixiao/');
  const r = await runPackage(['--url', server.url, '--office-js', 'local', '--out', OUT]);
  if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stderr}`);
  browser = await launch();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  server.missing.clear();
  await context?.close();
  context = undefined;
});

describe('--office-js local', () => {
  it('in a plain browser: office.js from the package, the standalone page, nothing leaves the origin', async () => {
    const page = await openPage();
    const officeJs = officeJsResponse(page, 'office.js');
    await page.goto(`${server.url}taskpane.html`);
    expect((await officeJs).status()).toBe(200);
    await page.getByRole('button', { name: '打开 .xlsx' }).first().waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe(
      'object',
    );
    // office.js outside Office adds a telemetry iframe to Microsoft 3 s later: the page's policy
    // blocks it before any request is made
    await page.waitForFunction(
      () => (window as unknown as { violations: string[] }).violations.length > 0,
      undefined,
      { timeout: 15_000 },
    );
    const violations = await page.evaluate(
      () => (window as unknown as { violations: string[] }).violations,
    );
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.every((v) => /^https:\/\/[^/]*microsoft|oaspapps/.test(v))).toBe(true);
    expect(offOrigin).toEqual([]);
    await page.screenshot({ path: artifact('package-local-standalone.png') });
  });

  it('with Office’s host parameters: Excel’s host file and Chinese strings from the package', async () => {
    const page = await openPage();
    const host = officeJsResponse(page, 'excel-win32-16.01.js');
    const strings = officeJsResponse(page, 'zh-cn/office_strings.js');
    await page.goto(`${server.url}taskpane.html?${HOST_INFO}`);
    expect((await host).status()).toBe(200);
    expect((await strings).status()).toBe(200);
    // no Excel answers in a browser: the pane waits for it and never opens the standalone page
    await page.getByText('正在加载绩效目标表助手…').waitFor();
    expect(await page.getByRole('button', { name: '打开 .xlsx' }).count()).toBe(0);
    expect(offOrigin).toEqual([]);
  });
});

describe('inside Office, office.js failed', () => {
  it('with Office’s host parameters and office.js unreachable: a Chinese message, not the standalone page', async () => {
    server.missing.add('office-js/office.js');
    const page = await openPage();
    await page.goto(`${server.url}taskpane.html?${HOST_INFO}`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toContain('无法加载 Office 脚本库');
    await page.getByText(`${server.url}office-js/office.js`).waitFor();
    await page.getByText('Office：Excel Win32 16.01 zh-CN').waitFor();
    expect(await page.getByText(/内网服务器上的副本/).count()).toBe(1);
    expect(await page.getByRole('button', { name: '重试' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: '独立模式' }).getAttribute('href')).toBe(
      'index.html',
    );
    expect(await page.getByRole('button', { name: '打开 .xlsx' }).count()).toBe(0);
    expect(offOrigin).toEqual([]);
    await page.screenshot({ path: artifact('package-office-js-failed.png') });
  });

  it('the same page in a plain browser still opens the standalone page', async () => {
    server.missing.add('office-js/office.js');
    const page = await openPage();
    await page.goto(`${server.url}taskpane.html`);
    await page.getByRole('button', { name: '打开 .xlsx' }).first().waitFor({ timeout: 30_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});

describe('help.html', () => {
  it('renders its sections, a row per rule and every screenshot, from the package alone', async () => {
    const page = await openPage();
    await page.goto(`${server.url}help.html`);
    expect(await page.locator('h1').innerText()).toBe('绩效目标表助手 使用帮助');
    for (const id of ['start', 'tabs', 'rules', 'fixes', 'standalone', 'cli', 'trouble'])
      expect(await page.locator(`section#${id} h2`).count()).toBe(1);
    const rows = await page.locator('#rules tbody tr').evaluateAll((trs) => trs.map((tr) => tr.id));
    expect(rows).toEqual(allRules.map((r) => `rule-${r.meta.id}`));
    const images = page.locator('img');
    expect(await images.count()).toBeGreaterThanOrEqual(6);
    for (const img of await images.all()) {
      await img.scrollIntoViewIfNeeded();
      await page.waitForFunction(
        (el) => (el as HTMLImageElement).complete,
        await img.elementHandle(),
      );
      expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    }
    expect(offOrigin).toEqual([]);
    await page.screenshot({ path: artifact('package-help.png'), fullPage: true });
  });
});

describe('the cdn-then-local loader', () => {
  const LOADER = readFileSync(path.join(ROOT, 'src/office/office-js-loader.js'), 'utf8');
  const TEST_PAGE = 'loader-test.html';
  // the silent CDN's wait; a CDN that answers gets a wide margin, since on a loaded 2-core
  // machine a routed request can take longer than the short wait (the CI run did)
  const TIMEOUT_MS = 400;
  const ANSWER_TIMEOUT_MS = 15_000;
  const html = (timeoutMs: number) => `<!doctype html><html><head><meta charset="utf-8">
<script>window.jixiaoOfficeJs = ${JSON.stringify({ mode: 'cdn-then-local', cdn: CDN, local: LOCAL, timeoutMs })};
window.settled = new Promise(function (r) { window.addEventListener('jixiao:office-js', function () { r(window.jixiaoOfficeJs.status); }); });</script>
<script>${LOADER}</script></head><body></body></html>`;

  type Cdn = 'unreachable' | 'silent' | 'answers' | 'error page' | 'not office.js';

  async function load(cdn: Cdn) {
    const body = html(cdn === 'silent' ? TIMEOUT_MS : ANSWER_TIMEOUT_MS);
    const page = await openPage((url) => {
      if (url === `${server.url}${TEST_PAGE}`)
        return (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body });
      if (url !== CDN) return null;
      if (cdn === 'unreachable') return (route) => route.abort('internetdisconnected');
      if (cdn === 'silent') return () => new Promise<void>(() => undefined);
      if (cdn === 'answers')
        return (route) =>
          route.fulfill({
            contentType: 'text/javascript',
            body: 'window.Office = { from: "cdn" };',
          });
      if (cdn === 'not office.js')
        return (route) => route.fulfill({ contentType: 'text/javascript', body: '/* 代理 */' });
      return (route) => route.fulfill({ contentType: 'text/html', body: '<html>代理错误</html>' });
    });
    page.on('pageerror', () => undefined);
    const started = Date.now();
    await page.goto(`${server.url}${TEST_PAGE}`);
    const status = await page.evaluate(
      () => (window as unknown as { settled: Promise<string> }).settled,
    );
    const state = await page.evaluate(() => ({
      tried: (window as unknown as { jixiaoOfficeJs: { tried: string[] } }).jixiaoOfficeJs.tried,
      office: typeof (window as { Office?: { from?: string } }).Office,
      from: (window as { Office?: { from?: string } }).Office?.from ?? 'package',
    }));
    return { status, ...state, ms: Date.now() - started };
  }

  it('uses the CDN when it answers, the package’s copy when it fails, stays silent or serves no office.js', async () => {
    expect(await load('answers')).toMatchObject({ status: 'loaded', tried: [CDN], from: 'cdn' });
    expect(server.requests).not.toContain('office-js/office.js');

    expect(await load('unreachable')).toMatchObject({
      status: 'loaded',
      tried: [LOCAL],
      from: 'package',
    });

    const silent = await load('silent');
    expect(silent).toMatchObject({ status: 'loaded', tried: [LOCAL], from: 'package' });
    expect(silent.ms).toBeGreaterThanOrEqual(TIMEOUT_MS);

    // a proxy's HTML error page: Chromium may refuse it to the no-cors probe, or let the probe
    // through and then run it as a script that defines no Office; either way, the copy
    const errorPage = await load('error page');
    expect(errorPage).toMatchObject({ status: 'loaded', from: 'package' });
    expect([[LOCAL], [CDN, LOCAL]]).toContainEqual(errorPage.tried);
    // a script that is not office.js: loaded, no Office, then the copy
    expect(await load('not office.js')).toMatchObject({
      status: 'loaded',
      tried: [CDN, LOCAL],
      from: 'package',
    });
  });

  it('reports failure when neither source has office.js', async () => {
    server.missing.add('office-js/office.js');
    expect(await load('unreachable')).toMatchObject({
      status: 'failed',
      tried: [LOCAL],
      office: 'undefined',
    });
  });
});
