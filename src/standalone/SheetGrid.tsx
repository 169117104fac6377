/**
 * The open worksheet as a virtualised grid: only the rows and columns in view are drawn, so every
 * row and column of any sheet can be reached (a 5,000-row sheet scrolls like a 50-row one). Values,
 * merged cells, the sheet's own fills and fonts, the add-in's highlights by severity and the
 * selected cell, which is scrolled into view whoever moved it. Arrow keys move the selection;
 * typing or F2 edits; Ctrl+V pastes; hovering a highlighted cell shows its messages.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type CSSProperties,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { columnName, SEVERITY_LABEL, toA1, type CellValue, type Finding } from '../engine';
import { HIGHLIGHT_STYLES } from '../host/highlights';
import type { CellLocation } from '../host';
import type { GridCellView, MemoryWorkbookHost } from '../adapters/memory';
import { windowCells } from './grid-cells';
import {
  columnOffsets,
  gridSize,
  HEADER_HEIGHT,
  MAX_SHEET_COLS,
  MAX_SHEET_ROWS,
  ROW_HEADER_WIDTH,
  ROW_HEIGHT,
  scrollToShow,
  visibleWindow,
  type Viewport,
} from './grid-layout';

/** The sheet is drawn as paper (as Excel draws it), in light and dark themes alike. */
const PAPER = '#ffffff';
const INK = '#1f1f1f';
const GRIDLINE = '#e1e1e1';

/** Column and row headings: the theme's chrome around the paper. */
const HEADING = {
  boxSizing: 'border-box',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  backgroundColor: tokens.colorNeutralBackground3,
  color: tokens.colorNeutralForeground2,
  fontFamily: tokens.fontFamilyBase,
  userSelect: 'none',
} as const;

