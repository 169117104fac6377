/**
 * 识别结果: a collapsible section showing how the active form was read — its kind, range and title,
 * each field with its cell, the indicator table's header with each column's role, the indicator
 * rows, and the rows read past with why. It is what `jixiao inspect` prints, for the form the
 * selection is in, so that a reviewer can tell a clean form from one that was not read. Addresses
 * are links that select their cell.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Link,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { activeFormAt, type InspectResult } from '../../app';
import {
  rangeToA1,
  type InspectedCell,
  type InspectedForm,
  type InspectedIndicator,
  type InspectedTable,
} from '../../engine';
import { useApp, useAppState, useSelection } from '../hooks';
import { InspectIcon } from './icons';

const useStyles = makeStyles({
  root: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  body: { display: 'grid', gap: tokens.spacingVerticalS, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, width: '100%' },
  th: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    padding: '2px 6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'nowrap',
  },
  td: {
    padding: '2px 6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: 'top',
    maxWidth: '160px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'grid', gap: '2px' },
  address: { fontFamily: tokens.fontFamilyMonospace },
  unread: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** A cell address that selects its cell, and the cell's text. */
function CellRef({ sheet, cell }: { sheet: string; cell: InspectedCell }) {
  const app = useApp();
  const styles = useStyles();
  if (!cell.cell) return <span className={styles.muted}>（无）</span>;
  const address = cell.cell;
  return (
    <span title={cell.text}>
      <Link
        className={styles.address}
        onClick={() => void app.selectCell(sheet, address)}
        aria-label={`选中 ${address}`}
      >
        {address}
      </Link>{' '}
      {cell.text || <span className={styles.muted}>（空）</span>}
    </span>
  );
}

const rowSpan = (top: number, bottom: number) =>
  top === bottom ? `第 ${top} 行` : `第 ${top}–${bottom} 行`;

