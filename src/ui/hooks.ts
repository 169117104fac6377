/** React access to the application layer: the app in context, state slices, the colour scheme. */
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { App, AppState } from '../app';
import type { LiveState } from '../live';
import type { Remark } from '../review';

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

/** The reviewer's remarks. */
export function useRemarks(): ReadonlyArray<Remark> {
  const app = useApp();
  return useSyncExternalStore(app.live.subscribe, () => app.live.remarks.getState());
}
