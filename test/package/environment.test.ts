/**
 * "Are we inside Office?" and "did office.js load?" from the signals office.js itself reads: the
 * `_host_Info` query parameter Office adds to the pane's URL, window.name, sessionStorage and the
 * webview's host objects. A plain browser never counts as Office.
 */
import {
  hostInfoOf,
  insideOffice,
  officeJsFailure,
  parseHostInfo,
  type OfficeJsLoad,
  type PageSignals,
} from '../../src/office/environment';

const PLAIN: PageSignals = {
  search: '',
  windowName: '',
  sessionHostInfo: null,
  webviewHost: false,
};
const PAGE = 'https://oa.example.gov.cn/tools/jixiao/taskpane.html';
const LOCAL: OfficeJsLoad = {
  mode: 'local',
  cdn: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  local: 'office-js/office.js',
};

// what Excel adds to the task pane's URL on Windows, on the web and on a Mac
const WIN32 = '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0';
const WEB = '?_host_Info=Excel%24Web%2416.00%24zh-CN%24telemetry%24isDialog%24%240&et=';
const MAC_OLD = '?_host_Info=Excel|Mac|16.00|en-US|abc|';

describe('parseHostInfo', () => {
  it('reads host, platform, version and locale, $- or |-separated, encoded or not', () => {
    expect(parseHostInfo('Excel$Win32$16.01$zh-CN$$$$0')).toEqual({
      host: 'Excel',
      platform: 'Win32',
      version: '16.01',
      locale: 'zh-CN',
    });
    expect(parseHostInfo('Excel%24Web%2416.00%24zh-CN%24telemetry')?.platform).toBe('Web');
    expect(parseHostInfo('Excel|Mac|16.00|en-US|abc|')?.platform).toBe('Mac');
  });

  it('is null for anything that is not host information', () => {
    for (const v of [null, undefined, '', 'Excel', 'hello world', '%E0%A4%A'])
      expect(parseHostInfo(v)).toBeNull();
  });
});

describe('insideOffice', () => {
  it('a plain browser is not Office, whatever its query string', () => {
    expect(insideOffice(PLAIN)).toBe(false);
    expect(insideOffice({ ...PLAIN, search: '?file=a.xlsx&host=Excel' })).toBe(false);
    expect(insideOffice({ ...PLAIN, windowName: 'popup' })).toBe(false);
    expect(insideOffice({ ...PLAIN, windowName: '{"other":1}' })).toBe(false);
  });

  it('the _host_Info query parameter of Excel on Windows, the web and a Mac', () => {
    for (const search of [WIN32, WEB, MAC_OLD, `?et=1&${WIN32.slice(1)}`])
      expect(insideOffice({ ...PLAIN, search })).toBe(true);
    expect(hostInfoOf({ ...PLAIN, search: WEB })).toMatchObject({ host: 'Excel', platform: 'Web' });
  });

  it('host information kept in window.name or sessionStorage after a navigation', () => {
    expect(
      insideOffice({ ...PLAIN, windowName: JSON.stringify({ hostInfo: 'Excel|Web|16.00|zh-CN' }) }),
    ).toBe(true);
    expect(insideOffice({ ...PLAIN, sessionHostInfo: 'Excel$Win32$16.01$zh-CN$$$$0' })).toBe(true);
  });

  it('an Office webview without host information in the URL', () => {
    expect(insideOffice({ ...PLAIN, webviewHost: true })).toBe(true);
  });
});

describe('officeJsFailure', () => {
  it('inside Office with office.js missing: what failed, absolute URLs, the host', () => {
    expect(officeJsFailure({ ...PLAIN, search: WIN32 }, LOCAL, false, PAGE)).toEqual({
      mode: 'local',
      tried: ['https://oa.example.gov.cn/tools/jixiao/office-js/office.js'],
      host: { host: 'Excel', platform: 'Win32', version: '16.01', locale: 'zh-CN' },
    });
    expect(
      officeJsFailure({ ...PLAIN, search: WIN32 }, { ...LOCAL, mode: 'cdn' }, false, PAGE)?.tried,
    ).toEqual([LOCAL.cdn]);
  });

  it('cdn-then-local: every URL the loader tried, in order', () => {
    const load: OfficeJsLoad = {
      ...LOCAL,
      mode: 'cdn-then-local',
      timeoutMs: 3000,
      status: 'failed',
      tried: [LOCAL.cdn, LOCAL.local],
    };
    expect(officeJsFailure({ ...PLAIN, webviewHost: true }, load, false, PAGE)).toEqual({
      mode: 'cdn-then-local',
      tried: [LOCAL.cdn, 'https://oa.example.gov.cn/tools/jixiao/office-js/office.js'],
      host: null,
    });
  });

  it('nothing to report in a plain browser, when office.js loaded, or on a page without it', () => {
    expect(officeJsFailure(PLAIN, LOCAL, false, PAGE)).toBeNull();
    expect(officeJsFailure({ ...PLAIN, search: WIN32 }, LOCAL, true, PAGE)).toBeNull();
    // index.html (the standalone page) never loads office.js: no load record
    expect(officeJsFailure({ ...PLAIN, search: WIN32 }, undefined, false, PAGE)).toBeNull();
  });
});
