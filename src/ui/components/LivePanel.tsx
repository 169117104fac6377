/**
 * Live mode at the top of the pane: the summary (errors and warnings of the workbook and of the
 * active form, announced politely), 清除标记 / 显示标记, and the messages of the selected cell,
 * which follow the selection.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { FORM_KIND_LABEL, ruleTitle, SEVERITY_LABEL, toA1 } from '../../engine';
import type { LiveState } from '../../live';
import { useApp, useLiveState } from '../hooks';
import { SEVERITY_COLOR } from './SeverityCounts';

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
  const styles = useStyles();
  if (!state) return null;
  const form = state.activeForm;
  const checking = state.phase === 'full-pass' && state.progress;
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
        {form ? (
          <>
            <Text size={200} weight="semibold">
              当前表单：
            </Text>
            {form.name || form.title || FORM_KIND_LABEL[form.kind]}，
            <Count n={form.counts.error} severity="error" />，
            <Count n={form.counts.warning} severity="warning" />
          </>
        ) : (
          <span className={styles.muted}>选中的单元格不在绩效目标表内。</span>
        )}
      </Text>
      <SelectedCellPanel state={state} />
    </section>
  );
}

/** The messages of the selected cell (the pane follows the selection). */
export function SelectedCellPanel({ state }: { state: LiveState }) {
  const styles = useStyles();
  const sel = state.selection;
  if (!sel) return null;
  const address = `${sel.sheet}!${toA1(sel)}`;
  const findings = state.selectedFindings;
  return (
    <div
      className={styles.cell}
      role="region"
      aria-label={`选中单元格 ${address} 的问题`}
      aria-live="polite"
      data-testid="selected-cell"
    >
      <Text size={200}>
        <span className={styles.address}>{address}</span>
        {findings.length === 0 && <span className={styles.muted}>：没有问题</span>}
      </Text>
      {findings.length > 0 && (
        <ul className={styles.list}>
          {findings.map((f, i) => (
            <li key={`${f.rule}-${i}`} data-rule={f.rule}>
              <Text size={200}>
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
    </div>
  );
}