const useStyles = makeStyles({
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: 'auto',
    backgroundColor: PAPER,
    position: 'relative',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  grid: { position: 'relative', fontSize: '12px', lineHeight: '16px', color: INK },
  headRow: {
    position: 'sticky',
    top: 0,
    zIndex: 3,
    height: `${HEADER_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  head: {
    ...HEADING,
    position: 'absolute',
    top: 0,
    height: `${HEADER_HEIGHT}px`,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  corner: { position: 'sticky', left: 0, zIndex: 4 },
  body: { position: 'relative' },
  row: { position: 'absolute', left: 0, height: `${ROW_HEIGHT}px` },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 2,
    ...HEADING,
    width: `${ROW_HEADER_WIDTH}px`,
    height: `${ROW_HEIGHT}px`,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  activeHead: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  cell: {
    position: 'absolute',
    top: 0,
    boxSizing: 'border-box',
    borderRight: `1px solid ${GRIDLINE}`,
    borderBottom: `1px solid ${GRIDLINE}`,
    padding: '2px 4px',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    cursor: 'cell',
    backgroundColor: PAPER,
    display: 'flex',
    alignItems: 'center',
  },
  text: { overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0, flexGrow: 1 },
  wrap: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', textOverflow: 'clip' },
  selected: {
    outline: `2px solid ${tokens.colorBrandBackground}`,
    outlineOffset: '-2px',
    zIndex: 1,
  },
  input: {
    width: '100%',
    boxSizing: 'border-box',
    border: 'none',
    outline: 'none',
    padding: 0,
    font: 'inherit',
    backgroundColor: PAPER,
    color: INK,
  },
});

const argb = (c: unknown): string | undefined => {
  const v = (c as { argb?: string } | undefined)?.argb;
  return typeof v === 'string' && v.length === 8 ? `#${v.slice(2)}` : undefined;
};

/** The sheet's own look of a cell, then the add-in's highlight over it. */
function cellLook(c: GridCellView): CSSProperties {
  const s = c.style;
  const css: CSSProperties = {};
  const fill = s?.fill as { type?: string; fgColor?: unknown } | undefined;
  if (fill?.type === 'pattern') css.backgroundColor = argb(fill.fgColor);
  if (s?.font?.bold) css.fontWeight = 700;
  const fc = argb(s?.font?.color);
  if (fc) css.color = fc;
  if (s?.font?.size && s.font.size >= 14) css.fontSize = '15px';
  const h = s?.alignment?.horizontal;
  css.justifyContent =
    h === 'center' || h === 'centerContinuous'
      ? 'center'
      : h === 'right' || (h === undefined && typeof c.value === 'number')
        ? 'flex-end'
        : 'flex-start';
  css.textAlign =
    css.justifyContent === 'center'
      ? 'center'
      : css.justifyContent === 'flex-end'
        ? 'right'
        : 'left';
  if (s?.alignment?.vertical === 'top') css.alignItems = 'flex-start';
  if (s?.border) {
    const b = s.border;
    if (b.right?.style) css.borderRight = '1px solid #7f7f7f';
    if (b.bottom?.style) css.borderBottom = '1px solid #7f7f7f';
    if (b.left?.style) css.borderLeft = '1px solid #7f7f7f';
    if (b.top?.style) css.borderTop = '1px solid #7f7f7f';
  }
  if (c.highlight) {
    const hl = HIGHLIGHT_STYLES[c.highlight];
    css.backgroundColor = hl.fill;
    css.color = hl.fontColor;
  }
  return css;
}

/** What a person types, as Excel stores it: numbers as numbers, nothing as empty. */
export function typedValue(text: string): CellValue {
  if (text.trim() === '') return null;
  if (/^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text.trim());
  return text;
}

/** Tab-separated text from the clipboard as rows of values. */
export function pastedRows(text: string): CellValue[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split('\t').map(typedValue));
}

/** A viewport when the browser reports no size (tests without layout). */
const FALLBACK = { width: 1000, height: 640 };

function useViewport(ref: RefObject<HTMLDivElement>): [Viewport, () => void] {
  const [v, setV] = useState<Viewport>({ scrollTop: 0, scrollLeft: 0, ...FALLBACK });
  const read = () => {
    const el = ref.current;
    if (!el) return;
    const next = {
      scrollTop: el.scrollTop,
      scrollLeft: el.scrollLeft,
      width: el.clientWidth || FALLBACK.width,
      height: el.clientHeight || FALLBACK.height,
    };
    setV((old) =>
      old.scrollTop === next.scrollTop &&
      old.scrollLeft === next.scrollLeft &&
      old.width === next.width &&
      old.height === next.height
        ? old
        : next,
    );
  };
  useLayoutEffect(() => {
    read();
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => read());
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [v, read];
}

export interface SheetGridProps {
  readonly host: MemoryWorkbookHost;
  readonly sheet: string;
  /** bumps on every host change */
  readonly version: number;
  /** the app's selection (the one source of truth) */
  readonly selection: CellLocation | null;
  readonly findings: ReadonlyArray<Finding>;
}

export function SheetGrid({ host, sheet, version, selection, findings }: SheetGridProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, readViewport] = useViewport(scroller);
  const [editing, setEditingState] = useState<{ address: string; text: string } | null>(null);
  const editingRef = useRef(editing);
  const setEditing = (e: { address: string; text: string } | null) => {
    editingRef.current = e;
    setEditingState(e);
  };
  const sel = selection && selection.sheet === sheet ? selection : null;

  // the sheet's size and column widths (a one-cell render gives them)
  const shape = useMemo(() => {
    const probe = host.renderSheet(sheet, { top: 0, left: 0, bottom: 0, right: 0 });
    if (!probe) return null;
    const size = gridSize({
      rows: Math.max(probe.rowCount, (sel?.row ?? 0) + 1),
      cols: Math.max(probe.colCount, (sel?.col ?? 0) + 1),
    });
    return { ...size, offsets: columnOffsets(size.cols, probe.columnWidths) };
    // `version` changes with every change of the workbook
  }, [host, sheet, version, sel?.row, sel?.col]);

  const window = shape ? visibleWindow(viewport, shape.offsets, shape.rows) : null;
  const drawn = useMemo(
    () => (window ? windowCells(host, sheet, window) : null),
    [host, sheet, version, window?.top, window?.left, window?.bottom, window?.right],
  );

  const messages = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const f of findings) {
      const k = `${f.row},${f.col}`;
      const list = m.get(k) ?? [];
      list.push(`${SEVERITY_LABEL[f.severity]}：${f.message}`);
      m.set(k, list);
    }
    return m;
  }, [findings]);

  // the selection comes into view whoever moved it (a click on a finding, the arrow keys)
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!sel || !el || !shape) return;
    const span = drawn?.cells.find((c) => c.row === sel.row && c.col === sel.col)?.span;
    const to = scrollToShow(
      {
        scrollTop: el.scrollTop,
        scrollLeft: el.scrollLeft,
        width: el.clientWidth || FALLBACK.width,
        height: el.clientHeight || FALLBACK.height,
      },
      shape.offsets,
      {
        top: sel.row,
        left: sel.col,
        bottom: sel.row + (span ? span.rows - 1 : 0),
        right: sel.col + (span ? span.cols - 1 : 0),
      },
    );
    if (!to) return;
    el.scrollTop = to.top;
    el.scrollLeft = to.left;
    readViewport();
    // only when the selection moves, so that people can scroll away from it
  }, [sheet, sel?.row, sel?.col, shape !== null]);

  useEffect(() => setEditing(null), [sheet]);

  if (!shape || !window || !drawn) return null;
  const { offsets } = shape;

  const textAt = (row: number, col: number): string =>
    host.renderSheet(sheet, { top: row, bottom: row, left: col, right: col })?.rows[0]?.[0]?.text ??
    '';

  const select = (row: number, col: number) =>
    host.userSelect(
      sheet,
      toA1({
        row: Math.min(Math.max(0, row), MAX_SHEET_ROWS - 1),
        col: Math.min(Math.max(0, col), MAX_SHEET_COLS - 1),
      }),
    );

  const beginEdit = (text?: string) => {
    if (!sel) return;
    setEditing({ address: toA1(sel), text: text ?? textAt(sel.row, sel.col) });
  };

  const commit = (dRow: number, dCol: number) => {
    const current = editingRef.current;
    if (!current) return;
    host.userEdit(sheet, current.address, typedValue(current.text));
    setEditing(null);
    if (sel) select(sel.row + dRow, sel.col + dCol);
    scroller.current?.focus();
  };

  const paste = (e: ClipboardEvent) => {
    if (editing || !sel) return;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!text) return;
    e.preventDefault();
    host.userPaste(sheet, toA1(sel), pastedRows(text));
  };

  const page = Math.max(1, Math.floor((viewport.height - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
  const keys: Record<string, (r: number, c: number, ctrl: boolean) => [number, number]> = {
    ArrowUp: (r, c, ctrl) => [ctrl ? 0 : r - 1, c],
    ArrowDown: (r, c, ctrl) => [ctrl ? Math.max(0, drawn.rowCount - 1) : r + 1, c],
    ArrowLeft: (r, c, ctrl) => [r, ctrl ? 0 : c - 1],
    ArrowRight: (r, c, ctrl) => [r, ctrl ? Math.max(0, drawn.colCount - 1) : c + 1],
    PageUp: (r, c) => [r - page, c],
    PageDown: (r, c) => [r + page, c],
    Home: (r, _c, ctrl) => [ctrl ? 0 : r, 0],
    End: (r, c, ctrl) =>
      ctrl ? [Math.max(0, drawn.rowCount - 1), Math.max(0, drawn.colCount - 1)] : [r, c],
  };

  const move = (e: KeyboardEvent) => {
    if (editing) return;
    if (sel && (e.key === 'F2' || e.key === 'Enter')) {
      e.preventDefault();
      if (e.key === 'F2') beginEdit();
      else select(sel.row + 1, sel.col);
      return;
    }
    if (sel && (e.key === 'Delete' || e.key === 'Backspace')) {
      e.preventDefault();
      if (e.key === 'Delete') host.userEdit(sheet, toA1(sel), null);
      else beginEdit('');
      return;
    }
    if (sel && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      beginEdit(e.key);
      return;
    }
    const step = keys[e.key];
    if (!step) return;
    e.preventDefault();
    const [row, col] = step(sel?.row ?? 0, sel?.col ?? 0, e.ctrlKey || e.metaKey);
    select(row, col);
  };

  // rows to draw: the window's, and the first rows of merged areas that start above it
  const byRow = new Map<number, GridCellView[]>();
  for (const c of drawn.cells) {
    const list = byRow.get(c.row);
    if (list) list.push(c);
    else byRow.set(c.row, [c]);
  }
  for (let r = window.top; r <= window.bottom; r++) if (!byRow.has(r)) byRow.set(r, []);
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const width = ROW_HEADER_WIDTH + offsets[offsets.length - 1];
  const columns: number[] = [];
  for (let c = window.left; c <= window.right; c++) columns.push(c);

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      tabIndex={0}
      role="region"
      aria-label={`工作表“${sheet}”：方向键移动，直接输入或按 F2 编辑，Enter 确认，Ctrl+V 粘贴`}
      onKeyDown={move}
      onPaste={paste}
      onScroll={readViewport}
    >
      <div
        className={styles.grid}
        role="grid"
        aria-label={`工作表 ${sheet}`}
        aria-readonly="false"
        aria-rowcount={shape.rows + 1}
        aria-colcount={shape.cols + 1}
        style={{ width }}
      >
        <div className={styles.headRow} role="row" aria-rowindex={1} style={{ width }}>
          <div
            className={`${styles.head} ${styles.corner}`}
            style={{ width: ROW_HEADER_WIDTH, position: 'sticky' }}
            aria-hidden="true"
          />
          {columns.map((c) => (
            <div
              key={c}
              role="columnheader"
              aria-colindex={c + 2}
              className={`${styles.head} ${sel?.col === c ? styles.activeHead : ''}`}
              style={{ left: ROW_HEADER_WIDTH + offsets[c], width: offsets[c + 1] - offsets[c] }}
            >
              {columnName(c)}
            </div>
          ))}
        </div>
        <div className={styles.body} style={{ height: shape.rows * ROW_HEIGHT, width }}>
          {rows.map((r) => (
            <div
              key={r}
              role="row"
              aria-rowindex={r + 2}
              className={styles.row}
              style={{ top: r * ROW_HEIGHT, width }}
            >
              <div
                role="rowheader"
                className={`${styles.rowHead} ${sel?.row === r ? styles.activeHead : ''}`}
              >
                {r + 1}
              </div>
              {(byRow.get(r) ?? []).map((c) => {
                const address = toA1(c);
                const isSel = sel !== null && sel.row === c.row && sel.col === c.col;
                const msgs = messages.get(`${c.row},${c.col}`);
                const cols = c.span?.cols ?? 1;
                const spanRows = c.span?.rows ?? 1;
                const right = Math.min(c.col + cols, offsets.length - 1);
                const wrap =
                  typeof c.value !== 'number' &&
                  (Boolean(c.style?.alignment?.wrapText) || spanRows > 1);
                return (
                  <div
                    key={c.col}
                    role="gridcell"
                    aria-colindex={c.col + 2}
                    aria-selected={isSel}
                    data-address={address}
                    data-highlight={c.highlight ?? undefined}
                    title={msgs ? `${address}\n${msgs.join('\n')}` : undefined}
                    className={`${styles.cell} ${wrap ? styles.wrap : ''} ${isSel ? styles.selected : ''}`}
                    style={{
                      left: ROW_HEADER_WIDTH + offsets[c.col],
                      width: offsets[right] - offsets[c.col],
                      height: spanRows * ROW_HEIGHT,
                      ...cellLook(c),
                    }}
                    onClick={() => {
                      if (editing?.address !== address) host.userSelect(sheet, address);
                    }}
                    onDoubleClick={() => {
                      host.userSelect(sheet, address);
                      setEditing({ address, text: c.text });
                    }}
                  >
                    {editing?.address === address ? (
                      <input
                        className={styles.input}
                        aria-label={`编辑单元格 ${address}`}
                        autoFocus
                        value={editing.text}
                        onChange={(e) => setEditing({ address, text: e.target.value })}
                        onBlur={() => commit(0, 0)}
                        onKeyDown={(e) => {
                          e.stopPropagation();
                          if (e.key === 'Enter') {
                            e.preventDefault();
                            commit(1, 0);
                          } else if (e.key === 'Tab') {
                            e.preventDefault();
                            commit(0, 1);
                          } else if (e.key === 'Escape') {
                            e.preventDefault();
                            setEditing(null);
                            scroller.current?.focus();
                          }
                        }}
                      />
                    ) : (
                      <span className={styles.text}>{c.text}</span>
                    )}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
