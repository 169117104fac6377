/**
 * The pane: the live summary, then four tabs (模板 / 检查 / 导出 / 审核) over a scrolling panel. It
 * sets no landmark of its own: the Excel pane puts it in `main`, the standalone page in an `aside`.
 */
import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { TAB_LABEL, type TabId } from '../labels';
import { CheckTab } from './CheckTab';
import { ExportTab } from './ExportTab';
import { LiveSummary } from './LivePanel';
import { EMPTY_DRAFT, RemarkDraftContext, ReviewTab, type RemarkDraft } from './ReviewTab';
import { TemplatesTab } from './TemplatesTab';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  tabs: {
    flexShrink: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  panel: {
    flexGrow: 1,
    minHeight: 0,
    overflowY: 'auto',
    overflowX: 'hidden',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
});

const TABS: ReadonlyArray<TabId> = ['templates', 'check', 'export', 'review'];

export interface TaskPaneProps {
  readonly initialTab?: TabId;
}

export function TaskPane({ initialTab = 'check' }: TaskPaneProps) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>(initialTab);
  // the remark being written outlives the 审核 tab's panel
  const draft = useState<RemarkDraft>(EMPTY_DRAFT);
  return (
    <div className={styles.root}>
      <LiveSummary />
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as TabId)}
        aria-label="绩效目标表助手"
      >
        {TABS.map((t) => (
          <Tab key={t} value={t} id={`tab-${t}`} aria-controls={`panel-${t}`}>
            {TAB_LABEL[t]}
          </Tab>
        ))}
      </TabList>
      <div
        className={styles.panel}
        role="tabpanel"
        id={`panel-${tab}`}
        aria-labelledby={`tab-${tab}`}
        tabIndex={-1}
      >
        {tab === 'templates' && <TemplatesTab />}
        {tab === 'check' && <CheckTab />}
        {tab === 'review' && (
          <RemarkDraftContext.Provider value={draft}>
            <ReviewTab />
          </RemarkDraftContext.Provider>
        )}
        {tab === 'export' && <ExportTab />}
      </div>
    </div>
  );
}
