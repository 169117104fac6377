/** React access to the application layer: the app in context, state slices, the colour scheme. */
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { App, AppState, FindingTexts } from '../app';
import type { Finding } from '../engine';
import type { CellLocation } from '../host/types';
import type { LiveState } from '../live';
import type { Remark, RemarksStatus } from '../review';

export const AppContext = createContext<App | null>(null);

export function useApp(): App {
  const app = useContext(AppContext);
  if (!app) throw new Error('AppContext missing');
  return app;
}

/** A slice of the state; `select` must return a part of the state, not a new object. */
export function useAppState<T>(select: (s: AppState) => T): T {
  const app = useApp();
  return useSyncExternalStore(app.store.subscribe, () => select(app.store.getState()));
}

/** Whether the browser prefers a dark scheme, following changes. */
export function usePrefersDark(): boolean {
  const query = '(prefers-color-scheme: dark)';
  const get = () => typeof window !== 'undefined' && !!window.matchMedia?.(query).matches;
  const [dark, setDark] = useState(get);
  useEffect(() => {
    const mq = window.matchMedia?.(query);
    if (!mq) return;
    const on = () => setDark(mq.matches);
    mq.addEventListener?.('change', on);
    return () => mq.removeEventListener?.('change', on);
  }, []);
  return dark;
}

/** The live checker's state (null until live mode starts). */
export function useLiveState(): LiveState | null {
  const app = useApp();
  return useSyncExternalStore(app.live.subscribe, app.live.getState);
}

/** The one selection (app state): what the pane, the grid and the remark target show. */
export function useSelection(): CellLocation | null {
  return useAppState((s) => s.selection.current);
}

/**
 * The cell texts of the findings shown (fix labels show the change only): reads those missing, and
 * re-renders when they arrive.
 */
export function useFindingTexts(findings: ReadonlyArray<Finding>): FindingTexts {
  const app = useApp();
  useSyncExternalStore(app.texts.subscribe, app.texts.getVersion);
  useEffect(() => app.loadTexts(findings), [app, findings]);
  return app.texts;
}

/** The reviewer's remarks. */
export function useRemarks(): ReadonlyArray<Remark> {
  const app = useApp();
  return useSyncExternalStore(app.live.subscribe, () => app.live.remarks.getState());
}

/** Where the remarks are kept and any problem reading or keeping them. */
export function useRemarksStatus(): RemarksStatus {
  const app = useApp();
  return useSyncExternalStore(app.live.subscribe, () => app.live.remarksStatus());
}
