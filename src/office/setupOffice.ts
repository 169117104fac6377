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

/** Resolves once Office is ready; never rejects. */
export async function setupOffice(options?: OfficeHostOptions): Promise<OfficeStart> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function')
    return { kind: 'standalone' };
  const info = await Office.onReady();
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
