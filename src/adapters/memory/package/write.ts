/**
 * A new worksheet part (a template, an export, 审核意见, a sheet a person added) from the in-memory
 * sheet: values and formulas, formats, merges, widths and heights, frozen panes, conditional
 * formats, validations, protection and print setup. Print area and title rows are workbook-level
 * defined names, returned for save.ts to add.
 */
import type ExcelJS from 'exceljs';
import { coalesce, HIGHLIGHT_STYLES, markerFormula } from '../../../host/highlights';
import { rangeToA1, type Range, type Severity } from '../../../engine';
import { sqref, type MemCell, type MemSheet } from '../model';
import { cellXml } from './cells';
import type { StylesWriter } from './styles';
import { escapeAttr, escapeText } from './xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The add-in's highlights of one severity on a sheet. */
export interface HighlightGroup {
  readonly severity: Severity;
  readonly ranges: ReadonlyArray<Range>;
}

export interface WrittenSheet {
  readonly xml: string;
  /** `A1:G40`, for `_xlnm.Print_Area` */
  readonly printArea?: string;
  /** `14:14`, for `_xlnm.Print_Titles` */
  readonly printTitleRows?: string;
  readonly hasFormulas: boolean;
}

/** One conditional-format rule as XML (expression rules, the only kind the add-in writes). */
export function ruleXml(
  rule: ExcelJS.ConditionalFormattingRule,
  styles: StylesWriter,
  p: string,
  fallbackPriority: number,
): string {
  const r = rule as ExcelJS.ExpressionRuleType;
  const dxf = r.style ? ` dxfId="${styles.dxf(r.style)}"` : '';
  const priority = r.priority ?? fallbackPriority;
  const formulas = (r.formulae ?? [])
    .map((f) => `<${p}formula>${escapeText(String(f).replace(/^=/, ''))}</${p}formula>`)
    .join('');
  return `<${p}cfRule type="${escapeAttr(r.type)}"${dxf} priority="${priority}">${formulas}</${p}cfRule>`;
}

function validationXml(dv: ExcelJS.DataValidation, ref: string): string {
  const a: string[] = [`type="${escapeAttr(dv.type)}"`];
  if (dv.errorStyle && dv.errorStyle !== 'stop')
    a.push(`errorStyle="${escapeAttr(dv.errorStyle)}"`);
  if (dv.operator && dv.type !== 'list') a.push(`operator="${escapeAttr(dv.operator)}"`);
  if (dv.allowBlank) a.push('allowBlank="1"');
  if (dv.showInputMessage) a.push('showInputMessage="1"');
  if (dv.showErrorMessage) a.push('showErrorMessage="1"');
  if (dv.errorTitle) a.push(`errorTitle="${escapeAttr(dv.errorTitle)}"`);
  if (dv.error) a.push(`error="${escapeAttr(dv.error)}"`);
  if (dv.promptTitle) a.push(`promptTitle="${escapeAttr(dv.promptTitle)}"`);
  if (dv.prompt) a.push(`prompt="${escapeAttr(dv.prompt)}"`);
  a.push(`sqref="${ref}"`);
  const f = (dv.formulae ?? [])
    .slice(0, 2)
    .map((x, i) => `<formula${i + 1}>${escapeText(String(x).replace(/^=/, ''))}</formula${i + 1}>`)
    .join('');
  return `<dataValidation ${a.join(' ')}>${f}</dataValidation>`;
}

