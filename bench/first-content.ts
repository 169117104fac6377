/**
 * The `first-content` series: when the standalone page (index.html of the production build) shows
 * its first content, against a blank React + Fluent UI v9 page built with the same webpack settings
 * (bench/first-content/). Both are built here, served from 127.0.0.1 and loaded in turn in Debian's
 * Chromium, a fresh browser context per load; the figures are medians of first-contentful-paint
 * and of largest-contentful-paint (the page's main content: the welcome card, the blank page's
 * text). Goal: first content ≤ 1.5× the blank page. Skipped when /usr/bin/chromium is missing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launch, serve } from '../test/e2e/harness';
import { round } from './timing';

const ROOT = path.resolve(__dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const OUT = path.join(ROOT, 'dist', 'first-content');
const RUNS = 9;

export interface PageFigures {
  /** median first-contentful-paint, ms after navigation start */
  fcpMs: number;
  /** median largest-contentful-paint */
  lcpMs: number;
}

export type FirstContentBench =
  | { skipped: string }
  | {
      runs: number;
      standalone: PageFigures;
      blank: PageFigures;
      /** standalone / blank first-contentful-paint (goal ≤ 1.5) */
      ratio: number;
      /** the same for largest-contentful-paint */
      lcpRatio: number;
    };

interface Paint {
  fcp: number;
  lcp: number;
}

/** Builds both pages in production mode (the build is not timed). */
function build(): void {
  const r = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js'),
      '--config',
      path.join(ROOT, 'bench', 'first-content', 'webpack.config.js'),
      '--stats',
      'errors-warnings',
    ],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 },
  );
  if (r.status !== 0) throw new Error(`first-content: webpack failed\n${r.stdout}\n${r.stderr}`);
}

/** One load in a fresh context: first and largest contentful paint once the page has settled. */
async function load(browser: Browser, url: string): Promise<Paint> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(
      () => performance.getEntriesByName('first-contentful-paint').length > 0,
    );
    // the largest paint so far, once nothing larger has come for two frames after 300 ms
    await page.waitForTimeout(300);
    return await page.evaluate(
      () =>
        new Promise<Paint>((resolve) => {
          const fcp = performance.getEntriesByName('first-contentful-paint')[0].startTime;
          let lcp = fcp;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) lcp = Math.max(lcp, e.startTime);
          }).observe({ type: 'largest-contentful-paint', buffered: true });
          requestAnimationFrame(() => requestAnimationFrame(() => resolve({ fcp, lcp })));
        }),
    );
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);

export async function benchFirstContent(): Promise<FirstContentBench> {
  if (!fs.existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} is missing` };
  build();
  const app = await serve(path.join(OUT, 'app'));
  const blank = await serve(path.join(OUT, 'blank'));
  const browser = await launch();
  try {
    const pages = { standalone: `${app.url}/index.html`, blank: `${blank.url}/index.html` };
    // one unrecorded load of each: the browser's own start-up is not the pages'
    for (const url of Object.values(pages)) await load(browser, url);
    const got: Record<keyof typeof pages, Paint[]> = { standalone: [], blank: [] };
    for (let i = 0; i < RUNS; i++)
      for (const key of i % 2 === 0
        ? (['standalone', 'blank'] as const)
        : (['blank', 'standalone'] as const))
        got[key].push(await load(browser, pages[key]));
    const figures = (xs: Paint[]): PageFigures => ({
      fcpMs: median(xs.map((x) => x.fcp)),
      lcpMs: median(xs.map((x) => x.lcp)),
    });
    const s = figures(got.standalone);
    const b = figures(got.blank);
    return {
      runs: RUNS,
      standalone: s,
      blank: b,
      ratio: Math.round((s.fcpMs / b.fcpMs) * 100) / 100,
      lcpRatio: Math.round((s.lcpMs / b.lcpMs) * 100) / 100,
    };
  } finally {
    await browser.close();
    await app.close();
    await blank.close();
  }
}

// Run alone with `npx tsx bench/first-content.ts`.
if (/first-content\.ts$/.test(process.argv[1] ?? '')) {
  benchFirstContent().then(
    (r) => console.log(JSON.stringify(r)),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