function IndicatorRows({
  sheet,
  rows,
}: {
  sheet: string;
  rows: ReadonlyArray<InspectedIndicator>;
}) {
  const styles = useStyles();
  if (rows.length === 0) return null;
  return (
    <div className={styles.scroll}>
      <table className={styles.table} aria-label="读出的指标">
        <thead>
          <tr>
            {['行', '一级', '二级', '三级', '指标值'].map((h) => (
              <th key={h} className={styles.th} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.row}-${r.packedItem ?? 0}-${i}`}>
              <td className={styles.td}>
                {r.row}
                {r.packedItem ? `（${r.packedItem}）` : ''}
              </td>
              <td className={styles.td}>{r.level1.text}</td>
              <td className={styles.td}>{r.level2.text}</td>
              <td className={styles.td}>
                <CellRef sheet={sheet} cell={r.name} />
              </td>
              <td className={styles.td}>
                {r.values.map((v) => (
                  <div key={v.period}>
                    {r.values.length > 1 && `${v.periodLabel}：`}
                    <CellRef sheet={sheet} cell={v} />
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TableReading({ sheet, table }: { sheet: string; table: InspectedTable }) {
  const styles = useStyles();
  const read = table.status === 'read';
  return (
    <>
      <h4 className={styles.heading}>
        指标表：
        <span className={read ? undefined : styles.unread}>{table.statusLabel}</span>
        <Text size={200} className={styles.muted}>
          （{table.cell}）
        </Text>
      </h4>
      {table.header.length > 0 && (
        <div className={styles.scroll}>
          <table
            className={styles.table}
            aria-label={`表头（第 ${table.headerRows.join('、')} 行）`}
          >
            <thead>
              <tr>
                <th className={styles.th} scope="col">
                  表头（第 {table.headerRows.join('、')} 行）
                </th>
                <th className={styles.th} scope="col">
                  识别为
                </th>
              </tr>
            </thead>
            <tbody>
              {table.header.map((h) => (
                <tr key={h.cell}>
                  <td className={styles.td}>
                    <CellRef sheet={sheet} cell={h} />
                  </td>
                  <td className={`${styles.td} ${h.role ? '' : styles.muted}`}>{h.roleLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {table.missing.length > 0 && (
        <Text size={200} className={styles.unread}>
          缺少的列：{table.missing.join('、')}
        </Text>
      )}
      <IndicatorRows sheet={sheet} rows={table.rows} />
      {(table.skipped.length > 0 || table.end) && (
        <ul className={styles.list} aria-label="跳过的行">
          {table.skipped.map((s) => (
            <li key={`${s.top}-${s.bottom}`}>
              <Text size={200}>
                跳过{rowSpan(s.top, s.bottom)}：{s.reasonLabel}
              </Text>
            </li>
          ))}
          {table.end && (
            <li>
              <Text size={200}>
                结束于{rowSpan(table.end.top, table.end.bottom)}：{table.end.reasonLabel}
              </Text>
            </li>
          )}
        </ul>
      )}
    </>
  );
}

/** One form as read. */
export function InspectedFormView({ form }: { form: InspectedForm }) {
  const styles = useStyles();
  return (
    <div className={styles.body} data-testid="inspected-form">
      <Text size={200}>
        <Text size={200} weight="semibold">
          {form.kindLabel}
        </Text>
        ，{form.range}，单位：{form.unit}
      </Text>
      <Text size={200}>
        标题：
        {form.titleCell ? (
          <CellRef sheet={form.sheet} cell={{ cell: form.titleCell, text: form.title }} />
        ) : (
          <span className={styles.muted}>（无标题）</span>
        )}
      </Text>
      {form.fields.length > 0 && (
        <>
          <h4 className={styles.heading}>字段</h4>
          <ul className={styles.list} aria-label="字段">
            {form.fields.map((f) => (
              <li key={f.label}>
                <Text size={200}>
                  {f.label}：<CellRef sheet={form.sheet} cell={f} />
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
      {form.table && <TableReading sheet={form.sheet} table={form.table} />}
      {(form.projects ?? []).map((p) => (
        <div key={p.row} className={styles.body}>
          <h4 className={styles.heading}>
            项目（第 {p.row} 行）：{p.name.text || '（无名称）'}
          </h4>
          <Text size={200}>
            绩效指标：
            <CellRef sheet={form.sheet} cell={p.indicatorCell} />
            ，读出 {p.indicators.length} 项
          </Text>
          <IndicatorRows sheet={form.sheet} rows={p.indicators} />
        </div>
      ))}
      <Text size={200} weight="semibold">
        共读出 {form.indicatorCount} 个指标。
      </Text>
    </div>
  );
}

/** The section: collapsed until opened; then it follows the selection and re-reads after edits. */
export function InspectSection() {
  const app = useApp();
  const styles = useStyles();
  const sheets = useAppState((s) => s.check.sheets);
  const selection = useSelection();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<InspectResult | null>(null);
  const active = useMemo(() => activeFormAt(sheets, selection), [sheets, selection]);
  const sheetResult = sheets.find((s) => s.sheet === active?.sheet);
  const key = active ? `${active.sheet}|${active.form.index}|${rangeToA1(active.form.range)}` : '';
  useEffect(() => {
    if (!open) return;
    let live = true;
    setResult(null);
    void app.inspectActiveForm().then((r) => live && setResult(r));
    return () => {
      live = false;
    };
    // the sheet's result changes with every re-check of it
  }, [app, open, key, sheetResult]);
  return (
    <Accordion
      className={styles.root}
      collapsible
      openItems={open ? ['inspect'] : []}
      onToggle={(_, d) => setOpen(d.openItems.includes('inspect'))}
    >
      <AccordionItem value="inspect">
        <AccordionHeader icon={<InspectIcon />} size="small">
          识别结果（当前表单）
        </AccordionHeader>
        <AccordionPanel>
          {!key ? (
            <Text size={200} className={styles.muted}>
              选中绩效目标表中的单元格，这里显示这张表是怎样识别的。
            </Text>
          ) : result === null ? (
            <Spinner size="tiny" label="正在读取…" labelPosition="after" />
          ) : result.status === 'failed' ? (
            <Text size={200} className={styles.unread}>
              {result.message}
            </Text>
          ) : result.status === 'none' ? (
            <Text size={200} className={styles.muted}>
              选中的单元格不在绩效目标表内。
            </Text>
          ) : (
            <InspectedFormView form={result.form} />
          )}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
