/** Start-up: Office.onReady, the requirement-set check with its Chinese message, standalone outside Office. */
import { OfficeMockObject } from 'office-addin-mock';

// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose full entry point
// pulls in ESM-only packages that jest does not transform.
jest.mock('office-addin-manifest', () => jest.requireActual('office-addin-manifest/lib/officeApp'));
import { checkRequirements } from '../../src/office/requirements';
import { setupOffice } from '../../src/office/setupOffice';

type Global = { Office?: unknown };

function mockOffice(host: string, supported: (name: string, version?: string) => boolean): void {
  // office-addin-mock models Office.context (its scalars follow the load/sync rules of the Excel
  // object model, so the plain enums and onReady sit beside it).
  (globalThis as Global).Office = {
    HostType: { Excel: 'Excel', Word: 'Word' },
    context: new OfficeMockObject({ requirements: { isSetSupported: supported } }),
    onReady: async () => ({ host, platform: 'PC' }),
  };
}

afterEach(() => {
  delete (globalThis as Global).Office;
});

/** A host that supports ExcelApi 1.1 … 1.`max` (versions compare by their minor number: 1.9 < 1.13). */
const upTo =
  (max: number) =>
  (name: string, version?: string): boolean =>
    name === 'ExcelApi' && Number((version ?? '1.1').split('.')[1]) <= max;

describe('setupOffice', () => {
  it('outside Office: the standalone mode', async () => {
    expect(await setupOffice()).toEqual({ kind: 'standalone' });
  });

  it('in another Office application: the standalone mode', async () => {
    mockOffice('Word', upTo(17));
    expect((await setupOffice()).kind).toBe('standalone');
  });

  it('in an Excel older than ExcelApi 1.9: a Chinese message instead of a pane that fails later', async () => {
    mockOffice('Excel', upTo(8));
    const start = await setupOffice();
    expect(start.kind).toBe('unsupported');
    expect(start.kind === 'unsupported' && start.message).toMatch(/版本过旧.*1\.9/);
  });

  it('when Office never answers onReady: a Chinese message, not an endless spinner', async () => {
    (globalThis as Global).Office = {
      HostType: { Excel: 'Excel' },
      onReady: () => new Promise(() => undefined),
    };
    const start = await setupOffice(undefined, 50);
    expect(start.kind).toBe('unsupported');
    expect(start.kind === 'unsupported' && start.message).toMatch(/Excel 没有响应/);
  });

  it('in a current Excel: an office host', async () => {
    mockOffice('Excel', upTo(17));
    const start = await setupOffice();
    expect(start.kind).toBe('office');
    expect(start.kind === 'office' && start.host.kind).toBe('office');
    expect(start.kind === 'office' && start.host.syncCount).toBe(0);
  });

  it("passes Office's theme colours on, so the pane can follow a dark Office theme", async () => {
    (globalThis as Global).Office = {
      HostType: { Excel: 'Excel' },
      context: {
        requirements: { isSetSupported: upTo(17) },
        officeTheme: { bodyBackgroundColor: '#262626', bodyForegroundColor: '#ffffff' },
      },
      onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
    };
    const start = await setupOffice();
    expect(start.kind === 'office' && start.officeTheme).toEqual({
      bodyBackgroundColor: '#262626',
      bodyForegroundColor: '#ffffff',
    });
  });
});

describe('checkRequirements', () => {
  it('reads merged areas only from ExcelApi 1.13, triggerSource only from 1.14', () => {
    expect(checkRequirements({ isSetSupported: upTo(12) })).toEqual({
      ok: true,
      features: { mergedAreas: false, triggerSource: false },
    });
    expect(checkRequirements({ isSetSupported: upTo(13) })).toEqual({
      ok: true,
      features: { mergedAreas: true, triggerSource: false },
    });
    expect(checkRequirements({ isSetSupported: upTo(14) })).toEqual({
      ok: true,
      features: { mergedAreas: true, triggerSource: true },
    });
  });
});
