/**
 * Inside Office without office.js: the page waits for the loader, sees Office's host parameters
 * and shows a Chinese message saying what failed and what IT can do — never the standalone page.
 */
import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  checkOfficeJs,
  OFFICE_JS_EVENT,
  type OfficeJsFailure,
  type OfficeJsLoad,
} from '../../src/office/environment';
import { OfficeJsMissing } from '../../src/ui/components/OfficeJsMissing';
import { ThemeRoot } from '../../src/ui/components/PaneRoot';

// jsdom has no ResizeObserver; Fluent's MessageBar watches its own width with one.
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

type TestWindow = Window & { jixiaoOfficeJs?: OfficeJsLoad; Office?: unknown };
const w = window as TestWindow;
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

afterEach(() => {
  delete w.jixiaoOfficeJs;
  delete w.Office;
  window.history.replaceState(null, '', '/');
});

function openAt(url: string, load: OfficeJsLoad): void {
  window.history.replaceState(null, '', url);
  w.jixiaoOfficeJs = load;
}

describe('checkOfficeJs on the page', () => {
  it('inside Excel with the local copy unreachable: a failure naming the copy', async () => {
    openAt('/tools/jixiao/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0', {
      mode: 'local',
      cdn: CDN,
      local: 'office-js/office.js',
    });
    expect(await checkOfficeJs(window)).toEqual({
      mode: 'local',
      tried: [`${window.location.origin}/tools/jixiao/office-js/office.js`],
      host: { host: 'Excel', platform: 'Win32', version: '16.01', locale: 'zh-CN' },
    });
  });

  it('the same page in a plain browser: nothing to report, the standalone page follows', async () => {
    openAt('/tools/jixiao/taskpane.html', {
      mode: 'local',
      cdn: CDN,
      local: 'office-js/office.js',
    });
    expect(await checkOfficeJs(window)).toBeNull();
  });

  it('cdn-then-local: waits for the loader to settle before deciding', async () => {
    const load: OfficeJsLoad = {
      mode: 'cdn-then-local',
      cdn: CDN,
      local: 'office-js/office.js',
      timeoutMs: 3000,
      status: 'loading',
      tried: [CDN],
    };
    openAt('/taskpane.html?_host_Info=Excel$Web$16.00$zh-CN$$$$0', load);
    let result: OfficeJsFailure | null | undefined;
    const pending = checkOfficeJs(window).then((r) => (result = r));
    await new Promise((r) => setTimeout(r, 20));
    expect(result).toBeUndefined();
    load.tried?.push('office-js/office.js');
    load.status = 'failed';
    window.dispatchEvent(new Event(OFFICE_JS_EVENT));
    await pending;
    expect(result?.tried).toEqual([CDN, `${window.location.origin}/office-js/office.js`]);
  });

  it('cdn-then-local that loaded office.js: nothing to report', async () => {
    const load: OfficeJsLoad = {
      mode: 'cdn-then-local',
      cdn: CDN,
      local: 'office-js/office.js',
      status: 'loading',
      tried: [CDN],
    };
    openAt('/taskpane.html?_host_Info=Excel$Web$16.00$zh-CN$$$$0', load);
    const pending = checkOfficeJs(window);
    w.Office = {};
    load.status = 'loaded';
    window.dispatchEvent(new Event(OFFICE_JS_EVENT));
    expect(await pending).toBeNull();
  });
});

describe('OfficeJsMissing', () => {
  const failure: OfficeJsFailure = {
    mode: 'cdn-then-local',
    tried: [CDN, 'https://oa.example.gov.cn/jixiao/office-js/office.js'],
    host: { host: 'Excel', platform: 'Win32', version: '16.01', locale: 'zh-CN' },
  };

  it('says what failed, where, and what IT and the user can do, in Chinese', async () => {
    const onRetry = jest.fn();
    render(
      <ThemeRoot>
        <OfficeJsMissing failure={failure} onRetry={onRetry} />
      </ThemeRoot>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('无法加载 Office 脚本库');
    for (const url of failure.tried) expect(screen.getByText(url)).toBeInTheDocument();
    expect(screen.getByText(/Excel Win32 16\.01 zh-CN/)).toBeInTheDocument();
    expect(screen.getByText(/两处都没有加载成功/)).toBeInTheDocument();
    expect(screen.getByText(/verify-package\.mjs/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '独立模式' })).toHaveAttribute('href', 'index.html');
    expect(screen.getByRole('link', { name: '使用帮助' })).toHaveAttribute(
      'href',
      'help.html#trouble',
    );
    // not the standalone page (its 打开 .xlsx button)
    expect(screen.queryByRole('button', { name: /打开/ })).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: '重试' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('tells IT to bundle office.js when the page only tried the CDN', () => {
    render(
      <ThemeRoot>
        <OfficeJsMissing failure={{ mode: 'cdn', tried: [CDN], host: null }} />
      </ThemeRoot>,
    );
    expect(screen.getByText(/--office-js local/)).toBeInTheDocument();
    expect(screen.queryByText(/Excel Win32/)).toBeNull();
  });
});
