/**
 * The one entry of the web build (taskpane.html and index.html). It waits for the Office setup,
 * lets `pickMode` decide, and opens the task pane (in Excel), a message (Excel too old) or the
 * standalone page (a browser, or office.js missing outside Office), which loads as its own chunk.
 * Inside Office without office.js it says so (src/office/environment.ts) instead.
 */
import { Spinner } from '@fluentui/react-components';
import { createRoot, type Root } from 'react-dom/client';
import { errorMessage } from '../app';
import { checkOfficeJs } from '../office/environment';
import { setupOffice } from '../office/setupOffice';
import { renderTaskPane } from '../taskpane';
import { ErrorBar } from '../ui/components/ErrorBar';
import { OfficeJsMissing } from '../ui/components/OfficeJsMissing';
import { ThemeRoot } from '../ui/components/PaneRoot';
import { pickMode } from './mode';

function message(root: Root, title: string, text: string): void {
  root.render(
    <ThemeRoot>
      <div style={{ padding: 16 }}>
        <ErrorBar title={title} message={text} />
      </div>
    </ThemeRoot>,
  );
}

const loadStandalone = () => import(/* webpackChunkName: "standalone" */ '../standalone');

/**
 * index.html carries no office.js (taskpane.html always sets `window.jixiaoOfficeJs`): there the
 * standalone page is all but certain, so its chunk is fetched while Office is being ruled out
 * rather than after (the welcome card came one round trip later than it needed to).
 */
function standaloneEarly(): ReturnType<typeof loadStandalone> | null {
  const w = window as { jixiaoOfficeJs?: unknown; Office?: unknown };
  if (w.jixiaoOfficeJs !== undefined || w.Office !== undefined) return null;
  const early = loadStandalone();
  early.catch(() => undefined); // a pane after all: the failed fetch does not matter
  return early;
}

async function main(root: Root): Promise<void> {
  const early = standaloneEarly();
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
  const mode = pickMode(await setupOffice());
  if (mode.kind === 'pane') return renderTaskPane(root, mode.start);
  if (mode.kind === 'message') return message(root, mode.title, mode.text);
  const { renderStandalone } = await (early ?? loadStandalone());
  renderStandalone(root);
}

const el = document.getElementById('root');
if (el) {
  const root = createRoot(el);
  main(root).catch((e) => message(root, '无法启动', errorMessage(e, '启动')));
}
