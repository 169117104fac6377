/**
 * The task pane entry. In Excel: the Office host from the setup layer and the pane. Opened in a
 * browser (no Office, or office.js failed to load): the standalone page, loaded as its own chunk.
 */
import { Spinner } from '@fluentui/react-components';
import { createRoot, type Root } from 'react-dom/client';
import { createApp, errorMessage } from '../app';
import { checkOfficeJs } from '../office/environment';
import { setupOffice, type OfficeStart } from '../office/setupOffice';
import { AppProvider, ThemeRoot } from './components/PaneRoot';
import { ErrorBar } from './components/ErrorBar';
import { OfficeJsMissing } from './components/OfficeJsMissing';
import { TaskPane } from './components/TaskPane';
import { downloadBytes } from './download';

/** The setup layer may pass Office's theme; read it when present. */

function message(root: Root, title: string, text: string): void {
  root.render(
    <ThemeRoot>
      <div style={{ padding: 16 }}>
        <ErrorBar title={title} message={text} />
      </div>
    </ThemeRoot>,
  );
}

async function main(root: Root): Promise<void> {
  root.render(
    <ThemeRoot>
      <div style={{ padding: 32 }}>
        <Spinner label="正在加载绩效目标表助手…" />
      </div>
    </ThemeRoot>,
  );
  // inside Office without office.js: say so instead of opening the standalone page
  const failure = await checkOfficeJs();
  if (failure)
    return root.render(
      <ThemeRoot>
        <OfficeJsMissing failure={failure} />
      </ThemeRoot>,
    );
  const start: OfficeStart = await setupOffice();
  if (start.kind === 'unsupported') return message(root, 'Excel 版本过旧', start.message);
  if (start.kind === 'office') {
    const app = createApp({ host: start.host, download: downloadBytes, source: '工作簿' });
    root.render(
      <ThemeRoot officeBackground={start.officeTheme?.bodyBackgroundColor}>
        <AppProvider app={app}>
          <TaskPane />
        </AppProvider>
      </ThemeRoot>,
    );
    // the reviewer's pass, then live checking as people type
    void app.startLive();
    return;
  }
  const { renderStandalone } = await import(/* webpackChunkName: "standalone" */ '../standalone');
  renderStandalone(root);
}

const el = document.getElementById('root');
if (el) {
  const root = createRoot(el);
  main(root).catch((e) => message(root, '无法启动', errorMessage(e, '启动')));
}
