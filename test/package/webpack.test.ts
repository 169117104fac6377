/** What webpack.config.js does for packaging, checked without building. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

interface Plugin {
  constructor: { name: string };
  userOptions?: Record<string, unknown>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(ROOT, 'webpack.config.js')) as {
  (env: object, argv: object): Promise<{ plugins: Plugin[] }>;
  officeJsLoad(mode: string): Record<string, unknown>;
};

const ENV = ['PUBLIC_URL', 'JIXIAO_OFFICE_JS'] as const;
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
afterEach(() => {
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  jest.restoreAllMocks();
});

async function taskpaneOptions(): Promise<Record<string, unknown>> {
  const c = await config({}, { mode: 'production' });
  const page = c.plugins.find(
    (p) =>
      p.constructor.name === 'HtmlWebpackPlugin' && p.userOptions?.filename === 'taskpane.html',
  );
  return page?.userOptions ?? {};
}

describe('office.js in taskpane.html', () => {
  it('records the mode, the CDN and the local copy; a timeout only for cdn-then-local', () => {
    const cdn = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
    expect(config.officeJsLoad('cdn')).toEqual({ mode: 'cdn', cdn, local: 'office-js/office.js' });
    expect(config.officeJsLoad('local')).toEqual({
      mode: 'local',
      cdn,
      local: 'office-js/office.js',
    });
    expect(config.officeJsLoad('cdn-then-local')).toEqual({
      mode: 'cdn-then-local',
      cdn,
      local: 'office-js/office.js',
      timeoutMs: 3000,
    });
    expect(() => config.officeJsLoad('web')).toThrow(
      /JIXIAO_OFFICE_JS 应为 cdn、local、cdn-then-local 之一/,
    );
  });

  it('defaults to the CDN; JIXIAO_OFFICE_JS picks the mode and inlines the loader for cdn-then-local', async () => {
    process.env.PUBLIC_URL = 'https://oa.example.gov.cn/jixiao';
    delete process.env.JIXIAO_OFFICE_JS;
    expect(await taskpaneOptions()).toMatchObject({
      officeJsLoad: { mode: 'cdn' },
      officeJsLoader: '',
    });
    process.env.JIXIAO_OFFICE_JS = 'cdn-then-local';
    const options = await taskpaneOptions();
    expect(options.officeJsLoad).toMatchObject({ mode: 'cdn-then-local' });
    expect(options.officeJsLoader).toBe(
      readFileSync(path.join(ROOT, 'src/office/office-js-loader.js'), 'utf8'),
    );
  });
});

describe('PUBLIC_URL', () => {
  it('a production build without it warns loudly, in Chinese and English', async () => {
    delete process.env.PUBLIC_URL;
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await config({}, { mode: 'production' });
    expect(warn).toHaveBeenCalledTimes(1);
    const text = String(warn.mock.calls[0][0]);
    expect(text).toContain('警告：没有设置 PUBLIC_URL');
    expect(text).toContain('npm run package -- --url');
    expect(text).toContain('WARNING: PUBLIC_URL is not set');
  });

  it('no warning with it, nor for the dev server or a development build', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    process.env.PUBLIC_URL = 'https://oa.example.gov.cn/jixiao';
    await config({}, { mode: 'production' });
    delete process.env.PUBLIC_URL;
    await config({}, { mode: 'development' });
    await config({ WEBPACK_SERVE: true, preview: true }, { mode: 'production' });
    expect(warn).not.toHaveBeenCalled();
  });
});
