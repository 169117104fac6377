/** The pane's providers: the app, the Fluent theme (Office's, else the browser's) and an error boundary. */
import { FluentProvider, makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { pickTheme, type App } from '../../app';
import { AppContext, usePrefersDark } from '../hooks';
import { THEMES } from '../theme';
import { ErrorBoundary } from './ErrorBoundary';

const useStyles = makeStyles({ root: { height: '100%' } });

export interface ThemeRootProps {
  /** Office's body background colour when in Office */
  readonly officeBackground?: string | null;
  readonly children: ReactNode;
}

export function ThemeRoot({ officeBackground, children }: ThemeRootProps) {
  const styles = useStyles();
  const dark = usePrefersDark();
  const theme = pickTheme(officeBackground, dark);
  return (
    <FluentProvider theme={THEMES[theme]} className={styles.root} data-theme={theme}>
      <ErrorBoundary>{children}</ErrorBoundary>
    </FluentProvider>
  );
}

export function AppProvider({ app, children }: { app: App; children: ReactNode }) {
  return <AppContext.Provider value={app}>{children}</AppContext.Provider>;
}
