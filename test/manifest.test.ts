/**
 * @jest-environment jsdom
 *
 * The manifest, checked offline with the DOM's XML parser: ids, URLs, icons, permissions,
 * requirement sets, locales and the Home-tab button. `npm run validate` runs Microsoft's online
 * validator where there is a network.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MERGED_AREAS_EXCEL_API, MINIMUM_EXCEL_API } from '../src/office/requirements';

const ROOT = path.resolve(__dirname, '..');
const OFFICE = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const OV = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const DEV_ORIGIN = 'https://localhost:3000';

const doc = new DOMParser().parseFromString(
  readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'),
  'application/xml',
);
const root = doc.documentElement;

function child(parent: Element, name: string, ns = OFFICE): Element {
  const el = Array.from(parent.children).find((c) => c.localName === name && c.namespaceURI === ns);
  if (!el) throw new Error(`<${name}> missing under <${parent.localName}>`);
  return el;
}

const all = (name: string, ns: string): Element[] =>
  Array.from(doc.getElementsByTagNameNS(ns, name));

describe('manifest.xml', () => {
  it('is well-formed XML of an Excel task-pane add-in', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(root.localName).toBe('OfficeApp');
    expect(root.getAttributeNS(XSI, 'type')).toBe('TaskPaneApp');
    expect(Array.from(child(root, 'Hosts').children).map((h) => h.getAttribute('Name'))).toEqual([
      'Workbook',
    ]);
  });

  it('has a GUID id and a four-part version', () => {
    expect(child(root, 'Id').textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i,
    );
    expect(child(root, 'Version').textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('is named 绩效目标表助手 in zh-CN with an en-US override', () => {
    expect(child(root, 'DefaultLocale').textContent).toBe('zh-CN');
    const name = child(root, 'DisplayName');
    expect(name.getAttribute('DefaultValue')).toBe('绩效目标表助手');
    expect(child(name, 'Override').getAttribute('Locale')).toBe('en-US');
    expect(child(child(root, 'Description'), 'Override').getAttribute('Locale')).toBe('en-US');
    for (const s of all('String', BT)) {
      expect(s.getAttribute('DefaultValue')).toMatch(/[\u4e00-\u9fff]/);
      expect(child(s, 'Override', BT).getAttribute('Locale')).toBe('en-US');
    }
  });

  it('asks for ReadWriteDocument only', () => {
    expect(child(root, 'Permissions').textContent).toBe('ReadWriteDocument');
  });

  it('declares the minimum requirement set the code checks at runtime', () => {
    const sets = Array.from(child(child(root, 'Requirements'), 'Sets').children);
    expect(sets.map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')])).toEqual([
      ['ExcelApi', MINIMUM_EXCEL_API],
    ]);
    // 1.13 (merged areas) is used only behind a runtime check, so it is not a requirement.
    expect(MERGED_AREAS_EXCEL_API).toBe('1.13');
  });

  it('uses HTTPS URLs on one origin, the task pane at /taskpane.html', () => {
    const urls = [
      child(child(root, 'DefaultSettings'), 'SourceLocation').getAttribute('DefaultValue'),
      child(root, 'IconUrl').getAttribute('DefaultValue'),
      child(root, 'HighResolutionIconUrl').getAttribute('DefaultValue'),
      child(root, 'SupportUrl').getAttribute('DefaultValue'),
      ...all('Url', BT).map((u) => u.getAttribute('DefaultValue')),
      ...all('Image', BT)
        .filter((i) => i.getAttribute('DefaultValue'))
        .map((i) => i.getAttribute('DefaultValue')),
    ];
    for (const u of urls) expect(u?.startsWith(`${DEV_ORIGIN}/`)).toBe(true);
    expect(
      child(child(root, 'DefaultSettings'), 'SourceLocation').getAttribute('DefaultValue'),
    ).toBe(`${DEV_ORIGIN}/taskpane.html`);
    expect(child(child(root, 'AppDomains'), 'AppDomain').textContent).toBe(DEV_ORIGIN);
  });

  it('points every icon at an existing PNG of the stated size', () => {
    const images = [
      ...all('Image', BT)
        .filter((i) => i.getAttribute('id'))
        .map((i) => ({
          url: i.getAttribute('DefaultValue') ?? '',
          size: Number(/(\d+)x\d+/.exec(i.getAttribute('id') ?? '')?.[1]),
        })),
      { url: child(root, 'IconUrl').getAttribute('DefaultValue') ?? '', size: 32 },
      { url: child(root, 'HighResolutionIconUrl').getAttribute('DefaultValue') ?? '', size: 64 },
    ];
    expect(images.map((i) => i.size).sort((a, b) => a - b)).toEqual([16, 32, 32, 64, 80]);
    for (const { url, size } of images) {
      const file = path.join(ROOT, new URL(url).pathname);
      expect(existsSync(file)).toBe(true);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('adds a Home-tab button that opens the task pane, with resources that exist', () => {
    const overrides = child(root, 'VersionOverrides', OV);
    expect(overrides.getAttributeNS(XSI, 'type')).toBe('VersionOverridesV1_0');
    const host = child(child(overrides, 'Hosts', OV), 'Host', OV);
    expect(host.getAttributeNS(XSI, 'type')).toBe('Workbook');
    const tab = all('OfficeTab', OV)[0];
    expect(tab.getAttribute('id')).toBe('TabHome');
    const control = all('Control', OV)[0];
    expect(control.getAttributeNS(XSI, 'type')).toBe('Button');
    const action = child(control, 'Action', OV);
    expect(action.getAttributeNS(XSI, 'type')).toBe('ShowTaskpane');
    const ids = new Set(
      [...all('Image', BT), ...all('Url', BT), ...all('String', BT)]
        .map((e) => e.getAttribute('id'))
        .filter(Boolean),
    );
    const resids = Array.from(overrides.querySelectorAll('[resid]')).map((e) =>
      e.getAttribute('resid'),
    );
    expect(resids.length).toBeGreaterThan(5);
    for (const r of resids) expect(ids.has(r)).toBe(true);
    const label = all('String', BT).find(
      (s) => s.getAttribute('id') === child(control, 'Label', OV).getAttribute('resid'),
    );
    expect(label?.getAttribute('DefaultValue')).toBe('绩效目标表助手');
    // short strings fit the ribbon's 125-character limit, long ones 250
    for (const s of all('String', BT))
      expect((s.getAttribute('DefaultValue') ?? '').length).toBeLessThanOrEqual(250);
  });
});
