/**
 * 审核: the reviewer's per-sheet summary, review remarks on the selected cell (a standard category
 * and free text), the list of remarks, and 导出审核意见 (a new 审核意见 sheet).
 */
import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { createContext, useContext, useState } from 'react';
import { errorMessage } from '../../app';
import { toA1 } from '../../engine';
import { REMARK_CATEGORIES, categoryLabel, summariseLive, type RemarkCategory } from '../../review';
import { useApp, useLiveState, useRemarks, useRemarksStatus, useSelection } from '../hooks';
import { ErrorBar } from './ErrorBar';
import { Section } from './Section';
import { SEVERITY_COLOR } from './icons';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalL, gridTemplateColumns: 'minmax(0, 1fr)' },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    padding: '4px 6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  td: { padding: '4px 6px', borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  muted: { color: tokens.colorNeutralForeground3 },
  form: { display: 'grid', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: {
    margin: 0,
    padding: 0,
    listStyle: 'none',
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: 'flex',
    alignItems: 'start',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  itemBody: { flexGrow: 1, minWidth: 0, display: 'grid' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

/** Forms, errors and warnings of every checked sheet. */
export function SheetSummaryList() {
  const styles = useStyles();
  const state = useLiveState();
  if (!state) return <Text className={styles.muted}>打开工作簿后自动检查所有工作表。</Text>;
  const rows = summariseLive(state);
  if (rows.length === 0) return <Text className={styles.muted}>尚未检查任何工作表。</Text>;
  return (
    <table className={styles.table} aria-label="各工作表检查结果">
      <thead>
        <tr>
          <th className={styles.th} scope="col">
            工作表
          </th>
          <th className={`${styles.th} ${styles.num}`} scope="col">
            表单
          </th>
          <th className={`${styles.th} ${styles.num}`} scope="col">
            错误
          </th>
          <th className={`${styles.th} ${styles.num}`} scope="col">
            警告
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.sheet} data-sheet={s.sheet}>
            <th className={styles.td} scope="row" style={{ fontWeight: 400 }}>
              {s.sheet}
            </th>
            <td className={`${styles.td} ${styles.num}`}>{s.forms}</td>
            <td
              className={`${styles.td} ${styles.num}`}
              style={{ color: s.errors ? SEVERITY_COLOR.error : undefined }}
            >
              {s.errors}
            </td>
            <td
              className={`${styles.td} ${styles.num}`}
              style={{ color: s.warnings ? SEVERITY_COLOR.warning : undefined }}
            >
              {s.warnings}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The remark being written: its category and text. */
export interface RemarkDraft {
  readonly category: RemarkCategory;
  readonly text: string;
}

export const EMPTY_DRAFT: RemarkDraft = { category: 'incomplete', text: '' };

type DraftState = readonly [RemarkDraft, (draft: RemarkDraft) => void];

/**
 * Where the pane keeps the remark being written while the 审核 tab is closed (TaskPane), so that a
 * look at another tab loses neither the chosen category nor the text.
 */
export const RemarkDraftContext = createContext<DraftState | null>(null);

function useRemarkDraft(): DraftState {
  const kept = useContext(RemarkDraftContext);
  const local = useState<RemarkDraft>(EMPTY_DRAFT);
  return kept ?? local;
}

/** A remark on the selected cell: category + free text → 添加. */
export function RemarkForm() {
  const app = useApp();
  const styles = useStyles();
  const sel = useSelection();
  const [draft, setDraft] = useRemarkDraft();
  const { category, text } = draft;
  const setCategory = (c: RemarkCategory) => setDraft({ ...draft, category: c });
  const setText = (t: string) => setDraft({ ...draft, text: t });
  const [error, setError] = useState<string | null>(null);
  const cell = sel ? toA1(sel) : '';
  const add = async () => {
    if (!sel) return;
    const r = await app.live.remarks.add({ sheet: sel.sheet, cell, category, text });
    if (!r.ok) setError(r.message);
    else {
      setError(null);
      setText('');
    }
  };
  return (
    <form
      className={styles.form}
      aria-label="添加审核意见"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <Text>
        单元格：
        <span className={styles.mono} data-testid="remark-cell">
          {sel ? `${sel.sheet}!${cell}` : '（请先选中单元格）'}
        </span>
      </Text>
      <Field label="类别">
        <Dropdown
          value={categoryLabel(category)}
          selectedOptions={[category]}
          onOptionSelect={(_, d) => d.optionValue && setCategory(d.optionValue as RemarkCategory)}
        >
          {REMARK_CATEGORIES.map((c) => (
            <Option key={c.id} value={c.id}>
              {c.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="意见内容">
        <Textarea
          value={text}
          resize="vertical"
          placeholder="例如：请补充数量指标的具体数值"
          onChange={(_, d) => setText(d.value)}
        />
      </Field>
      {error && <ErrorBar message={error} onDismiss={() => setError(null)} />}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={!sel}>
          添加审核意见
        </Button>
      </div>
    </form>
  );
}

/**
 * Whether the remarks are kept in the workbook: nothing while all is well, else a Chinese message
 * and what the reviewer can do: replace kept remarks that could not be read (only when asked), or
 * try a failed save again.
 */
export function RemarksStatusBar() {
  const app = useApp();
  const state = useRemarksStatus();
  const [busy, setBusy] = useState(false);
  if (state.loading)
    return <Spinner size="tiny" label="正在读取工作簿中保存的审核意见…" labelPosition="after" />;
  if (!state.message) return null;
  const act = async (run: () => Promise<void>) => {
    setBusy(true);
    try {
      await run();
    } finally {
      setBusy(false);
    }
  };
  return (
    <MessageBar intent={state.problem ? 'warning' : 'info'} layout="multiline">
      <MessageBarBody data-testid="remarks-status">{state.message}</MessageBarBody>
      {state.action && (
        <MessageBarActions>
          <Button
            size="small"
            disabled={busy}
            onClick={() =>
              void act(() =>
                state.action === 'replace'
                  ? app.live.remarks.replaceKept()
                  : app.live.remarks.retry(),
              )
            }
          >
            {state.action === 'replace' ? '用当前意见覆盖' : '重试'}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** The remarks so far, each with 删除. */
export function RemarkList() {
  const app = useApp();
  const styles = useStyles();
  const remarks = useRemarks();
  if (remarks.length === 0) return <Text className={styles.muted}>还没有审核意见。</Text>;
  return (
    <ul className={styles.list} aria-label="审核意见">
      {remarks.map((r) => (
        <li key={r.id} className={styles.item} data-remark={`${r.sheet}!${r.cell}`}>
          <div className={styles.itemBody}>
            <Text size={200}>
              <span className={styles.mono}>
                {r.sheet}!{r.cell}
              </span>{' '}
              <Text size={200} weight="semibold">
                {categoryLabel(r.category)}
              </Text>
            </Text>
            {r.text && <Text size={200}>{r.text}</Text>}
          </div>
          <Button
            size="small"
            appearance="subtle"
            aria-label={`删除 ${r.sheet}!${r.cell} 的审核意见`}
            onClick={() => void app.live.remarks.remove(r.id)}
          >
            删除
          </Button>
        </li>
      ))}
    </ul>
  );
}

export function ReviewTab() {
  const app = useApp();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const exportNow = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const r = await app.live.exportReview();
      setDone(`已写入工作表“${r.sheet}”（${r.rows} 行）。`);
    } catch (e) {
      setError(errorMessage(e, '导出审核意见'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={styles.root}>
      <Section title="各工作表">
        <SheetSummaryList />
      </Section>
      <Section title="审核意见">
        <RemarksStatusBar />
        <RemarkForm />
        <RemarkList />
      </Section>
      <Section title="导出">
        <div className={styles.row}>
          <Button disabled={busy} onClick={() => void exportNow()}>
            导出审核意见
          </Button>
        </div>
        <div role="status" aria-live="polite">
          {done && (
            <MessageBar intent="success">
              <MessageBarBody>{done}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        {error && <ErrorBar message={error} onDismiss={() => setError(null)} />}
      </Section>
    </div>
  );
}
