/**
 * help.html as the build writes it (src/help/page.ts, run by html-webpack-plugin): one row per rule
 * of the engine from the rules' own metadata, only screenshots the build copies, no script.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { allRules } from '../../src/engine';
import render, { escapeHtml, HELP_SCREENSHOTS, helpPage } from '../../src/help/page';

const ROOT = path.resolve(__dirname, '../..');
const doc = new JSDOM(helpPage({ version: '9.8.7' })).window.document;

describe('help.html', () => {
  it('lists every rule of the engine, in catalogue order, from its metadata', () => {
    const rows = Array.from(doc.querySelectorAll('#rules tbody tr'));
    expect(rows.map((r) => r.id)).toEqual(allRules.map((r) => `rule-${r.meta.id}`));
    rows.forEach((row, i) => {
      const { meta } = allRules[i];
      const cells = Array.from(row.querySelectorAll('td')).map((td) => td.textContent ?? '');
      expect(cells[0]).toBe(meta.id);
      expect(cells[1]).toBe({ error: '错误', warning: '警告', info: '提示' }[meta.severity]);
      expect(cells[2]).toBe(meta.title);
      expect(cells[3]).toContain(meta.description);
      expect(cells[4]).toBe(meta.fixable ? '可一键修正' : '');
    });
    expect(doc.querySelector('#rules p')?.textContent).toContain(`共 ${allRules.length} 条`);
  });

  it('covers the tabs, the common mistakes, the CLI and what to do when it does not start', () => {
    for (const tab of ['模板', '检查', '导出', '审核'])
      expect(Array.from(doc.querySelectorAll('#tabs h3')).some((h) => h.textContent === tab)).toBe(
        true,
      );
    expect(doc.querySelectorAll('#fixes tbody tr').length).toBeGreaterThanOrEqual(10);
    expect(doc.querySelector('#cli pre')?.textContent).toContain('npx jixiao check');
    expect(doc.querySelector('#trouble')?.textContent).toContain('无法加载 Office 脚本库');
    expect(doc.querySelector('footer')?.textContent).toContain('9.8.7');
  });

  it('shows only screenshots that exist in docs/screenshots and that the build copies', () => {
    const images = Array.from(doc.querySelectorAll('img')).map((i) => i.getAttribute('src'));
    expect(images.length).toBe(HELP_SCREENSHOTS.length);
    for (const src of images) {
      const name = /^help\/(.+\.png)$/.exec(src ?? '')?.[1] ?? '';
      expect(HELP_SCREENSHOTS).toContain(name);
      expect(existsSync(path.join(ROOT, 'docs/screenshots', name))).toBe(true);
    }
    for (const img of Array.from(doc.querySelectorAll('img')))
      expect(img.getAttribute('alt')).toMatch(/[\u4e00-\u9fff]/);
  });

  it('runs no script and links only inside the package', () => {
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    for (const a of Array.from(doc.querySelectorAll('a[href]')))
      expect(a.getAttribute('href')).toMatch(/^(#[a-z]+|index\.html)$/);
    const ids = new Set(Array.from(doc.querySelectorAll('[id]')).map((e) => e.id));
    for (const a of Array.from(doc.querySelectorAll('a[href^="#"]')))
      expect(ids.has(a.getAttribute('href')?.slice(1) ?? '')).toBe(true);
  });

  it('is what html-webpack-plugin gets from the default export, version included', () => {
    expect(render({ version: '9.8.7' })).toBe(helpPage({ version: '9.8.7' }));
  });

  it('escapes text for HTML', () => {
    expect(escapeHtml(`<p>"a" & 'b'</p>`)).toBe(
      '&lt;p&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/p&gt;',
    );
  });
});

describe('webpack.config.js', () => {
  it('copies exactly the screenshots help.html shows, and builds help.html from src/help/page.ts', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (
      env: object,
      argv: object,
    ) => Promise<{
      plugins: Array<{
        constructor: { name: string };
        userOptions?: Record<string, unknown>;
        patterns?: Array<{ from: string; to: string }>;
      }>;
    }>;
    const config = await makeConfig({}, { mode: 'development' });
    const pattern = config.plugins
      .flatMap((p) => p.patterns ?? [])
      .find((p) => p.to.startsWith('help/'));
    const names = /\{([^}]+)\}\.png$/.exec(pattern?.from ?? '')?.[1].split(',') ?? [];
    expect(names.map((n) => `${n}.png`).sort()).toEqual([...HELP_SCREENSHOTS].sort());
    const help = config.plugins.find(
      (p) => p.constructor.name === 'HtmlWebpackPlugin' && p.userOptions?.filename === 'help.html',
    );
    expect(help?.userOptions).toMatchObject({
      template: './src/help/page.ts',
      inject: false,
      chunks: [],
    });
  });
});
