/**
 * The standalone page: a toolbar (open an .xlsx, download the checked workbook), the workbook as
 * a grid with sheet tabs, and the task pane beside it (below it on a narrow screen). Everything
 * stays in the browser. The selection is the app's (one source of truth): the grid, the cell line
 * above it and the pane all show the same cell, whoever moved it.
 */
import {
  Badge,
  Button,
  Field,
  ProgressBar,
  Text,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { createApp, errorMessage, findingsInSelection, yieldToUi, type App } from '../app';
import { toA1 } from '../engine';
import { MemoryWorkbookHost } from '../adapters/memory';
import { ErrorBar } from '../ui/components/ErrorBar';
import { DownloadIcon, OpenIcon } from '../ui/components/icons';
import { AppProvider } from '../ui/components/PaneRoot';
import { TaskPane } from '../ui/components/TaskPane';
import { downloadBytes } from '../ui/download';
import { CellStatus } from './CellStatus';
import { baseName, openFile, progressText, type OpeningProgress } from './open';
import { SheetGrid } from './SheetGrid';
import { SheetTabs } from './SheetTabs';
import { Welcome } from './Welcome';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Below this width the pane goes under the grid and the toolbar keeps only icons. */
const NARROW = '@media (max-width: 760px)';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    [NARROW]: { height: 'auto', minHeight: '100vh' },
  },
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexShrink: 0,
    minWidth: 0,
    [NARROW]: { gap: tokens.spacingHorizontalS, padding: tokens.spacingHorizontalS },
  },
  brand: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexShrink: 0,
    minWidth: 0,
  },
  logo: { width: '24px', height: '24px', borderRadius: '4px', flexShrink: 0 },
  title: {
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
    whiteSpace: 'nowrap',
  },
  mode: { [NARROW]: { display: 'none' } },
  file: {
    flexGrow: 1,
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForeground2,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexShrink: 0 },
  /** a button's words, hidden on a narrow screen (the icon and its name stay) */
  words: { [NARROW]: { display: 'none' } },
  /** on a narrow screen a toolbar button is as small as its icon (Fluent's minimum is 96 px) */
  iconButton: {
    [NARROW]: {
      minWidth: 0,
      paddingLeft: tokens.spacingHorizontalSNudge,
      paddingRight: tokens.spacingHorizontalSNudge,
      '& .fui-Button__icon': { marginRight: 0 },
    },
  },
  body: {
    display: 'flex',
    flexGrow: 1,
    minHeight: 0,
    [NARROW]: { flexDirection: 'column' },
  },
  workbook: {
    display: 'flex',
    flexDirection: 'column',
    flexGrow: 1,
    minWidth: 0,
    position: 'relative',
    [NARROW]: { flexGrow: 0, height: '60vh', minHeight: '320px' },
  },
  pane: {
    width: '380px',
    flexShrink: 0,
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    display: 'flex',
    flexDirection: 'column',
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground2,
    [NARROW]: {
      width: 'auto',
      height: '90vh',
      borderLeft: 'none',
      borderTop: `1px solid ${tokens.colorNeutralStroke1}`,
    },
  },
  paneTitle: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  paneBody: { flexGrow: 1, minHeight: 0 },
  messages: { padding: tokens.spacingHorizontalM },
  busy: {
    margin: 'auto',
    width: 'min(420px, calc(100% - 32px))',
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  rowBar: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    padding: `2px ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexShrink: 0,
  },
});

interface Opened {
  readonly host: MemoryWorkbookHost;
  readonly app: App;
  readonly fileName: string | null;
}

function newWorkbook(host: MemoryWorkbookHost, fileName: string | null): Opened {
  const app = createApp({
    host,
    source: fileName ? baseName(fileName) : '工作簿',
    download: downloadBytes,
  });
  return { host, app, fileName };
}

export function StandaloneApp() {
  const styles = useStyles();
  const [book, setBook] = useState<Opened>(() =>
    newWorkbook(MemoryWorkbookHost.create(['Sheet1']), null),
  );
  const [loading, setLoading] = useState<{ name: string; progress: OpeningProgress | null } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const { host, app } = book;

  const version = useSyncExternalStore(
    useCallback((l: () => void) => host.subscribe(l), [host]),
    () => host.version,
  );
  const check = useSyncExternalStore(app.store.subscribe, () => app.store.getState().check);
  const selection = useSyncExternalStore(
    app.store.subscribe,
    () => app.store.getState().selection.current,
  );

  const [sheets, setSheets] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void host.listSheets().then((l) => {
      // hidden sheets stay hidden, as in Excel
      if (live && l.ok) setSheets(l.value.filter((x) => x.visible).map((x) => x.name));
    });
    return () => {
      live = false;
    };
  }, [host, version]);

  // the sheet shown is the selection's; the host's active sheet until there is one
  const active =
    selection && (sheets.length === 0 || sheets.includes(selection.sheet))
      ? selection.sheet
      : host.activeSheet;
  const sheetFindings = useMemo(
    () => check.sheets.find((s) => s.sheet === active)?.findings ?? [],
    [check.sheets, active],
  );
  const problems = useMemo(
    () =>
      new Map(
        check.sheets.map((s) => [s.sheet, s.findings.filter((f) => f.severity !== 'info').length]),
      ),
    [check.sheets],
  );
  const selected = selection && selection.sheet === active ? selection : null;
  const selectedText = useMemo(() => {
    if (!selected) return '';
    const v = host.renderSheet(active, {
      top: selected.row,
      bottom: selected.row,
      left: selected.col,
      right: selected.col,
    });
    return v?.rows[0]?.[0]?.text ?? '';
    // version: the value may have changed
  }, [host, active, selected, version]);

  const open = async (file: File) => {
    setError(null);
    setLoading({ name: file.name, progress: null });
    try {
      const opened = await openFile(file, async (progress) => {
        setLoading({ name: file.name, progress });
        // let the page paint the progress before the next sheet
        await yieldToUi();
      });
      const next = newWorkbook(opened, file.name);
      void book.app.stop();
      setBook(next);
      // A reviewer sees every problem the moment the workbook opens; then it is checked as people type.
      void next.app.startLive();
    } catch (e) {
      setError(errorMessage(e, '打开文件'));
    } finally {
      setLoading(null);
    }
  };

  const downloadChecked = async () => {
    setError(null);
    try {
      const bytes = await host.save();
      downloadBytes(bytes, `${baseName(book.fileName ?? '工作簿.xlsx')}-已检查.xlsx`, XLSX_MIME);
    } catch (e) {
      setError(errorMessage(e, '下载工作簿'));
    }
  };

  const pristine = book.fileName === null && sheets.length <= 1 && version === 0;

  return (
    <div
      className={styles.page}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const f = e.dataTransfer.files?.[0];
        if (f) void open(f);
      }}
    >
      <header className={styles.bar}>
        <div className={styles.brand}>
          <img className={styles.logo} src="assets/icon-32.png" alt="" />
          <h1 className={styles.title}>绩效目标表助手</h1>
          <Badge className={styles.mode} appearance="tint" color="brand" size="small">
            独立模式
          </Badge>
        </div>
        <Text className={styles.file} aria-live="polite">
          {book.fileName ?? '未打开工作簿'}
        </Text>
        <input
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="打开 Excel 工作簿"
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void open(f);
          }}
        />
        <div className={styles.actions}>
          <Tooltip content="打开 .xlsx 工作簿" relationship="label">
            <Button
              className={styles.iconButton}
              appearance="primary"
              icon={<OpenIcon />}
              disabled={loading !== null}
              onClick={() => input.current?.click()}
            >
              <span className={styles.words}>打开 .xlsx</span>
            </Button>
          </Tooltip>
          <Tooltip content="下载已检查的工作簿" relationship="label">
            <Button
              className={styles.iconButton}
              icon={<DownloadIcon />}
              disabled={pristine || loading !== null}
              onClick={() => void downloadChecked()}
            >
              <span className={styles.words}>下载已检查的工作簿</span>
            </Button>
          </Tooltip>
        </div>
      </header>
      {error && (
        <div className={styles.messages}>
          <ErrorBar title="无法打开文件" message={error} onDismiss={() => setError(null)} />
        </div>
      )}
      <div className={styles.body}>
        <main className={styles.workbook} aria-label="工作簿">
          {loading ? (
            <div className={styles.busy} role="status" aria-live="polite">
              <Field label={progressText(loading.name, loading.progress)} validationState="none">
                <ProgressBar
                  thickness="large"
                  value={
                    loading.progress?.phase === 'sheets' && loading.progress.total > 0
                      ? loading.progress.done / loading.progress.total
                      : undefined
                  }
                />
              </Field>
            </div>
          ) : pristine ? (
            <Welcome onOpen={() => input.current?.click()} />
          ) : (
            <>
              <CellStatus
                address={selected ? toA1(selected) : ''}
                text={selectedText}
                findings={findingsInSelection(check.sheets, selected)}
              />
              <div className={styles.rowBar} role="toolbar" aria-label="行操作">
                <Button
                  size="small"
                  disabled={!selected}
                  onClick={() => selected && host.userInsertRows(active, selected.row, 1)}
                >
                  插入行
                </Button>
                <Button
                  size="small"
                  disabled={!selected}
                  onClick={() => selected && host.userDeleteRows(active, selected.row, 1)}
                >
                  删除行
                </Button>
              </div>
              <SheetGrid
                key={active}
                host={host}
                sheet={active}
                version={version}
                selection={selected}
                findings={sheetFindings}
              />
              <SheetTabs
                sheets={sheets}
                active={active}
                problems={problems}
                onSelect={(s) => host.userSelect(s, 'A1')}
              />
            </>
          )}
        </main>
        <aside className={styles.pane} aria-label="任务窗格">
          <h2 className={styles.paneTitle}>检查与审核</h2>
          <div className={styles.paneBody}>
            <AppProvider app={app} key={book.fileName ?? ''}>
              <TaskPane />
            </AppProvider>
          </div>
        </aside>
      </div>
    </div>
  );
}
