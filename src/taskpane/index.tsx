/** The pane inside Excel: the app over the Office host, in Office's theme, then live checking. */
import type { Root } from 'react-dom/client';
import { createApp } from '../app';
import type { OfficeStart } from '../office/setupOffice';
import { AppProvider, ThemeRoot } from '../ui/components/PaneRoot';
import { TaskPane } from '../ui/components/TaskPane';
import { downloadBytes } from '../ui/download';

/** In Excel with a host ready: what the pane is given. */
export type OfficeReady = Extract<OfficeStart, { kind: 'office' }>;

export function renderTaskPane(root: Root, start: OfficeReady): void {
  const app = createApp({ host: start.host, download: downloadBytes, source: '工作簿' });
  root.render(
    <ThemeRoot officeBackground={start.officeTheme?.bodyBackgroundColor}>
      <AppProvider app={app}>
        <main style={{ height: '100%' }}>
          <TaskPane />
        </main>
      </AppProvider>
    </ThemeRoot>,
  );
  // the reviewer's pass, then live checking as people type
  void app.startLive();
}
