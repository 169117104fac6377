/**
 * Which page the one entry opens, decided from what the Office setup reported. Kept pure and in one
 * place, so that every start-up case (in Excel, Excel too old, a plain browser) is one line here and
 * one test in test/entry/mode.test.ts. A new case (say, opened by Office but office.js failed to
 * load) adds what tells it apart to the input and one branch here.
 */
import type { OfficeStart } from '../office/setupOffice';
import type { OfficeReady } from '../taskpane';

export type StartMode =
  /** inside Excel: the task pane over the Office host */
  | { readonly kind: 'pane'; readonly start: OfficeReady }
  /** outside Office: the standalone page with an in-memory workbook */
  | { readonly kind: 'standalone' }
  /** inside Office but unable to run: a Chinese message instead of the pane */
  | { readonly kind: 'message'; readonly title: string; readonly text: string };

export function pickMode(start: OfficeStart): StartMode {
  switch (start.kind) {
    case 'office':
      return { kind: 'pane', start };
    case 'unsupported':
      return { kind: 'message', title: 'Excel 版本过旧', text: start.message };
    case 'standalone':
      return { kind: 'standalone' };
  }
}
