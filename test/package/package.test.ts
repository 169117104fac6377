/**
 * `npm run package`, run as IT runs it: refused without a usable --url, and with one (a URL under a
 * path, served the way an intranet web server serves it) a package whose manifest keeps the
 * repository's ids and points every URL under --url, whose pages and manifest reference only files
 * it holds, which carries every file office.js can load with the pinned version recorded, and
 * which its own verify-package.mjs passes — and fails once a file goes missing.
 * One production build (the default office.js mode, cdn-then-local), so it takes minutes.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import JSZip from 'jszip';
import { runPackage, runVerify, ROOT, servePackage, type PackageServer } from './harness';

const WORK = path.join(ROOT, 'test-artifacts', 'package-test');
const OUT = path.join(WORK, 'package');
const PKG = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  devDependencies: Record<string, string>;
};
const PINNED_OFFICE_JS = PKG.devDependencies['@microsoft/office-js'];

let server: PackageServer;
let base: string;
let packaged: { status: number | null; stdout: string; stderr: string };

const read = (rel: string) => readFileSync(path.join(OUT, rel), 'utf8');

function xml(text: string): Document {
  return new JSDOM(text, { contentType: 'application/xml' }).window.document;
}

function html(text: string): Document {
  return new JSDOM(text).window.document;
}

/** Every attribute value and text in the manifest that is a URL, namespaces aside. */
function manifestUrls(doc: Document): { where: string; url: string }[] {
  const found: { where: string; url: string }[] = [];
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    for (const a of Array.from(el.attributes))
      if (!a.name.startsWith('xmlns') && /^https?:/i.test(a.value))
        found.push({ where: `${el.localName}@${a.name}`, url: a.value });
    const text = Array.from(el.childNodes)
      .filter((n) => n.nodeType === 3)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
    if (/^https?:/i.test(text)) found.push({ where: el.localName, url: text });
  }
  return found;
}

const manifestField = (doc: Document, tag: string) =>
  doc.getElementsByTagName(tag)[0]?.textContent?.trim();

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  server = await servePackage(OUT, '/tools/jixiao/');
  base = server.url;
  packaged = await runPackage(['--url', base, '--out', OUT]);
}, 900_000);

afterAll(async () => {
  await server?.close();
});

