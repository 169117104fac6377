/**
 * The workbook's sheet tabs along the bottom of the grid, as in Excel: a strip that scrolls
 * sideways (the active tab kept in view) and a menu of every sheet, so that the 300th sheet is as
 * easy to reach as the first. A sheet's count of errors and warnings sits beside its name.
 */
import {
  Badge,
  Menu,
  MenuButton,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';

const useStyles = makeStyles({
  root: {
    flexShrink: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  strip: {
    flexGrow: 1,
    minWidth: 0,
    overflowX: 'auto',
    overflowY: 'hidden',
    scrollbarWidth: 'thin',
  },
  tabs: { flexWrap: 'nowrap', width: 'max-content' },
  tab: { flexShrink: 0 },
  name: { whiteSpace: 'nowrap' },
  count: { marginLeft: tokens.spacingHorizontalXS },
  menu: { flexShrink: 0 },
  list: { maxHeight: '60vh', overflowY: 'auto' },
});

export interface SheetTabsProps {
  readonly sheets: ReadonlyArray<string>;
  readonly active: string;
  /** error and warning counts per sheet, when checked */
  readonly problems: ReadonlyMap<string, number>;
  readonly onSelect: (sheet: string) => void;
}

/** A tab's accessible name: its sheet, then its count, never run together (`表2，2 个问题`). */
export function sheetTabName(sheet: string, problems: number): string {
  return problems > 0 ? `${sheet}，${problems} 个问题` : sheet;
}

export function SheetTabs({ sheets, active, problems, onSelect }: SheetTabsProps) {
  const styles = useStyles();
  const strip = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const tabs = strip.current?.querySelectorAll<HTMLElement>('[data-sheet]') ?? [];
    const tab = [...tabs].find((t) => t.dataset.sheet === active);
    tab?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [active, sheets.length]);
  return (
    <div className={styles.root}>
      <div className={styles.strip} ref={strip}>
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={active}
          onTabSelect={(_, d) => onSelect(String(d.value))}
          aria-label="工作表"
        >
          {sheets.map((s) => {
            const n = problems.get(s) ?? 0;
            return (
              <Tab
                key={s}
                value={s}
                data-sheet={s}
                className={styles.tab}
                aria-label={sheetTabName(s, n)}
              >
                <span className={styles.name}>{s}</span>
                {n > 0 && (
                  <Badge
                    className={styles.count}
                    size="small"
                    appearance="tint"
                    color="danger"
                    aria-hidden="true"
                  >
                    {n}
                  </Badge>
                )}
              </Tab>
            );
          })}
        </TabList>
      </div>
      <Menu
        checkedValues={{ sheet: [active] }}
        onCheckedValueChange={(_, d) => d.checkedItems[0] && onSelect(d.checkedItems[0])}
      >
        <MenuTrigger disableButtonEnhancement>
          <MenuButton className={styles.menu} size="small" appearance="subtle">
            全部工作表（{sheets.length}）
          </MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList className={styles.list}>
            {sheets.map((s) => (
              <MenuItemRadio key={s} name="sheet" value={s}>
                {sheetTabName(s, problems.get(s) ?? 0)}
              </MenuItemRadio>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
    </div>
  );
}
