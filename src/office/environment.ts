/**
 * Are we inside Office, and did office.js load? The task pane page (taskpane.html) loads office.js
 * from Microsoft's CDN, from a copy served beside the add-in, or from the CDN with the copy as a
 * fallback (`npm run package -- --office-js cdn|local|cdn-then-local`), and records how in
 * `window.jixiaoOfficeJs`. When office.js is missing, a plain browser gets the standalone page, but a
 * page inside Office must say that office.js failed: the standalone page there is a dead end.
 *
 * "Inside Office" follows the signals office.js itself reads to find its host: the `_host_Info`
 * query parameter that Office adds to the pane's URL (Excel on Windows, Mac and the web), the same
 * value kept in `window.name` or in sessionStorage, and the objects Office's webviews put on
 * `window` (`window.external.GetHostInfo`, `agaveHost`, `webkit.messageHandlers.Agave`).
 *
 * Everything but `readPageSignals` and `checkOfficeJs` is pure.
 */

/** How taskpane.html loads office.js. */
export type OfficeJsMode = 'cdn' | 'local' | 'cdn-then-local';

/** What taskpane.html records in `window.jixiaoOfficeJs` (the loader updates it). */
export interface OfficeJsLoad {
  readonly mode: OfficeJsMode;
  /** Microsoft's CDN URL */
  readonly cdn: string;
  /** the copy served with the add-in, relative to the page */
  readonly local: string;
  /** cdn-then-local: how long the CDN may take to answer before the copy is used */
  readonly timeoutMs?: number;
  /** cdn-then-local: 'loading' until the loader settles */
  status?: 'loading' | 'loaded' | 'failed';
  /** cdn-then-local: the script URLs the loader tried, in order */
  tried?: string[];
}

/** The event the cdn-then-local loader dispatches on `window` when it settles. */
export const OFFICE_JS_EVENT = 'jixiao:office-js';

/** What the page can see of its surroundings, read once by `readPageSignals`. */
export interface PageSignals {
  /** location.search */
  readonly search: string;
  /** window.name (Office on the web keeps host information there as JSON) */
  readonly windowName: string;
  /** sessionStorage 'hostInfoValue' (where office.js keeps the host information it found) */
  readonly sessionHostInfo: string | null;
  /** an Office webview's host object: window.external.GetHostInfo, agaveHost or webkit Agave */
  readonly webviewHost: boolean;
}

/** The parts of Office's host information string (`Excel$Win32$16.01$zh-CN$…`). */
export interface OfficeHostInfo {
  readonly host: string;
  readonly platform: string;
  readonly version: string;
  readonly locale: string;
}

/** What the pane shows when it runs inside Office without office.js. */
export interface OfficeJsFailure {
  readonly mode: OfficeJsMode;
  /** the office.js URLs that were tried, absolute */
  readonly tried: ReadonlyArray<string>;
  /** the host information from the URL, when Office passed it */
  readonly host: OfficeHostInfo | null;
}

/** Parses Office's host information (`$`-separated, `|` in older hosts); null when it is not one. */
export function parseHostInfo(value: string | null | undefined): OfficeHostInfo | null {
  if (!value) return null;
  let text = value;
  try {
    text = decodeURIComponent(value);
  } catch {
    // not URI-encoded: use as is
  }
  let parts = text.split('$');
  if (parts.length < 3) parts = text.split('|');
  const [host = '', platform = '', version = '', locale = ''] = parts;
  if (!host || !platform) return null;
  return { host, platform, version, locale };
}

function queryValue(search: string, name: string): string | null {
  for (const pair of search.replace(/^\?/, '').split('&')) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    if (key.toLowerCase() === name.toLowerCase()) return eq < 0 ? '' : pair.slice(eq + 1);
  }
  return null;
}

