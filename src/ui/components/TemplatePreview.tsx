/** A small picture of the template's top rows, drawn from its spec (labels, merges, fills). */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { fromA1, rangeFromA1, toA1 } from '../../engine';
import type { SheetSpec } from '../../templates';

const MAX_ROWS = 16;

const useStyles = makeStyles({
  frame: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: '#ffffff',
    overflow: 'hidden',
    maxHeight: '220px',
    boxShadow: tokens.shadow2,
    position: 'relative',
  },
  fade: {
    position: 'absolute',
    left: 0,
    right: 0,
    bottom: 0,
    height: '32px',
    backgroundImage: 'linear-gradient(rgba(255,255,255,0), #fff)',
  },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    tableLayout: 'fixed',
    fontSize: '7px',
    lineHeight: '10px',
    color: '#1f1f1f',
  },
  cell: {
    border: '0.5px solid #c8c8c8',
    padding: '1px 2px',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'clip',
    height: '11px',
  },
});

interface PreviewCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  bold: boolean;
  fill?: string;
  align?: 'left' | 'center' | 'right';
  size: number;
}

function layout(sheet: SheetSpec, rows: number, cols: number) {
  const grid: Array<Array<PreviewCell | null | undefined>> = Array.from({ length: rows }, () =>
    new Array(cols).fill(undefined),
  );
  for (const m of sheet.merges) {
    const r = rangeFromA1(m);
    if (!r || r.top >= rows) continue;
    for (let y = r.top; y <= Math.min(r.bottom, rows - 1); y++)
      for (let x = r.left; x <= Math.min(r.right, cols - 1); x++)
        grid[y][x] = y === r.top && x === r.left ? undefined : null;
  }
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of sheet.merges) {
    const r = rangeFromA1(m);
    if (!r || r.top >= rows || r.left >= cols) continue;
    spans.set(`${r.top},${r.left}`, {
      rowSpan: Math.min(r.bottom, rows - 1) - r.top + 1,
      colSpan: Math.min(r.right, cols - 1) - r.left + 1,
    });
  }
  const byAddress = new Map(sheet.cells.map((c) => [c.address, c]));
  for (let y = 0; y < rows; y++)
    for (let x = 0; x < cols; x++) {
      if (grid[y][x] === null) continue;
      const a = toA1({ row: y, col: x });
      const spec = byAddress.get(a);
      const style = spec ? sheet.styles[spec.style] : undefined;
      const span = spans.get(`${y},${x}`) ?? { rowSpan: 1, colSpan: 1 };
      grid[y][x] = {
        text: spec?.value !== undefined ? String(spec.value) : '',
        ...span,
        bold: style?.font.bold ?? false,
        fill: style?.fill ? `#${style.fill}` : undefined,
        align: style?.horizontal,
        size: style?.font.size ?? 11,
      };
    }
  return grid;
}

export interface TemplatePreviewProps {
  readonly sheet: SheetSpec;
  readonly title: string;
}

export function TemplatePreview({ sheet, title }: TemplatePreviewProps) {
  const styles = useStyles();
  const cols = Math.min(sheet.columnWidths.length || 8, 10);
  const lastRow = sheet.cells.reduce((m, c) => Math.max(m, fromA1(c.address)?.row ?? 0), 0) + 1;
  const rows = Math.min(lastRow, MAX_ROWS);
  const grid = useMemo(() => layout(sheet, rows, cols), [sheet, rows, cols]);
  const raw = sheet.columnWidths.slice(0, cols).map((w) => Math.max(3, w));
  const total = raw.reduce((a, b) => a + b, 0) || 1;
  const widths = raw.map((w) => (100 * w) / total);
  return (
    <div className={styles.frame} role="img" aria-label={`${title}预览`}>
      <table className={styles.table} aria-hidden="true">
        <colgroup>
          {widths.map((w, i) => (
            <col key={i} style={{ width: `${w.toFixed(2)}%` }} />
          ))}
        </colgroup>
        <tbody>
          {grid.map((row, y) => (
            <tr key={y}>
              {row.map((c, x) =>
                c ? (
                  <td
                    key={x}
                    className={styles.cell}
                    rowSpan={c.rowSpan}
                    colSpan={c.colSpan}
                    style={{
                      fontWeight: c.bold ? 700 : 400,
                      background: c.fill,
                      textAlign: c.align ?? 'left',
                      fontSize: c.size >= 14 ? '9px' : undefined,
                    }}
                  >
                    {c.text}
                  </td>
                ) : null,
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {lastRow > MAX_ROWS && <div className={styles.fade} />}
    </div>
  );
}