describe('npm run package: refusals, before any build', () => {
  it('without --url: a Chinese message and a non-zero exit', async () => {
    const r = await runPackage([]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('缺少 --url');
    expect(r.stderr).toContain('npm run package -- --url https://');
  });

  it('refuses a non-HTTPS, a file or an unknown office.js mode, in Chinese', async () => {
    const http = await runPackage(['--url', 'http://oa.example.gov.cn/jixiao/']);
    expect(http.status).not.toBe(0);
    expect(http.stderr).toMatch(/必须以 https:\/\/ 开头/);
    const file = await runPackage(['--url', 'https://oa.example.gov.cn/jixiao/taskpane.html']);
    expect(file.stderr).toMatch(/应是文件夹的网址/);
    const mode = await runPackage(['--url', 'https://oa.example.gov.cn/', '--office-js', 'web']);
    expect(mode.stderr).toMatch(/--office-js 应为 cdn、local、cdn-then-local 之一/);
  });

  it('never replaces a folder that is not a previous package', async () => {
    const other = path.join(WORK, 'not-a-package');
    mkdirSync(other, { recursive: true });
    writeFileSync(path.join(other, 'keep.txt'), '用户的文件');
    const r = await runPackage(['--url', 'https://oa.example.gov.cn/jixiao/', '--out', other]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/不是之前生成的部署包/);
    expect(readFileSync(path.join(other, 'keep.txt'), 'utf8')).toBe('用户的文件');
  });
});

describe('npm run package --url http://127.0.0.1:PORT/tools/jixiao/', () => {
  it('succeeds and says where the package and the zip are', () => {
    expect(packaged.stderr).not.toMatch(/失败|Error/);
    expect(packaged.status).toBe(0);
    expect(packaged.stdout).toContain('部署包已生成');
    expect(packaged.stdout).toContain(
      `office.js：cdn-then-local（@microsoft/office-js ${PINNED_OFFICE_JS}`,
    );
  });

  it('writes a well-formed manifest with the repository’s Id and version', () => {
    const built = xml(read('manifest.xml'));
    const source = xml(readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
    expect(built.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(built.documentElement.localName).toBe('OfficeApp');
    expect(manifestField(built, 'Id')).toBe(manifestField(source, 'Id'));
    expect(manifestField(built, 'Version')).toBe(manifestField(source, 'Version'));
    // nothing but the URLs changed
    const serializer = new new JSDOM('').window.XMLSerializer();
    const shape = (d: Document) =>
      serializer.serializeToString(d).replace(/https?:\/\/[^"<\s]+/g, 'URL');
    expect(shape(built)).toBe(shape(source));
  });

  it('points every URL of the manifest under --url; AppDomain is its origin', () => {
    const doc = xml(read('manifest.xml'));
    const urls = manifestUrls(doc);
    const where = new Set(urls.map((u) => u.where));
    for (const w of [
      'SourceLocation@DefaultValue',
      'IconUrl@DefaultValue',
      'HighResolutionIconUrl@DefaultValue',
      'SupportUrl@DefaultValue',
      'Url@DefaultValue',
      'Image@DefaultValue',
      'AppDomain',
    ])
      expect(where).toContain(w);
    const outside = urls.filter((u) =>
      u.where === 'AppDomain' ? u.url !== server.origin : !u.url.startsWith(base),
    );
    expect(outside).toEqual([]);
    // (the comment at the top still explains the development URLs)
    expect(read('manifest.xml').replace(/<!--[^]*?-->/g, '')).not.toContain('localhost');
    const byId = (id: string) =>
      Array.from(doc.getElementsByTagName('bt:Url')).find((u) => u.getAttribute('id') === id);
    expect(byId('GetStarted.LearnMoreUrl')?.getAttribute('DefaultValue')).toBe(`${base}help.html`);
    expect(doc.getElementsByTagName('SupportUrl')[0].getAttribute('DefaultValue')).toBe(
      `${base}help.html`,
    );
  });

  it('holds every file the manifest and the pages reference', () => {
    const doc = xml(read('manifest.xml'));
    const files = manifestUrls(doc)
      .filter((u) => u.where !== 'AppDomain')
      .map((u) => u.url.slice(base.length));
    expect(files).toEqual(
      expect.arrayContaining(['taskpane.html', 'help.html', 'assets/icon-80.png']),
    );
    const pages = ['taskpane.html', 'index.html', 'help.html'];
    for (const page of pages) {
      const d = html(read(page));
      for (const el of Array.from(
        d.querySelectorAll('script[src], link[href], img[src], a[href]'),
      )) {
        const ref = el.getAttribute('src') ?? el.getAttribute('href') ?? '';
        if (/^(https?:|#|data:)/.test(ref)) continue;
        files.push(ref.replace(/#.*$/, ''));
      }
    }
    // the office.js copy the task pane falls back on
    const config = /window\.jixiaoOfficeJs=(\{[^;]*\})/.exec(read('taskpane.html'));
    expect(config?.[1]).toContain('mode:"cdn-then-local"');
    const local = /local:"([^"]+)"/.exec(config?.[1] ?? '')?.[1];
    expect(local).toBe('office-js/office.js');
    files.push(local ?? '');
    expect(files.filter((f) => !existsSync(path.join(OUT, f)))).toEqual([]);
    // help.html shows the screenshots and a row for every rule of the engine
    expect(
      files.filter((f) => f.startsWith('help/') && f.endsWith('.png')).length,
    ).toBeGreaterThanOrEqual(5);
  });

  it('serves every file office.js can load for Excel, and records the pinned version', () => {
    expect(PINNED_OFFICE_JS).toMatch(/^\d+\.\d+\.\d+$/);
    const officeJs = read('office-js/office.js');
    // the locale strings office.js asks for (its own table)
    const table = /SupportedLocales=\{([^}]*)\}/.exec(officeJs)?.[1] ?? '';
    const locales = [...table.matchAll(/"([a-z-]+)":/g)].map((m) => m[1]);
    expect(locales).toEqual(expect.arrayContaining(['zh-cn', 'zh-tw', 'en-us']));
    for (const l of locales)
      expect(existsSync(path.join(OUT, 'office-js', l, 'office_strings.js'))).toBe(true);
    // the Excel host file for every platform office.js knows
    const excel = /HostSpecificFileVersionMap=\{[^]*?excel:\{([^}]*)\}/.exec(officeJs)?.[1] ?? '';
    const hostFiles = [...excel.matchAll(/(\w+):"([\d.]+)"/g)].map(
      (m) => `excel-${m[1]}-${m[2]}.js`,
    );
    expect(hostFiles).toEqual(
      expect.arrayContaining(['excel-win32-16.01.js', 'excel-web-16.00.js', 'excel-mac-16.00.js']),
    );
    for (const f of [...hostFiles, 'o15apptofilemappingtable.js', 'telemetry/oteljs_agave.js'])
      expect(existsSync(path.join(OUT, 'office-js', f))).toBe(true);
    expect(read('office-js/VERSION.txt')).toContain(`@microsoft/office-js ${PINNED_OFFICE_JS}`);
    const info = JSON.parse(read('jixiao-package.json'));
    expect(info).toMatchObject({
      version: PKG.version,
      url: base,
      officeJs: {
        mode: 'cdn-then-local',
        package: '@microsoft/office-js',
        version: PINNED_OFFICE_JS,
      },
    });
    // no debug builds, no source maps: the package holds what is served
    const all = listFiles(OUT);
    expect(all.filter((f) => /\.debug\.js$|\.map$/.test(f))).toEqual([]);
  });

  it('writes README.txt for IT in Chinese, with the URL and the office.js version', () => {
    const readme = read('README.txt');
    expect(readme.startsWith('\ufeff')).toBe(true);
    expect(readme).toContain('\r\n');
    expect(readme).toContain(`部署网址：${base}`);
    expect(readme).toContain(`@microsoft/office-js ${PINNED_OFFICE_JS}`);
    expect(readme).toContain(`node verify-package.mjs ${base}`);
    expect(readme).toContain('受信任的加载项目录');
  });

  it('zips the same files as jixiao-addin-VERSION.zip beside the folder', async () => {
    const zipFile = path.join(WORK, `jixiao-addin-${PKG.version}.zip`);
    const zip = await JSZip.loadAsync(readFileSync(zipFile));
    const folder = `jixiao-addin-${PKG.version}/`;
    const names = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
    expect(names.every((n) => n.startsWith(folder))).toBe(true);
    expect(names.map((n) => n.slice(folder.length)).sort()).toEqual(listFiles(OUT).sort());
    expect(await zip.file(`${folder}manifest.xml`)?.async('string')).toBe(read('manifest.xml'));
  });

  it('passes its own verify-package.mjs where it is served, and fails when a file is missing', async () => {
    const good = await runVerify(OUT, base);
    expect(good.stdout).toContain('全部检查通过');
    expect(good.stdout).toMatch(/部署包的 \d+ 个文件都能访问，内容与打包时一致/);
    expect(good.status).toBe(0);
    const gone = [
      'office-js/excel-win32-16.01.js',
      'help/taskpane-check.png',
      'assets/icon-80.png',
    ];
    for (const f of gone) server.missing.add(f);
    // an upload that converted line endings
    const converted = 'office-js/excel-web-16.00.js';
    server.replaced.set(converted, Buffer.from(read(converted).replace(/\n/g, '\r\n')));
    try {
      const bad = await runVerify(OUT, base);
      expect(bad.status).toBe(1);
      for (const f of gone) expect(bad.stdout).toContain(`${base}${f} 无法访问`);
      expect(bad.stdout).toContain(`${base}${converted} 的内容与部署包不一致`);
      expect(bad.stdout).toMatch(/\d+ 项检查未通过/);
    } finally {
      server.missing.clear();
      server.replaced.clear();
    }
  });
});

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`)
      : [`${prefix}${e.name}`],
  );
}
