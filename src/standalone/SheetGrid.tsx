/**
 * The open worksheet as a grid: values, merged cells, the sheet's own fills and fonts, the
 * add-in's highlights by severity, and the selected cell. Arrow keys move the selection; hovering
 * a highlighted cell shows its messages.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import { columnName, SEVERITY_LABEL, toA1, type CellValue, type Finding } from '../engine';
import { HIGHLIGHT_STYLES } from '../host/highlights';
import type { CellLocation } from '../host';
import type { GridCellView, MemoryWorkbookHost } from '../adapters/memory';

/** Rows and columns drawn at most (a reviewer's forms fit; the rest is said, not drawn). */
export const MAX_ROWS = 600;
export const MAX_COLS = 40;

const useStyles = makeStyles({
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: 'auto',
    backgroundColor: '#ffffff',
    position: 'relative',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    tableLayout: 'fixed',
    fontSize: '12px',
    lineHeight: '16px',
    color: '#1f1f1f',
    fontFamily: tokens.fontFamilyBase,
  },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: '#f3f3f3',
    color: '#444',
    fontWeight: 400,
    borderRight: '1px solid #d4d4d4',
    borderBottom: '1px solid #c2c2c2',
    height: '20px',
    textAlign: 'center',
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: '#f3f3f3',
    color: '#444',
    fontWeight: 400,
    borderRight: '1px solid #c2c2c2',
    borderBottom: '1px solid #d4d4d4',
    textAlign: 'center',
    minWidth: '40px',
  },
  corner: { left: 0, zIndex: 3 },
  activeHead: { backgroundColor: '#d2e5d9', color: '#0f5132', fontWeight: 600 },
  cell: {
    borderRight: '1px solid #e1e1e1',
    borderBottom: '1px solid #e1e1e1',
    padding: '2px 4px',
    overflow: 'hidden',
    verticalAlign: 'middle',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    cursor: 'cell',
    maxHeight: '80px',
  },
  wrap: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  /** long texts stay within a few lines, as in Excel's fixed row heights */
  clip: { maxHeight: '64px', overflow: 'hidden' },
  selected: {
    outline: '2px solid #107c41',
    outlineOffset: '-2px',
  },
  input: {
    width: '100%',
    boxSizing: 'border-box',
    border: 'none',
    outline: 'none',
    padding: 0,
    font: 'inherit',
    backgroundColor: '#ffffff',
    color: '#1f1f1f',
  },
  note: {
    padding: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground3,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

const argb = (c: unknown): string | undefined => {
  const v = (c as { argb?: string } | undefined)?.argb;
  return typeof v === 'string' && v.length === 8 ? `#${v.slice(2)}` : undefined;
};

function cellStyle(c: GridCellView, width: number | undefined): CSSProperties {
  const s = c.style;
  const css: CSSProperties = {};
  const fill = s?.fill as { type?: string; fgColor?: unknown } | undefined;
  if (fill?.type === 'pattern') css.backgroundColor = argb(fill.fgColor);
  if (s?.font?.bold) css.fontWeight = 700;
  const fc = argb(s?.font?.color);
  if (fc) css.color = fc;
  if (s?.font?.size && s.font.size >= 14) css.fontSize = '15px';
  const h = s?.alignment?.horizontal;
  css.textAlign =
    h === 'center' || h === 'centerContinuous'
      ? 'center'
      : h === 'right'
        ? 'right'
        : h === 'left'
          ? 'left'
          : typeof c.value === 'number'
            ? 'right'
            : 'left';
  const v = s?.alignment?.vertical;
  if (v === 'top') css.verticalAlign = 'top';
  if (s?.border) {
    const b = s.border;
    if (b.right?.style) css.borderRight = '1px solid #7f7f7f';
    if (b.bottom?.style) css.borderBottom = '1px solid #7f7f7f';
    if (b.left?.style) css.borderLeft = '1px solid #7f7f7f';
    if (b.top?.style) css.borderTop = '1px solid #7f7f7f';
  }
  if (c.highlight) {
    const h2 = HIGHLIGHT_STYLES[c.highlight];
    css.backgroundColor = h2.fill;
    css.color = h2.fontColor;
  }
  if (width) css.maxWidth = `${width}px`;
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

export interface SheetGridProps {
  readonly host: MemoryWorkbookHost;
  readonly sheet: string;
  /** bumps on every host change */
  readonly version: number;
  readonly selection: CellLocation | null;
  readonly findings: ReadonlyArray<Finding>;
}

export function SheetGrid({ host, sheet, version, selection, findings }: SheetGridProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [editing, setEditingState] = useState<{ address: string; text: string } | null>(null);
  const editingRef = useRef(editing);
  const setEditing = (e: { address: string; text: string } | null) => {
    editingRef.current = e;
    setEditingState(e);
  };
  const view = useMemo(() => {
    const full = host.renderSheet(sheet, { top: 0, left: 0, bottom: 0, right: 0 });
    if (!full) return null;
    const rows = Math.max(Math.min(full.rowCount, MAX_ROWS), 30);
    const cols = Math.max(Math.min(full.colCount, MAX_COLS), 12);
    return host.renderSheet(sheet, { top: 0, left: 0, bottom: rows - 1, right: cols - 1 });
    // `version` changes with every change of the workbook: render again
  }, [host, sheet, version]);

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

  const sel = selection && selection.sheet === sheet ? selection : null;

  useEffect(() => {
    if (!sel || !scroller.current) return;
    const td = scroller.current.querySelector<HTMLElement>(`[data-address="${toA1(sel)}"]`);
    td?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [sel?.row, sel?.col, sheet, view]);

  if (!view) return null;
  const widths = Array.from({ length: view.rows[0]?.length ?? 0 }, (_, i) => {
    const w = view.columnWidths[i];
    return w ? Math.round(Math.min(w, 60) * 7 + 8) : 72;
  });

  const textAt = (row: number, col: number): string =>
    host.renderSheet(sheet, { top: row, bottom: row, left: col, right: col })?.rows[0]?.[0]?.text ??
    '';

  const beginEdit = (text?: string) => {
    if (!sel) return;
    setEditing({ address: toA1(sel), text: text ?? textAt(sel.row, sel.col) });
  };

  const commit = (dRow: number, dCol: number) => {
    const current = editingRef.current;
    if (!current) return;
    host.userEdit(sheet, current.address, typedValue(current.text));
    setEditing(null);
    if (sel) host.userSelect(sheet, toA1({ row: sel.row + dRow, col: sel.col + dCol }));
    scroller.current?.focus();
  };

  const paste = (e: ClipboardEvent) => {
    if (editing || !sel) return;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!text) return;
    e.preventDefault();
    host.userPaste(sheet, toA1(sel), pastedRows(text));
  };

  const move = (e: KeyboardEvent) => {
    if (editing) return;
    if (sel && (e.key === 'F2' || e.key === 'Enter')) {
      e.preventDefault();
      if (e.key === 'F2') beginEdit();
      else host.userSelect(sheet, toA1({ row: sel.row + 1, col: sel.col }));
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
    const d: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const step = d[e.key];
    if (!step) return;
    e.preventDefault();
    const row = Math.max(0, (sel?.row ?? 0) + step[0]);
    const col = Math.max(0, (sel?.col ?? 0) + step[1]);
    host.userSelect(sheet, toA1({ row, col }));
  };

  const truncated = view.rowCount > MAX_ROWS || view.colCount > MAX_COLS;
  return (
    <div
      ref={scroller}
      className={styles.scroller}
      tabIndex={0}
      role="region"
      aria-label={`工作表“${sheet}”：方向键移动，直接输入或按 F2 编辑，Enter 确认，Ctrl+V 粘贴`}
      onKeyDown={move}
      onPaste={paste}
    >
      <table
        className={styles.table}
        role="grid"
        aria-label={`工作表 ${sheet}`}
        aria-readonly="false"
      >
        <colgroup>
          <col style={{ width: 40 }} />
          {widths.map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className={`${styles.head} ${styles.corner}`} aria-hidden="true" />
            {widths.map((_, i) => (
              <th
                key={i}
                scope="col"
                className={`${styles.head} ${sel?.col === i ? styles.activeHead : ''}`}
              >
                {columnName(i)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row, r) => (
            <tr key={r} style={{ height: 22 }}>
              <th
                scope="row"
                className={`${styles.rowHead} ${sel?.row === r ? styles.activeHead : ''}`}
              >
                {r + 1}
              </th>
              {row.map((c) => {
                if (c.covered) return null;
                const address = toA1(c);
                const isSel = sel !== null && sel.row === c.row && sel.col === c.col;
                const msgs = messages.get(`${c.row},${c.col}`);
                const wrap =
                  typeof c.value !== 'number' &&
                  (Boolean(c.style?.alignment?.wrapText) || c.span !== undefined);
                return (
                  <td
                    key={c.col}
                    role="gridcell"
                    data-address={address}
                    data-highlight={c.highlight ?? undefined}
                    aria-selected={isSel}
                    rowSpan={c.span?.rows}
                    colSpan={c.span?.cols}
                    title={msgs ? `${address}\n${msgs.join('\n')}` : undefined}
                    className={`${styles.cell} ${wrap ? styles.wrap : ''} ${isSel ? styles.selected : ''}`}
                    style={cellStyle(c, c.span ? undefined : widths[c.col])}
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
                    ) : wrap ? (
                      <div className={styles.clip}>{c.text}</div>
                    ) : (
                      c.text
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {truncated && (
        <div className={styles.note}>
          此工作表较大，仅显示前 {MAX_ROWS} 行、{MAX_COLS} 列；检查和导出包含全部内容。
        </div>
      )}
    </div>
  );
}