function windowNameHostInfo(windowName: string): string | null {
  if (!windowName.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(windowName);
    const info = (parsed as { hostInfo?: unknown } | null)?.hostInfo;
    return typeof info === 'string' ? info : null;
  } catch {
    return null;
  }
}

/** The host information Office gave the page, from the URL, window.name or sessionStorage. */
export function hostInfoOf(signals: PageSignals): OfficeHostInfo | null {
  return (
    parseHostInfo(queryValue(signals.search, '_host_Info')) ??
    parseHostInfo(windowNameHostInfo(signals.windowName)) ??
    parseHostInfo(signals.sessionHostInfo)
  );
}

/** Whether the page runs inside an Office application (desktop, Mac, the web). */
export function insideOffice(signals: PageSignals): boolean {
  return signals.webviewHost || hostInfoOf(signals) !== null;
}

/**
 * Whether to show the "office.js failed" message: the page tried to load office.js (`load` is
 * set), office.js is not there, and the page runs inside Office. Null in a plain browser (the
 * standalone page follows) and whenever office.js is there.
 */
export function officeJsFailure(
  signals: PageSignals,
  load: OfficeJsLoad | undefined,
  officeLoaded: boolean,
  pageUrl: string,
): OfficeJsFailure | null {
  if (!load || officeLoaded || !insideOffice(signals)) return null;
  const tried =
    load.tried && load.tried.length > 0
      ? load.tried
      : [load.mode === 'local' ? load.local : load.cdn];
  return {
    mode: load.mode,
    tried: tried.map((u) => absolute(u, pageUrl)),
    host: hostInfoOf(signals),
  };
}

function absolute(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

// ---------------------------------------------------------------------------------------------
// The two functions that read the page

type OfficeWindow = Window & {
  jixiaoOfficeJs?: OfficeJsLoad;
  Office?: unknown;
  agaveHost?: unknown;
  webkit?: { messageHandlers?: { Agave?: unknown } };
};

/** Reads the page's signals; never throws (storage and host objects may refuse access). */
export function readPageSignals(win: Window): PageSignals {
  const w = win as OfficeWindow;
  let sessionHostInfo: string | null = null;
  try {
    sessionHostInfo = w.sessionStorage?.getItem('hostInfoValue') ?? null;
  } catch {
    sessionHostInfo = null;
  }
  let webviewHost = false;
  try {
    const external = w.external as unknown as Record<string, unknown> | undefined;
    webviewHost =
      (external !== undefined && external !== null && 'GetHostInfo' in external) ||
      typeof w.agaveHost !== 'undefined' ||
      Boolean(w.webkit?.messageHandlers?.Agave);
  } catch {
    webviewHost = false;
  }
  let windowName = '';
  try {
    windowName = w.name ?? '';
  } catch {
    windowName = '';
  }
  return { search: w.location?.search ?? '', windowName, sessionHostInfo, webviewHost };
}

/** Longest wait for the cdn-then-local loader (its own timeout is a few seconds). */
const LOADER_WAIT_MS = 30_000;

/** Waits until the page's office.js loading has settled. */
function settled(w: OfficeWindow): Promise<void> {
  const load = w.jixiaoOfficeJs;
  if (!load || load.mode !== 'cdn-then-local' || load.status !== 'loading')
    return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      w.removeEventListener(OFFICE_JS_EVENT, done);
      resolve();
    };
    const timer = setTimeout(done, LOADER_WAIT_MS);
    w.addEventListener(OFFICE_JS_EVENT, done);
  });
}

/**
 * Called by the entry before the Office setup: waits for office.js to load (or fail) and returns
 * what to tell the user when the page is inside Office without it; null otherwise.
 */
export async function checkOfficeJs(win: Window = window): Promise<OfficeJsFailure | null> {
  const w = win as OfficeWindow;
  await settled(w);
  return officeJsFailure(
    readPageSignals(win),
    w.jixiaoOfficeJs,
    typeof w.Office !== 'undefined',
    w.location?.href ?? '',
  );
}
