/** The one decision of the entry: which page opens for each start-up case. */
import { pickMode } from '../../src/entry/mode';
import { MemoryWorkbookHost } from '../../src/adapters/memory';

describe('pickMode', () => {
  it('opens the task pane in Excel, with the host Office gave', () => {
    const host = MemoryWorkbookHost.create();
    const start = { kind: 'office', host, platform: 'PC' } as const;
    expect(pickMode(start)).toEqual({ kind: 'pane', start });
  });

  it('shows the requirement message in an Excel that is too old', () => {
    const mode = pickMode({ kind: 'unsupported', message: '需要 Excel 2019 或更高版本。' });
    expect(mode).toEqual({
      kind: 'message',
      title: 'Excel 版本过旧',
      text: '需要 Excel 2019 或更高版本。',
    });
  });

  it('opens the standalone page outside Office', () => {
    expect(pickMode({ kind: 'standalone' })).toEqual({ kind: 'standalone' });
  });
});
