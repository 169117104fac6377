/** The pane's providers: the app, the Fluent theme (Office's, else the browser's) and an error boundary. */
import { FluentProvider } from '@fluentui/react-components';
import type { CSSProperties, ReactNode } from 'react';
import { pickTheme, type App } from '../../app';
import { AppContext, usePrefersDark } from '../hooks';
import { THEMES } from '../theme';
import { ErrorBoundary } from './ErrorBoundary';

/**
 * The provider fills the page. Its size is an inline style, not a class: Fluent copies the
 * provider's classes onto every popup's portal node (a full-width layer on top of the page), so a
 * `height: 100%` class there would make every dropdown, menu and tooltip cover the page.
 */
const FILL: CSSProperties = { height: '100%' };

export interface ThemeRootProps {
  /** Office's body background colour when in Office */
  readonly officeBackground?: string | null;
  readonly children: ReactNode;
}

export function ThemeRoot({ officeBackground, children }: ThemeRootProps) {
  const dark = usePrefersDark();
  const theme = pickTheme(officeBackground, dark);
  return (
    <FluentProvider theme={THEMES[theme]} style={FILL} data-theme={theme}>
      <ErrorBoundary>{children}</ErrorBoundary>
    </FluentProvider>
  );
}

export function AppProvider({ app, children }: { app: App; children: ReactNode }) {
  return <AppContext.Provider value={app}>{children}</AppContext.Provider>;
}
