/** `npm run package` arguments and the office.js file list, without building. */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkUrl, DEFAULT_OFFICE_JS, parsePackageArgs } from '../../scripts/package/args';
import {
  officeJsFiles,
  officeJsPackage,
  relativeScripts,
  supportedLocales,
} from '../../scripts/package/office-js';

describe('--url', () => {
  it('is a folder URL ending with /', () => {
    expect(checkUrl('https://oa.example.gov.cn/tools/jixiao')).toEqual({
      ok: true,
      url: 'https://oa.example.gov.cn/tools/jixiao/',
    });
    expect(checkUrl('https://oa.example.gov.cn:8443/')).toEqual({
      ok: true,
      url: 'https://oa.example.gov.cn:8443/',
    });
    expect(checkUrl('https://oa.example.gov.cn')).toEqual({
      ok: true,
      url: 'https://oa.example.gov.cn/',
    });
  });

  it('allows plain HTTP only on this machine (tests), never elsewhere', () => {
    expect(checkUrl('http://127.0.0.1:8080/jixiao/').ok).toBe(true);
    expect(checkUrl('http://localhost/jixiao/').ok).toBe(true);
    expect(checkUrl('http://10.1.2.3/jixiao/')).toMatchObject({ ok: false });
  });

  it('refuses what is not a folder URL, with a Chinese message', () => {
    for (const [url, message] of [
      ['oa.example.gov.cn/jixiao', /不是有效的网址/],
      ['ftp://oa.example.gov.cn/', /必须以 https:\/\/ 开头/],
      ['https://user:pw@oa.example.gov.cn/', /用户名或密码/],
      ['https://oa.example.gov.cn/jixiao/?v=2', /“\?”或“#”/],
      ['https://oa.example.gov.cn/jixiao/manifest.xml', /文件夹的网址/],
    ] as const) {
      const r = checkUrl(url);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.message).toMatch(message);
    }
  });
});

describe('parsePackageArgs', () => {
  it('defaults to cdn-then-local and the package folder', () => {
    expect(DEFAULT_OFFICE_JS).toBe('cdn-then-local');
    expect(parsePackageArgs(['--url', 'https://oa.example.gov.cn/jixiao/'])).toEqual({
      ok: true,
      args: {
        url: 'https://oa.example.gov.cn/jixiao/',
        officeJs: 'cdn-then-local',
        out: 'package',
      },
    });
  });

  it('takes --office-js and --out; refuses unknown options in Chinese', () => {
    const r = parsePackageArgs([
      '--url=https://oa.example.gov.cn/',
      '--office-js',
      'local',
      '--out',
      'build/pkg',
    ]);
    expect(r).toMatchObject({ ok: true, args: { officeJs: 'local', out: 'build/pkg' } });
    const bad = parsePackageArgs(['--url', 'https://oa.example.gov.cn/', '--zip']);
    expect(bad).toMatchObject({ ok: false });
    expect(!bad.ok && bad.message).toMatch(/^未知参数：--zip。/);
    const positional = parsePackageArgs(['https://oa.example.gov.cn/']);
    expect(!positional.ok && positional.message).toMatch(
      /^多余的参数：https:\/\/oa\.example\.gov\.cn\/（网址请写在 --url 后面）/,
    );
    const empty = parsePackageArgs(['--url']);
    expect(!empty.ok && empty.message).toMatch(/^参数 --url 的值有误或缺少值/);
    expect(parsePackageArgs(['--help'])).toMatchObject({ ok: false, help: true });
  });
});

describe('office.js files', () => {
  it('reads the locales and relative scripts office.js names', () => {
    expect(
      supportedLocales(
        'OSF.SupportedLocales={"zh-cn":true,"en-us":true,"sr-latn-rs":true};x={DefaultLocale:"en-us"}',
      ),
    ).toEqual(['en-us', 'sr-latn-rs', 'zh-cn']);
    expect(
      relativeScripts(
        'a="telemetry/oteljs_agave.js";b="x/y.debug.js";c="webauth/";d="webauth.browserauth.js";e="webauth.browserauth.debug.js";f="office.js"',
      ).sort(),
    ).toEqual(['telemetry/oteljs_agave.js', 'webauth/webauth.browserauth.js']);
  });

  it('lists, from the pinned package, office.js, every Excel host file and every locale it supports', () => {
    const { dist, version } = officeJsPackage();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pinned = require('../../package.json').devDependencies['@microsoft/office-js'];
    expect(version).toBe(pinned);
    const files = officeJsFiles(dist);
    expect(files[0]).toBe('office.js');
    expect(files).toEqual(
      expect.arrayContaining([
        'o15apptofilemappingtable.js',
        'excel-win32-16.01.js',
        'excel-web-16.00.js',
        'excel-mac-16.00.js',
        'zh-cn/office_strings.js',
        'zh-tw/office_strings.js',
        'en-us/office_strings.js',
        'telemetry/oteljs_agave.js',
        'ariatelemetry/aria-web-telemetry.js',
      ]),
    );
    expect(files.filter((f) => /debug|word|outlook|powerpoint|onenote/.test(f))).toEqual([]);
    expect(new Set(files).size).toBe(files.length);
  });

  it('stops when office.js names a file the package lacks', () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'office-js-'));
    try {
      writeFileSync(
        path.join(dist, 'office.js'),
        'SupportedLocales={"zh-cn":true};c={DefaultLocale:"en-us",OfficeStringJS:"office_strings.js",O15InitHelper:"o15apptofilemappingtable.js"}',
      );
      writeFileSync(
        path.join(dist, 'excel-win32-16.01.js'),
        'x="ariatelemetry/aria-web-telemetry.js"',
      );
      writeFileSync(path.join(dist, 'o15apptofilemappingtable.js'), '');
      mkdirSync(path.join(dist, 'zh-cn'));
      writeFileSync(path.join(dist, 'zh-cn', 'office_strings.js'), '');
      expect(() => officeJsFiles(dist)).toThrow(
        /缺少 office\.js 会加载的文件：en-us\/office_strings\.js、ariatelemetry\/aria-web-telemetry\.js/,
      );
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
