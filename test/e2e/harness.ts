/**
 * End-to-end harness: build the production bundle once, serve it from 127.0.0.1 with a tiny static
 * server, and drive Debian's Chromium through playwright-core.
 */
import { createServer, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
export const E2E_DIST = path.join(ARTIFACTS, 'e2e-dist');

/**
 * What the build reads: the sources, assets and the build's own settings. Not docs/screenshots:
 * the e2e suites write screenshots there, and the help page's copies are not what they test.
 */
const BUILD_INPUTS = [
  'src',
  'assets',
  'manifest.xml',
  'webpack.config.js',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

function hashInputs(): string {
  const hash = createHash('sha256');
  const add = (p: string) => {
    const full = path.join(ROOT, p);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const e of readdirSync(full).sort()) add(path.join(p, e));
      return;
    }
    hash.update(p).update('\0').update(readFileSync(full)).update('\0');
  };
  BUILD_INPUTS.forEach(add);
  return hash.digest('hex');
}

/**
 * Builds the production bundle into `out` with webpack's Node API, unless `out` already holds the
 * build of exactly these inputs (several e2e suites in one run share one build).
 */
export async function buildProduction(out = E2E_DIST): Promise<void> {
  const stampFile = path.join(out, '.inputs-sha256');
  const stamp = hashInputs();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  await webpackBuild(out);
  writeFileSync(stampFile, stamp);
}

async function webpackBuild(out: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (
    env: Record<string, unknown>,
    argv: Record<string, unknown>,
  ) => Promise<import('webpack').Configuration>;
  const previous = process.env.JIXIAO_OUT;
  process.env.JIXIAO_OUT = out;
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const config = await makeConfig({}, { mode: 'production' });
    config.plugins = (config.plugins ?? []).filter(
      (p) => p?.constructor?.name !== 'GzipSizePlugin',
    );
    config.devtool = false;
    await new Promise<void>((resolve, reject) =>
      webpack(config, (err, stats) => {
        if (err) return reject(err);
        if (stats?.hasErrors()) return reject(new Error(stats.toString('errors-only')));
        resolve();
      }),
    );
  } finally {
    process.chdir(cwd);
    if (previous === undefined) delete process.env.JIXIAO_OUT;
    else process.env.JIXIAO_OUT = previous;
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.json': 'application/json',
};

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 (a free port). */
export async function serve(dir: string): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
  });
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

export interface PageOptions {
  readonly width?: number;
  readonly height?: number;
  readonly colorScheme?: 'light' | 'dark';
}

/**
 * A new context and page on the standalone page (office.js blocked, as offline), failing the test
 * on any uncaught page error.
 */
export async function openStandalone(
  browser: Browser,
  url: string,
  { width = 1360, height = 860, colorScheme = 'light' }: PageOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width, height },
    colorScheme,
    acceptDownloads: true,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.route(/appsforoffice\.microsoft\.com/, (r) => r.abort());
  await page.goto(`${url}/taskpane.html`);
  return { context, page };
}

/** Opens a workbook through the page's file input and waits for the first check to finish. */
export async function openWorkbookFile(page: Page, file: string): Promise<void> {
  await page.setInputFiles('input[type=file]', file);
  await page.getByText(/^已检查 \d+ 个工作表/).waitFor({ timeout: 30_000 });
}
