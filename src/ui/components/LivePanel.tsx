/**
 * Live mode at the top of the pane: the summary (errors and warnings of the workbook and of the
 * active form, announced politely), 清除标记 / 显示标记, and the messages of the selected cell,
 * which follow the selection.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { activeFormAt, findingsInSelection } from '../../app';
import { ruleTitle, SEVERITY_LABEL } from '../../engine';
import { useApp, useAppState, useLiveState, useSelection } from '../hooks';
import { formGroupTitle } from './FindingList';
import { SEVERITY_COLOR, SeverityIcon } from './icons';

/** Findings listed for a selected area (the rest are counted). */
const MAX_SELECTED = 20;

const useStyles = makeStyles({
  root: {
    flexShrink: 0,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  line: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  grow: { flexGrow: 1, minWidth: 0 },
  num: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  muted: { color: tokens.colorNeutralForeground3 },
  cell: {
    display: 'grid',
    gap: '2px',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  address: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'grid', gap: '2px' },
});

function Count({ n, severity }: { n: number; severity: 'error' | 'warning' }) {
  const styles = useStyles();
  return (
    <span>
      <span className={styles.num} style={{ color: n > 0 ? SEVERITY_COLOR[severity] : undefined }}>
        {n}
      </span>{' '}
      个{SEVERITY_LABEL[severity]}
    </span>
  );
}

/** The workbook's and the active form's counts; null before live mode starts. */
export function LiveSummary() {
  const app = useApp();
  const state = useLiveState();
  const sheets = useAppState((s) => s.check.sheets);
  const selection = useSelection();
  const styles = useStyles();
  const active = useMemo(() => activeFormAt(sheets, selection), [sheets, selection]);
  if (!state) return null;
  const checking = state.phase === 'full-pass' && state.progress;
  const unread = state.problems.length;
  return (
    <section className={styles.root} aria-label="实时检查">
      <div className={styles.line}>
        <div className={styles.grow} role="status" aria-live="polite" data-testid="live-summary">
          {checking ? (
            <Text>
              正在检查 {state.progress!.done}/{state.progress!.total} 个工作表…
            </Text>
          ) : (
            <Text>
              <Text weight="semibold">工作簿：</Text>
              <Count n={state.counts.error} severity="error" />，
              <Count n={state.counts.warning} severity="warning" />
              {unread > 0 && <span className={styles.muted}>（{unread} 个工作表未能读取）</span>}
              {state.busy && <span className={styles.muted}>（正在更新）</span>}
            </Text>
          )}
        </div>
        {state.highlighting ? (
          <Button size="small" onClick={() => void app.live.clearHighlights()}>
            清除标记
          </Button>
        ) : (
          <Button size="small" onClick={() => void app.live.showHighlights()}>
            显示标记
          </Button>
        )}
      </div>
      <Text size={200} data-testid="live-form-summary">
        {active ? (
          <>
            <Text size={200} weight="semibold">
              当前表单：
            </Text>
            {formGroupTitle(active.form)}，
            <Count n={active.counts.error} severity="error" />，
            <Count n={active.counts.warning} severity="warning" />
          </>
        ) : (
          <span className={styles.muted}>选中的单元格不在绩效目标表内。</span>
        )}
      </Text>
      <SelectedCellPanel />
    </section>
  );
}

/** The messages of the selected cell (the pane follows the selection). */
export function SelectedCellPanel() {
  const styles = useStyles();
  const sheets = useAppState((s) => s.check.sheets);
  const sel = useSelection();
  const findings = useMemo(() => findingsInSelection(sheets, sel), [sheets, sel]);
  if (!sel) return null;
  const address = `${sel.sheet}!${sel.address}`;
  return (
    <div
      className={styles.cell}
      role="region"
      aria-label="选中单元格的问题"
      aria-live="polite"
      data-testid="selected-cell"
    >
      <Text size={200}>
        <span className={styles.address}>{address}</span>
        {findings.length === 0 && <span className={styles.muted}>：没有问题</span>}
      </Text>
      {findings.length > 0 && (
        <ul className={styles.list}>
          {findings.slice(0, MAX_SELECTED).map((f, i) => (
            <li key={`${f.rule}-${f.cell}-${i}`} data-rule={f.rule}>
              <Text size={200}>
                <SeverityIcon severity={f.severity} />{' '}
                <span style={{ color: SEVERITY_COLOR[f.severity], fontWeight: 600 }}>
                  {SEVERITY_LABEL[f.severity]}
                </span>
                ：{f.message}
                <span className={styles.muted}>（{ruleTitle(f.rule)}）</span>
              </Text>
            </li>
          ))}
        </ul>
      )}
      {findings.length > MAX_SELECTED && (
        <Text size={200} className={styles.muted}>
          另有 {findings.length - MAX_SELECTED} 个问题，请缩小选中范围。
        </Text>
      )}
    </div>
  );
}
