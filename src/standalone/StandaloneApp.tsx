/**
 * The standalone page: a toolbar (open an .xlsx, download the checked workbook), the workbook as
 * a grid with sheet tabs, and the task pane beside it. Everything stays in the browser.
 */
import { Badge, Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { createApp, findingsAt, errorMessage, type App } from '../app';
import { toA1 } from '../engine';
import type { CellLocation } from '../host/types';
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

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: '#107c41',
    color: '#ffffff',
    flexShrink: 0,
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  logo: { width: '24px', height: '24px', borderRadius: '4px' },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  file: {
    flexGrow: 1,
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    opacity: 0.9,
  },
  barButton: {
    color: '#ffffff',
    ':hover': { color: '#ffffff', backgroundColor: 'rgba(255,255,255,0.15)' },
    ':hover:active': { color: '#ffffff', backgroundColor: 'rgba(255,255,255,0.25)' },
  },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  workbook: {
    display: 'flex',
    flexDirection: 'column',
    flexGrow: 1,
    minWidth: 0,
    position: 'relative',
  },
  pane: {
    width: '380px',
    flexShrink: 0,
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    display: 'flex',
    flexDirection: 'column',
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  paneTitle: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  paneBody: { flexGrow: 1, minHeight: 0 },
  messages: { padding: tokens.spacingHorizontalM },
  busy: { padding: tokens.spacingVerticalXXL },
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
  const [loading, setLoading] = useState<string | null>(null);
  const [progress, setProgress] = useState<OpeningProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const { host, app } = book;

  const version = useSyncExternalStore(
    useCallback((l: () => void) => host.subscribe(l), [host]),
    () => host.version,
  );
  const check = useSyncExternalStore(app.store.subscribe, () => app.store.getState().check);

  const [sheets, setSheets] = useState<string[]>([]);
  const [selection, setSelection] = useState<CellLocation | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([host.listSheets(), host.activeSelection()]).then(([l, s]) => {
      if (!live) return;
      // hidden sheets stay hidden, as in Excel
      if (l.ok) setSheets(l.value.filter((x) => x.visible).map((x) => x.name));
      setSelection(s.ok ? s.value : null);
    });
    return () => {
      live = false;
    };
  }, [host, version]);

  const active = host.activeSheet;
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
    setLoading(file.name);
    setProgress(null);
    try {
      // each step is painted before the work goes on
      const host = await openFile(file, async (p) => {
        setProgress(p);
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
      const next = newWorkbook(host, file.name);
      setBook(next);
      // A reviewer sees every problem the moment the workbook opens; then it is checked as people type.
      void book.app.live.stop();
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
          <Badge appearance="tint" color="informative" size="small">
            独立模式
          </Badge>
        </div>
        <Text className={styles.file} aria-live="polite">
          {book.fileName ?? '新建工作簿'}
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
        <Button
          appearance="subtle"
          className={styles.barButton}
          icon={<OpenIcon />}
          onClick={() => input.current?.click()}
        >
          打开 .xlsx
        </Button>
        <Button
          appearance="subtle"
          className={styles.barButton}
          icon={<DownloadIcon />}
          onClick={() => void downloadChecked()}
        >
          下载已检查的工作簿
        </Button>
      </header>
      {error && (
        <div className={styles.messages}>
          <ErrorBar title="无法打开文件" message={error} onDismiss={() => setError(null)} />
        </div>
      )}
      <div className={styles.body}>
        <div className={styles.workbook}>
          {loading ? (
            <div className={styles.busy}>
              <Spinner label={progressText(loading, progress)} />
            </div>
          ) : pristine ? (
            <Welcome onOpen={() => input.current?.click()} />
          ) : (
            <>
              <CellStatus
                address={selected ? toA1(selected) : ''}
                text={selectedText}
                findings={
                  selected ? findingsAt(check.sheets, active, selected.row, selected.col) : []
                }
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
                selection={selection}
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
        </div>
        <aside className={styles.pane} aria-label="任务窗格">
          <h2 className={styles.paneTitle}>绩效目标表助手</h2>
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
