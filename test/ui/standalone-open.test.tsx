/**
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// (exceljs, behind the memory workbook, needs Node's builds of its dependencies under jsdom)
/**
 * The standalone page opening a workbook: nothing to download on the empty start page, progress
 * sheet by sheet while the file is read, then the checked workbook.
 */
import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ThemeRoot } from '../../src/ui/components/PaneRoot';
import { StandaloneApp } from '../../src/standalone/StandaloneApp';
// TextDecoder and ResizeObserver for jsdom, as the pane's tests have them
import './helpers';

jest.setTimeout(240_000);

// jsdom 20 has no Blob.arrayBuffer: read it with its FileReader
Blob.prototype.arrayBuffer ??= function (this: Blob) {
  return new Promise<ArrayBuffer>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(this);
  });
};

const BY_SHEET = path.resolve(
  __dirname,
  '../../fixtures/seeds/tianjin-project-forms-by-sheet.xlsx',
);

describe('standalone page', () => {
  it('shows progress sheet by sheet while opening; download only once there is a workbook', async () => {
    const { container } = render(
      <ThemeRoot>
        <StandaloneApp />
      </ThemeRoot>,
    );
    const download = screen.getByRole('button', { name: '下载已检查的工作簿' });
    expect(download).toBeDisabled();

    // every progress line the page shows while opening
    const lines = new Set<string>();
    const observer = new MutationObserver(() => {
      for (const s of container.querySelectorAll('[role=status]'))
        if (s.textContent) lines.add(s.textContent);
    });
    observer.observe(container, { subtree: true, childList: true, characterData: true });
    const file = new File([readFileSync(BY_SHEET)], '天津.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    await userEvent.upload(screen.getByLabelText('打开 Excel 工作簿'), file);
    await screen.findByText(/^已检查 34 个工作表/, undefined, { timeout: 120_000 });
    observer.disconnect();

    const shown = [...lines];
    expect(shown.some((l) => l.includes('正在读取文件“天津.xlsx”'))).toBe(true);
    const sheets = shown.filter((l) => /正在读取第 \d+\/34 个工作表/.test(l));
    expect(sheets.length).toBeGreaterThan(1);
    expect(download).toBeEnabled();
  });
});
