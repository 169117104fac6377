/** The task pane build configuration, checked without building. */
import fs from 'node:fs';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.resolve(__dirname, '../../webpack.config.js')) as {
  (env: Record<string, unknown>, argv: Record<string, unknown>): Promise<Record<string, unknown>>;
  rewriteManifest(xml: string, url: string): string;
};

describe('webpack.config.js', () => {
  it('builds one task pane entry into two pages, office.js by script tag only', async () => {
    const c = (await config({}, { mode: 'production' })) as {
      entry: Record<string, string>;
      plugins: Array<{ constructor: { name: string }; userOptions?: Record<string, unknown> }>;
      output: { clean: { keep: RegExp } };
      externals?: unknown;
    };
    expect(c.entry).toEqual({ taskpane: './src/entry/index.tsx' });
    const pages = c.plugins
      .filter((p) => p.constructor.name === 'HtmlWebpackPlugin')
      .map((p) => [p.userOptions?.filename, p.userOptions?.officeJs]);
    expect(pages).toEqual([
      ['taskpane.html', true],
      ['index.html', false],
      ['help.html', undefined],
    ]);
    expect(c.output.clean.keep.test('cli.js')).toBe(true);
    // the entry and the page template exist where the configuration says
    const root = path.resolve(__dirname, '../..');
    const templates = c.plugins
      .filter((p) => p.constructor.name === 'HtmlWebpackPlugin')
      .map((p) => String(p.userOptions?.template));
    for (const file of [c.entry.taskpane, ...templates])
      expect(fs.existsSync(path.resolve(root, file))).toBe(true);
  });

  it('rewrites the manifest URLs to PUBLIC_URL, AppDomain to its origin', () => {
    const xml =
      '<!-- https://localhost:3000 in dev -->\n<AppDomain>https://localhost:3000</AppDomain>\n<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>';
    const out = config.rewriteManifest(xml, 'https://cdn.example.cn/jixiao');
    expect(out).toContain('<AppDomain>https://cdn.example.cn</AppDomain>');
    expect(out).toContain('DefaultValue="https://cdn.example.cn/jixiao/taskpane.html"');
    expect(out).toContain('<!-- https://localhost:3000 in dev -->');
  });
});
