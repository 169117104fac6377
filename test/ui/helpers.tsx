/** Rendering the pane's components with an app over a memory workbook or a scripted fake host. */
import '@testing-library/jest-dom';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createApp, type App, type AppState } from '../../src/app';
import { MemoryWorkbookHost } from '../../src/adapters/memory';
import type { HostResult, WorkbookHost } from '../../src/host/types';
import { AppProvider, ThemeRoot } from '../../src/ui/components/PaneRoot';

// jsdom has no TextDecoder/TextEncoder (the in-memory host opens .xlsx files with them): Node's.
Object.assign(globalThis, {
  TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder,
  TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder,
});

// jsdom has no ResizeObserver; Fluent's MessageBar watches its own width with one.
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

export function renderWithApp(
  ui: ReactElement,
  options: { host?: WorkbookHost; state?: AppState; officeBackground?: string } = {},
): RenderResult & { app: App; host: WorkbookHost } {
  const host = options.host ?? MemoryWorkbookHost.create(['Sheet1']);
  const app = createApp({
    host,
    initialState: options.state,
    download: () => undefined,
    now: () => 0,
    source: '测试',
  });
  const result = render(
    <ThemeRoot officeBackground={options.officeBackground}>
      <AppProvider app={app}>{ui}</AppProvider>
    </ThemeRoot>,
  );
  return { ...result, app, host };
}

/** A promise that never settles: the host is "busy" for as long as the test looks. */
export function never<T>(): Promise<T> {
  return new Promise<T>(() => undefined);
}

/** A host whose methods are replaced one by one; everything else fails loudly. */
export function fakeHost(overrides: Partial<WorkbookHost>): WorkbookHost {
  const unexpected = (name: string) => async (): Promise<HostResult<never>> => ({
    ok: false,
    error: { code: 'unknown', message: `意外调用：${name}` },
  });
  return {
    kind: 'office',
    syncCount: 0,
    listSheets: unexpected('listSheets'),
    readSheet: unexpected('readSheet'),
    readSheets: unexpected('readSheets'),
    readRows: unexpected('readRows'),
    insertSheetFromSpec: unexpected('insertSheetFromSpec'),
    writeTable: unexpected('writeTable'),
    selectCell: unexpected('selectCell'),
    setCellValue: unexpected('setCellValue'),
    setCellValues: unexpected('setCellValues'),
    applyHighlights: unexpected('applyHighlights'),
    clearHighlights: unexpected('clearHighlights'),
    onChanged: unexpected('onChanged'),
    activeSelection: unexpected('activeSelection'),
    onSelectionChanged: unexpected('onSelectionChanged'),
    ...overrides,
  };
}

export { projectFormSheet } from '../helpers/project-form-sheet';
