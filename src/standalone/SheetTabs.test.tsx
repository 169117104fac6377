/**
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { SheetTabs } from './SheetTabs';

jest.setTimeout(240_000);

const SHEETS = Array.from({ length: 30 }, (_, i) => `项目支出绩效目标表${i + 1}`);

function setup(onSelect = jest.fn()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <SheetTabs
        sheets={SHEETS}
        active={SHEETS[0]}
        problems={new Map([[SHEETS[1], 22]])}
        onSelect={onSelect}
      />
    </FluentProvider>,
  );
  return onSelect;
}

describe('SheetTabs', () => {
  it('names each tab by its sheet, then its count, never run together', () => {
    setup();
    expect(screen.getAllByRole('tab')).toHaveLength(30);
    expect(screen.getByRole('tab', { name: '项目支出绩效目标表2，22 个问题' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: '项目支出绩效目标表1' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('reaches every sheet from the menu of all sheets', async () => {
    const onSelect = setup();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '全部工作表（30）' }));
    const items = await screen.findAllByRole('menuitemradio');
    expect(items).toHaveLength(30);
    await user.click(screen.getByRole('menuitemradio', { name: '项目支出绩效目标表30' }));
    expect(onSelect).toHaveBeenCalledWith('项目支出绩效目标表30');
  });
});
