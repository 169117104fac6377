/**
 * The one file that touches `Office.onReady` and the `Excel`/`Office` globals at start-up: waits for
 * Office, checks the requirement sets and hands the pane a `WorkbookHost`. Outside Office (the
 * standalone mode) it says so, and the pane opens an in-memory workbook instead.
 */
import type { WorkbookHost } from '../host/types';
import { OfficeWorkbookHost, type OfficeHostOptions } from './host';
import { checkRequirements } from './requirements';
import type { ExcelRun } from './run';

export type OfficeStart =
  /** in Excel, with a host ready to use */
  | {
      readonly kind: 'office';
      readonly host: WorkbookHost;
      readonly platform: string;
      /** Office's theme colours (light or dark), where the host reports them */
      readonly officeTheme?: OfficeThemeColours;
    }
  /** in Excel, but too old: show `message` */
  | { readonly kind: 'unsupported'; readonly message: string }
  /** not in Office (a browser): the standalone mode */
  | { readonly kind: 'standalone' };

/** The colours of Office's current theme the pane follows (light or dark). */
export interface OfficeThemeColours {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
}

/** Office.context.officeTheme (Office theme API); undefined where the host does not report it. */
function officeTheme(): OfficeThemeColours | undefined {
  try {
    const t = Office.context.officeTheme;
    return t
      ? { bodyBackgroundColor: t.bodyBackgroundColor, bodyForegroundColor: t.bodyForegroundColor }
      : undefined;
  } catch {
    return undefined;
  }
}

/** How long Office may take to answer `onReady` before the pane says it does not. */
export const OFFICE_READY_TIMEOUT_MS = 20_000;

export const OFFICE_NOT_READY_MESSAGE =
  'Excel 没有响应：office.js 已加载，但 Excel 在 20 秒内没有完成加载项的初始化。请关闭任务窗格后重新打开；' +
  '若仍然如此，请重启 Excel，或请 IT 检查 Office 版本与加载项部署（见帮助页）。';

/** Resolves once Office is ready, or with a Chinese message when it never answers; never rejects. */
export async function setupOffice(
  options?: OfficeHostOptions,
  readyTimeoutMs = OFFICE_READY_TIMEOUT_MS,
): Promise<OfficeStart> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function')
    return { kind: 'standalone' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), readyTimeoutMs);
  });
  const info = await Promise.race([Office.onReady(), timeout]).finally(() => clearTimeout(timer));
  if (info === null) return { kind: 'unsupported', message: OFFICE_NOT_READY_MESSAGE };
  if (info.host !== Office.HostType.Excel) return { kind: 'standalone' };
  const check = checkRequirements(Office.context.requirements);
  if (!check.ok) return { kind: 'unsupported', message: check.message };
  const run: ExcelRun = (runOptions, batch) => Excel.run(runOptions, batch);
  return {
    kind: 'office',
    host: new OfficeWorkbookHost(run, check.features, options),
    platform: String(info.platform ?? ''),
    officeTheme: officeTheme(),
  };
}
