/** The workbook's sheet tabs, as in Excel, along the bottom of the grid. */
import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    flexShrink: 0,
    overflowX: 'auto',
    backgroundColor: tokens.colorNeutralBackground3,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  count: { color: tokens.colorPaletteRedForeground1, marginLeft: '4px' },
});

export interface SheetTabsProps {
  readonly sheets: ReadonlyArray<string>;
  readonly active: string;
  /** error and warning counts per sheet, when checked */
  readonly problems: ReadonlyMap<string, number>;
  readonly onSelect: (sheet: string) => void;
}

export function SheetTabs({ sheets, active, problems, onSelect }: SheetTabsProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <TabList
        size="small"
        selectedValue={active}
        onTabSelect={(_, d) => onSelect(String(d.value))}
        aria-label="工作表"
      >
        {sheets.map((s) => (
          <Tab key={s} value={s} data-sheet={s}>
            {s}
            {(problems.get(s) ?? 0) > 0 && (
              <span className={styles.count} aria-label={`${problems.get(s)} 个问题`}>
                {problems.get(s)}
              </span>
            )}
          </Tab>
        ))}
      </TabList>
    </div>
  );
}
