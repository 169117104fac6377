/**
 * The office.js files a package serves from its own origin (`--office-js local | cdn-then-local`),
 * taken from the pinned `@microsoft/office-js` npm package (a copy of Microsoft's CDN, no longer
 * officially supported but the only offline source).
 *
 * office.js is a loader. From the folder it was loaded from it fetches:
 * - the host file for the Office application, platform and API version in `_host_Info`:
 *   `excel-win32-16.01.js`, `excel-web-16.00.js`, `excel-mac-16.00.js`, … (all `excel*` files);
 *   Office 2013-style hosts, and a plain browser, first load `o15apptofilemappingtable.js`;
 * - its strings for the Office UI language: `<locale>/office_strings.js` for every locale in its
 *   own `OSF.SupportedLocales` table, falling back to `en-us`;
 * - scripts named by a path relative to that folder in office.js or a host file
 *   (`telemetry/oteljs_agave.js`, `ariatelemetry/aria-web-telemetry.js`, `webauth/…`).
 * All of it is read from the package's files, so a new version of the npm package brings its own
 * list; a file the loader names that the package lacks stops packaging.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const OFFICE_JS_PACKAGE = '@microsoft/office-js';

/** The installed package's folder and version. */
export function officeJsPackage(): { dist: string; root: string; version: string } {
  const manifest = require.resolve(`${OFFICE_JS_PACKAGE}/package.json`);
  const root = path.dirname(manifest);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { root, dist: path.join(root, 'dist'), version };
}

const isDebug = (name: string) => /\.debug\.js$/i.test(name);

/** `OSF.SupportedLocales = {"ar-sa":true,…}` in office.js → its locales. */
export function supportedLocales(officeJs: string): string[] {
  const table = /SupportedLocales\s*=\s*\{([^}]*)\}/.exec(officeJs);
  if (!table) throw new Error('office.js 中找不到 SupportedLocales（语言列表）。');
  const locales = [...table[1].matchAll(/["']?([a-z]{2,3}(?:-[a-z0-9]+)+)["']?\s*:/gi)].map((m) =>
    m[1].toLowerCase(),
  );
  const fallback = /DefaultLocale\s*:\s*["']([^"']+)["']/.exec(officeJs)?.[1].toLowerCase();
  return [...new Set([...locales, ...(fallback ? [fallback] : [])])].sort();
}

/** String literals naming a script in a subfolder (`"telemetry/oteljs_agave.js"`). */
export function relativeScripts(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/["']((?:[a-z0-9_-]+\/)+[a-z0-9_.-]+\.js)["']/gi))
    if (!isDebug(m[1]) && !m[1].startsWith('/')) found.add(m[1]);
  // webauth is named as a folder and a file in two literals: `"webauth/"` + `"webauth.browserauth.js"`
  if (/["']webauth\/["']/.test(source))
    for (const m of source.matchAll(/["'](webauth\.[a-z.]+\.js)["']/gi))
      if (!isDebug(m[1])) found.add(`webauth/${m[1]}`);
  return [...found];
}

/**
 * Every file office.js can load for Excel, as paths relative to the package's `dist/` folder
 * (forward slashes), office.js first. Throws when a file office.js names is missing.
 */
export function officeJsFiles(dist: string): string[] {
  const officeJs = readFileSync(path.join(dist, 'office.js'), 'utf8');
  const top = readdirSync(dist).filter((n) => n.endsWith('.js') && !isDebug(n));
  const hostFiles = top.filter((n) => /^excel/i.test(n)).sort();
  if (!hostFiles.some((n) => /^excel-win32-/i.test(n)))
    throw new Error('office.js 包中没有 Excel（Windows）的宿主文件。');
  const mapping = /O15InitHelper\s*:\s*["']([^"']+)["']/.exec(officeJs)?.[1] ?? '';
  const strings = /OfficeStringJS\s*:\s*["']([^"']+)["']/.exec(officeJs)?.[1] ?? '';
  if (!mapping || !strings) throw new Error('office.js 中找不到它要加载的文件名。');
  const named = new Set<string>();
  for (const file of ['office.js', ...hostFiles])
    for (const s of relativeScripts(readFileSync(path.join(dist, file), 'utf8'))) named.add(s);
  const files = [
    'office.js',
    mapping,
    ...hostFiles,
    ...supportedLocales(officeJs).map((l) => `${l}/${strings}`),
    ...[...named].sort(),
  ];
  const missing = files.filter((f) => !existsSync(path.join(dist, f)));
  if (missing.length > 0)
    throw new Error(`office.js 包中缺少 office.js 会加载的文件：${missing.join('、')}`);
  return [...new Set(files)];
}
