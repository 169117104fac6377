/** 检查: check the workbook or the active sheet, then browse, filter, fix and undo findings. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Severity } from '../../engine';
import {
  allFindings,
  countBySeverity,
  formCount,
  groupFindings,
  rulesPresent,
  ALL_SEVERITIES,
  type CheckState,
} from '../../app';
import { useApp, useAppState } from '../hooks';
import { ErrorBar } from './ErrorBar';
import { FindingFilters } from './FindingFilters';
import { FindingList } from './FindingList';
import { InspectSection } from './InspectSection';
import { CheckIcon, UndoIcon } from './icons';
import { ProgressPanel } from './ProgressPanel';
import { SeverityCounts } from './SeverityCounts';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalM, gridTemplateColumns: 'minmax(0, 1fr)' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  summary: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  muted: { color: tokens.colorNeutralForeground3 },
  empty: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    justifyItems: 'start',
    padding: `${tokens.spacingVerticalL} 0`,
    color: tokens.colorNeutralForeground2,
  },
});

/** What the last run did, in one sentence; '' while running or before the first run. */
export function resultText(state: CheckState, forms: number, findings: number): string {
  const unread = state.skipped.length > 0 ? `另有 ${state.skipped.length} 个工作表未能读取。` : '';
  if (state.status === 'done')
    return `已检查 ${state.sheets.length} 个工作表，找到 ${forms} 张表单，发现 ${findings} 个问题。${unread}`;
  if (state.status === 'cancelled') {
    const run = state.lastRun ?? { done: state.sheets.length, total: state.sheets.length };
    return `已检查 ${run.done} / ${run.total} 个工作表，已取消；已检查的部分发现 ${findings} 个问题。${unread}`;
  }
  return '';
}

export function CheckTab() {
  const app = useApp();
  const state = useAppState((s) => s.check);
  const styles = useStyles();
  const running = state.status === 'running';
  const findings = useMemo(() => allFindings(state), [state]);
  const counts = useMemo(() => countBySeverity(findings), [findings]);
  const rules = useMemo(() => rulesPresent(state.sheets), [state.sheets]);
  const groups = useMemo(
    () => groupFindings(state.sheets, state.filter),
    [state.sheets, state.filter],
  );
  const forms = formCount(state);
  const unread = state.sheets.flatMap((s) =>
    (s.unreadTitles ?? []).map((t) => ({ sheet: s.sheet, ...t })),
  );
  const lastUndo = state.undo[state.undo.length - 1];
  const filtered =
    state.filter.text.trim() !== '' ||
    state.filter.rule !== null ||
    state.filter.severities.length < ALL_SEVERITIES.length;

  const toggle = (s: Severity) => {
    const shown = state.filter.severities;
    app.setFilter({
      severities: shown.includes(s) ? shown.filter((x) => x !== s) : [...shown, s],
    });
  };

  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<CheckIcon />}
          disabled={running}
          onClick={() => void app.checkWorkbook()}
        >
          检查工作簿
        </Button>
        <Button disabled={running} onClick={() => void app.checkActiveSheet()}>
          检查当前工作表
        </Button>
      </div>
      {state.sheets.length > 0 && <InspectSection />}

      {running && (
        <ProgressPanel verb="正在检查" progress={state.progress} onCancel={app.cancelCheck} />
      )}
      {state.error && (
        <ErrorBar message={state.error} onDismiss={() => app.dismiss('check-error')} />
      )}
      {state.skipped.map((s) => (
        <MessageBar key={s.sheet} intent="warning" layout="multiline">
          <MessageBarBody>{s.message}</MessageBarBody>
        </MessageBar>
      ))}

      <div aria-live="polite" role="status" className={styles.muted}>
        {resultText(state, forms, findings.length)}
      </div>

      {state.notice && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{state.notice}</MessageBarBody>
          <MessageBarActions>
            {lastUndo && (
              <Button
                size="small"
                icon={<UndoIcon />}
                disabled={state.writing}
                onClick={() => void app.undo()}
              >
                撤销
              </Button>
            )}
            <Button
              size="small"
              appearance="transparent"
              onClick={() => app.dismiss('check-notice')}
            >
              关闭
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {state.status === 'idle' && state.sheets.length === 0 && (
        <div className={styles.empty}>
          <Text weight="semibold">尚未检查</Text>
          <Text>
            点击“检查工作簿”检查所有工作表，或只检查当前工作表。问题会在表格中以颜色标出。
          </Text>
        </div>
      )}

      {state.sheets.length > 0 && (
        <>
          <div className={styles.summary}>
            <SeverityCounts counts={counts} shown={state.filter.severities} onToggle={toggle} />
            {!state.notice && lastUndo && (
              <Button
                size="small"
                appearance="subtle"
                icon={<UndoIcon />}
                disabled={state.writing}
                title={lastUndo.label}
                onClick={() => void app.undo()}
              >
                撤销上次修正
              </Button>
            )}
          </div>
          {findings.length > 0 && (
            <FindingFilters
              filter={state.filter}
              rules={rules}
              busy={state.writing || running}
              onChange={app.setFilter}
              onFixRule={(rule) => void app.applyRule(rule)}
            />
          )}
        </>
      )}

      {unread.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody data-testid="unread-titles">
            {unread.map((t) => (
              <div key={`${t.sheet}!${t.cell}`}>
                {t.sheet}!{t.cell}“{t.text}
                ”：找到了标题，但未能读出这张表，其中的内容没有检查。请按标准格式填写表头。
              </div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {!running && state.status === 'done' && forms === 0 && unread.length === 0 && (
        <div className={styles.empty}>
          <Text weight="semibold">没有找到绩效目标表</Text>
          <Text>
            请确认工作表中有“项目支出绩效目标表”“部门整体支出绩效目标表”或项目汇总表的标题和表头；也可在“模板”页插入空白模板。
          </Text>
        </div>
      )}
      {!running &&
        forms > 0 &&
        findings.length === 0 &&
        state.skipped.length === 0 &&
        unread.length === 0 && (
          <MessageBar intent="success">
            <MessageBarBody>没有发现问题。</MessageBarBody>
          </MessageBar>
        )}
      {findings.length > 0 && groups.length === 0 && (
        <div className={styles.empty}>
          <Text>没有符合筛选条件的问题。</Text>
          {filtered && (
            <Button
              size="small"
              onClick={() => app.setFilter({ text: '', rule: null, severities: ALL_SEVERITIES })}
            >
              清除筛选
            </Button>
          )}
        </div>
      )}

      {groups.length > 0 && (
        <FindingList
          groups={groups}
          selected={state.selected}
          busy={state.writing || running}
          onGo={(f) => void app.goToFinding(f)}
          onApply={(f, i) => void app.applySuggestion(f, i)}
        />
      )}
    </div>
  );
}