/** The add-in's conditional format for one severity: a marked, always-true formula. */
export function highlightXml(h: HighlightGroup, styles: StylesWriter, p: string): string {
  const st = HIGHLIGHT_STYLES[h.severity];
  const dxf = styles.dxf({
    fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${st.fill.slice(1)}` } },
    font: { color: { argb: `FF${st.fontColor.slice(1)}` } },
  });
  const priority = h.severity === 'error' ? 1 : h.severity === 'warning' ? 2 : 3;
  return `<${p}conditionalFormatting sqref="${sqref(h.ranges)}"><${p}cfRule type="expression" dxfId="${dxf}" priority="${priority}"><${p}formula>${escapeText(markerFormula(h.severity).slice(1))}</${p}formula></${p}cfRule></${p}conditionalFormatting>`;
}

/** exceljs protection options are permissions; OOXML's attributes say what is locked. */
const LOCKED_BY_DEFAULT = [
  'formatCells',
  'formatColumns',
  'formatRows',
  'insertColumns',
  'insertRows',
  'insertHyperlinks',
  'deleteColumns',
  'deleteRows',
  'sort',
  'autoFilter',
  'pivotTables',
] as const;

function protectionXml(s: MemSheet, hash: (pw: string) => string): string {
  const pr = (s.protection ?? {}) as Record<string, unknown>;
  let a = typeof pr.password === 'string' && pr.password ? ` password="${hash(pr.password)}"` : '';
  a += ' sheet="1" objects="1" scenarios="1"';
  if (pr.selectLockedCells === false) a += ' selectLockedCells="1"';
  if (pr.selectUnlockedCells === false) a += ' selectUnlockedCells="1"';
  for (const k of LOCKED_BY_DEFAULT) if (pr[k] === true) a += ` ${k}="0"`;
  return `<sheetProtection${a}/>`;
}

function validations(s: MemSheet): string {
  const groups = new Map<ExcelJS.DataValidation, Array<{ row: number; col: number }>>();
  s.rows.forEach((row, r) =>
    row?.forEach((c, col) => {
      if (!c?.validation) return;
      const list = groups.get(c.validation) ?? [];
      list.push({ row: r, col });
      groups.set(c.validation, list);
    }),
  );
  if (groups.size === 0) return '';
  const items = [...groups].map(([dv, cells]) => validationXml(dv, sqref(coalesce(cells))));
  return `<dataValidations count="${items.length}">${items.join('')}</dataValidations>`;
}

function viewsXml(s: MemSheet): string {
  const v = s.views?.[0] ?? {};
  let attrs = ' workbookViewId="0"';
  if (v.showGridLines === false) attrs += ' showGridLines="0"';
  let pane = '';
  if (v.state === 'frozen' && ((v.ySplit ?? 0) > 0 || (v.xSplit ?? 0) > 0)) {
    const y = v.ySplit ?? 0;
    const x = v.xSplit ?? 0;
    const active = y > 0 && x > 0 ? 'bottomRight' : y > 0 ? 'bottomLeft' : 'topRight';
    pane = `<pane${x ? ` xSplit="${x}"` : ''}${y ? ` ySplit="${y}"` : ''} topLeftCell="${rangeToA1({ top: y, left: x, bottom: y, right: x })}" activePane="${active}" state="frozen"/>`;
  }
  return `<sheetViews><sheetView${attrs}>${pane}</sheetView></sheetViews>`;
}

function pageXml(s: MemSheet): { xml: string; fit: boolean } {
  const ps = s.pageSetup ?? {};
  let out = '';
  if (ps.horizontalCentered || ps.showGridLines)
    out += `<printOptions${ps.horizontalCentered ? ' horizontalCentered="1"' : ''}${ps.showGridLines ? ' gridLines="1"' : ''}/>`;
  const m = ps.margins ?? {
    left: 0.7,
    right: 0.7,
    top: 0.75,
    bottom: 0.75,
    header: 0.3,
    footer: 0.3,
  };
  out += `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  const a: string[] = [];
  if (ps.paperSize) a.push(`paperSize="${ps.paperSize}"`);
  if (ps.fitToPage) {
    a.push(`fitToWidth="${ps.fitToWidth ?? 1}"`);
    a.push(`fitToHeight="${ps.fitToHeight ?? 1}"`);
  }
  if (ps.orientation) a.push(`orientation="${ps.orientation}"`);
  if (a.length > 0) out += `<pageSetup ${a.join(' ')}/>`;
  return { xml: out, fit: Boolean(ps.fitToPage) };
}

/** The worksheet part of a new sheet. */
export function writeSheet(
  s: MemSheet,
  styles: StylesWriter,
  date1904: boolean,
  hash: (pw: string) => string,
  highlights: ReadonlyArray<HighlightGroup> = [],
): WrittenSheet {
  let hasFormulas = false;
  let used: Range | null = null;
  const rows: string[] = [];
  const height = Math.max(s.rows.length, s.rowHeights.length);
  for (let r = 0; r < height; r++) {
    const row = s.rows[r];
    let cells = '';
    row?.forEach((c: MemCell | undefined, col) => {
      if (!c) return;
      const x = cellXml({
        row: r,
        col,
        value: c.value,
        formula: c.formula,
        arrayRef: c.arrayRef,
        xf: c.style ? styles.xf(c.style) : (c.xf ?? 0),
        date1904,
      });
      if (!x) return;
      if (c.formula) hasFormulas = true;
      cells += x;
      used = used
        ? {
            top: Math.min(used.top, r),
            left: Math.min(used.left, col),
            bottom: Math.max(used.bottom, r),
            right: Math.max(used.right, col),
          }
        : { top: r, left: col, bottom: r, right: col };
    });
    const ht = s.rowHeights[r];
    const hidden = s.hiddenRows.has(r);
    if (!cells && ht === undefined && !hidden) continue;
    const attrs = `${ht !== undefined ? ` ht="${ht}" customHeight="1"` : ''}${hidden ? ' hidden="1"' : ''}`;
    rows.push(`<row r="${r + 1}"${attrs}>${cells}</row>`);
  }
  const cols = s.columnWidths
    .map((w, i) =>
      w === undefined
        ? ''
        : `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"${s.hiddenCols.includes(i) ? ' hidden="1"' : ''}/>`,
    )
    .join('');
  const merges = s.merges.map((m) => `<mergeCell ref="${rangeToA1(m)}"/>`).join('');
  const cfs =
    highlights.map((h) => highlightXml(h, styles, '')).join('') +
    s.conditionalFormats
      .map((cf, i) => {
        const rules = cf.rules.map((r, j) => ruleXml(r, styles, '', i * 10 + j + 1)).join('');
        return `<conditionalFormatting sqref="${sqref(cf.ranges)}">${rules}</conditionalFormatting>`;
      })
      .join('');
  const page = pageXml(s);
  const dim = used ? rangeToA1(used) : 'A1';
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    (page.fit ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    `<dimension ref="${dim}"/>` +
    viewsXml(s) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    (rows.length > 0 ? `<sheetData>${rows.join('')}</sheetData>` : '<sheetData/>') +
    (s.protected ? protectionXml(s, hash) : '') +
    (merges ? `<mergeCells count="${s.merges.length}">${merges}</mergeCells>` : '') +
    cfs +
    validations(s) +
    page.xml +
    '</worksheet>';
  const ps = s.pageSetup ?? {};
  return {
    xml,
    printArea: ps.printArea || undefined,
    printTitleRows: ps.printTitlesRow || undefined,
    hasFormulas,
  };
}
