/**
 * A loaded worksheet part patched with the session's changes, everything else copied as it was:
 * changed cells' `<c>` elements rewritten (with the types of cells.ts), the add-in's highlights
 * swapped, and, after rows were inserted or deleted, rows, cells and every reference of the part
 * moved as Excel moves them. An untouched part is never passed here (save.ts copies it).
 */
import { rangeFromA1, rangeToA1, toA1, type Range } from '../../../engine';
import {
  cellChanged,
  sqref,
  type MemCell,
  type MemConditionalFormat,
  type MemSheet,
} from '../model';
import { cellXml } from './cells';
import { shiftFormulaRows, shiftRow, shiftSpan, type RowShift } from './formula';
import type { StylesWriter } from './styles';
import { highlightXml, ruleXml, type HighlightGroup } from './write';
import {
  attr,
  children,
  elementEnd,
  escapeAttr,
  escapeText,
  findTag,
  nextTag,
  prefixOf,
  rootTag,
  setAttr,
  textOf,
  unescapeAttr,
  type Tag,
} from './xml';

export interface PatchContext {
  readonly styles: StylesWriter;
  readonly date1904: boolean;
  /** the sheet's highlights when they differ from the file's; null keeps the file's */
  readonly highlights: ReadonlyArray<HighlightGroup> | null;
}

export interface PatchResult {
  readonly xml: string;
  /** a formula was written, removed or moved (the calculation chain is then out of date) */
  readonly formulasChanged: boolean;
  /** a cell's value changed (formulas should be recalculated on opening) */
  readonly valuesChanged: boolean;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Elements after `conditionalFormatting` in the worksheet schema. */
const AFTER_CF = [
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];
const AFTER_PROTECTION = [
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  ...AFTER_CF,
];

export function patchSheet(xml: string, sheet: MemSheet, ctx: PatchContext): PatchResult {
  const shifts = sheet.source?.shifts ?? [];
  const shifted = shifts.length > 0;
  const root = rootTag(xml);
  const prefix = root ? prefixOf(xml, root) : '';
  const p = prefix ? `${prefix}:` : '';
  const edits: Edit[] = [];
  const own = (q: string | null) => q === null || q.toLowerCase() === sheet.name.toLowerCase();
  const moveFormula = (f: string) => shifts.reduce((text, s) => shiftFormulaRows(text, s, own), f);

  // --- which cells to write
  const dirty = new Map<number, Map<number, MemCell>>();
  let formulasChanged = false;
  let valuesChanged = false;
  const groups = new Set<string>();
  sheet.rows.forEach((row, r) =>
    row?.forEach((c, col) => {
      if (!c || !cellChanged(c)) return;
      if (c.shared !== undefined) groups.add(c.shared);
      if ((c.formula ?? '') !== (c.orig?.formula ?? '')) formulasChanged = true;
      if (c.value !== c.orig?.value) valuesChanged = true;
      put(dirty, r, col, c);
    }),
  );
  if (shifted || groups.size > 0) {
    // Shared formulas are written out on each cell once one of the group changes or moves.
    sheet.rows.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (!c) return;
        if (
          (c.shared !== undefined && (shifted || groups.has(c.shared))) ||
          (shifted && c.arrayRef)
        )
          put(dirty, r, col, c);
        if (shifted && c.formula) formulasChanged = true;
      }),
    );
  }
  const write = (row: number, col: number, c: MemCell): string =>
    cellXml({
      row,
      col,
      value: c.value,
      formula: c.formula,
      arrayRef: c.arrayRef,
      xf: c.style && c.style !== c.orig?.style ? ctx.styles.xf(c.style) : (c.xf ?? 0),
      date1904: ctx.date1904,
      prefix,
    });

  // --- sheetData
  const data = findTag(xml, 'sheetData');
  if (data && (dirty.size > 0 || shifted)) {
    const pending = [...dirty.keys()].sort((a, b) => a - b);
    let next = 0;
    const newRows = (before: number): string => {
      let out = '';
      while (next < pending.length && pending[next] < before) {
        const r = pending[next++];
        const cells = [...(dirty.get(r) ?? new Map<number, MemCell>()).entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([col, c]) => write(r, col, c))
          .join('');
        if (cells) out += `<${p}row r="${r + 1}">${cells}</${p}row>`;
      }
      return out;
    };
    let origRow = -1;
    const rows = data.empty ? [] : children(xml, data);
    for (const { tag, end } of rows) {
      if (tag.name !== 'row') continue;
      const r = Number(attr(xml, tag, 'r'));
      origRow = Number.isFinite(r) && r > 0 ? r - 1 : origRow + 1;
      const cur = shifted ? mapRow(origRow, shifts) : origRow;
      if (cur === null) {
        edits.push({ start: tag.start, end, text: '' });
        continue;
      }
      const before = newRows(cur);
      const mine = dirty.get(cur);
      if (mine) next = Math.max(next, pending.indexOf(cur) + 1);
      if (!mine && !shifted) {
        if (before) edits.push({ start: tag.start, end: tag.start, text: before });
        continue;
      }
      edits.push({
        start: tag.start,
        end,
        text: before + rewriteRow(xml, tag, cur, mine ?? new Map(), shifted, write, p),
      });
    }
    const rest = newRows(Infinity);
    if (rest) {
      if (data.empty)
        edits.push({
          start: data.start,
          end: data.end,
          text: `<${p}sheetData>${rest}</${p}sheetData>`,
        });
      else {
        const close = elementEnd(xml, data) - `</${p}sheetData>`.length;
        edits.push({ start: close, end: close, text: rest });
      }
    }
  }

  // --- dimension
  const dim = findTag(xml, 'dimension');
  if (dim && (dirty.size > 0 || shifted)) {
    const old = rangeFromA1((attr(xml, dim, 'ref') ?? 'A1').replace(/\$/g, ''));
    let r: Range | null = old;
    if (r && shifted) {
      let span: { top: number; bottom: number } | null = { top: r.top, bottom: r.bottom };
      for (const s of shifts) span = span && shiftSpan(span.top, span.bottom, s);
      r = span ? { ...r, ...span } : null;
    }
    for (const [row, cols] of dirty)
      for (const [col, c] of cols) {
        if (c.value === null && !c.formula) continue;
        r = r
          ? {
              top: Math.min(r.top, row),
              left: Math.min(r.left, col),
              bottom: Math.max(r.bottom, row),
              right: Math.max(r.right, col),
            }
          : { top: row, left: col, bottom: row, right: col };
      }
    const ref = r ? rangeToA1(r) : 'A1';
    if (!old || ref !== rangeToA1(old))
      edits.push({
        start: dim.start,
        end: dim.end,
        text: setAttr(xml.slice(dim.start, dim.end), 'ref', ref),
      });
  }

  // --- elements after sheetData
  const top = root ? children(xml, root) : [];
  const cfs = top.filter((c) => c.tag.name === 'conditionalFormatting');
  const ours = ctx.highlights !== null ? cfs.filter((c) => isOurs(xml, c.tag, c.end)) : [];
  const added = [
    ...(ctx.highlights ?? []).map((h) => highlightXml(h, ctx.styles, p)),
    ...sheet.conditionalFormats.map((cf, i) => userCfXml(cf, ctx.styles, p, i)),
  ];
  // The add-in's rules come first (priorities 1…); the others keep their order below them.
  const oursBefore = ours.reduce(
    (n, c) => n + (xml.slice(c.tag.start, c.end).match(/<(?:[\w.-]+:)?cfRule\b/g)?.length ?? 0),
    0,
  );
  let lift = ctx.highlights === null ? 0 : ctx.highlights.length - oursBefore;
  if (lift < 0) {
    const kept = cfs.filter((c) => !ours.includes(c)).map((c) => xml.slice(c.tag.start, c.end));
    const lowest = Math.min(
      ...kept.flatMap((t) => [...t.matchAll(/\spriority="(\d+)"/g)].map((m) => Number(m[1]))),
    );
    if (lowest + lift < 1) lift = 0;
  }
  for (const c of top) {
    const name = c.tag.name;
    if (name === 'conditionalFormatting') {
      if (ours.includes(c)) {
        edits.push({ start: c.tag.start, end: c.end, text: '' });
        continue;
      }
      let text: string | null = xml.slice(c.tag.start, c.end);
      if (lift !== 0)
        text = text.replace(
          /(<(?:[\w.-]+:)?cfRule\b[^>]*\spriority=")(\d+)"/g,
          (_m, head: string, n: string) => `${head}${Number(n) + lift}"`,
        );
      if (shifted) text = shiftElement(text, shifts, moveFormula);
      if (text === null || text !== xml.slice(c.tag.start, c.end))
        edits.push({ start: c.tag.start, end: c.end, text: text ?? '' });
    } else if (shifted && name === 'mergeCells') {
      const merges = sheet.merges.map((m) => `<${p}mergeCell ref="${rangeToA1(m)}"/>`).join('');
      edits.push({
        start: c.tag.start,
        end: c.end,
        text: merges
          ? `<${p}mergeCells count="${sheet.merges.length}">${merges}</${p}mergeCells>`
          : '',
      });
    } else if (
      shifted &&
      [
        'dataValidations',
        'hyperlinks',
        'autoFilter',
        'ignoredErrors',
        'protectedRanges',
        'rowBreaks',
      ].includes(name)
    ) {
      const text = shiftElement(xml.slice(c.tag.start, c.end), shifts, moveFormula);
      edits.push({ start: c.tag.start, end: c.end, text: text ?? '' });
    }
  }
  if (added.length > 0) {
    const at = insertionPoint(xml, root, top, AFTER_CF, cfs[0]?.tag);
    edits.push({ start: at, end: at, text: added.join('') });
  }

  // --- protection
  if (sheet.source?.protectionChanged) {
    const old = top.find((c) => c.tag.name === 'sheetProtection');
    const text = sheet.protected ? protectionXml(sheet, p) : '';
    if (old) edits.push({ start: old.tag.start, end: old.end, text });
    else if (text) {
      const at = insertionPoint(xml, root, top, AFTER_PROTECTION);
      edits.push({ start: at, end: at, text });
    }
  }

  return { xml: applyEdits(xml, edits), formulasChanged, valuesChanged };
}

function put(m: Map<number, Map<number, MemCell>>, row: number, col: number, c: MemCell): void {
  let cols = m.get(row);
  if (!cols) {
    cols = new Map();
    m.set(row, cols);
  }
  cols.set(col, c);
}

/** Where a loaded row is now; null when it was deleted. */
export function mapRow(row: number, shifts: ReadonlyArray<RowShift>): number | null {
  let r: number | null = row;
  for (const s of shifts) {
    if (r === null) return null;
    r = shiftRow(r, s);
  }
  return r;
}

function rewriteRow(
  xml: string,
  tag: Tag,
  row: number,
  cells: ReadonlyMap<number, MemCell>,
  shifted: boolean,
  write: (row: number, col: number, c: MemCell) => string,
  p: string,
): string {
  let start = xml.slice(tag.start, tag.end);
  if (shifted) start = setAttr(start, 'r', String(row + 1));
  const spans = /\sspans="(\d+):(\d+)"/.exec(start);
  if (spans && [...cells.keys()].some((c) => c + 1 < Number(spans[1]) || c + 1 > Number(spans[2])))
    start = setAttr(start, 'spans', null);
  const pending = [...cells.keys()].sort((a, b) => a - b);
  let next = 0;
  let out = '';
  let col = -1;
  const flush = (before: number) => {
    while (next < pending.length && pending[next] < before) {
      const c = pending[next++];
      out += write(row, c, cells.get(c) as MemCell);
    }
  };
  if (!tag.empty) {
    for (const child of children(xml, tag)) {
      if (child.tag.name !== 'c') {
        flush(Infinity);
        out += xml.slice(child.tag.start, child.end);
        continue;
      }
      const ref = attr(xml, child.tag, 'r');
      const at = ref ? rangeFromA1(ref) : null;
      col = at ? at.left : col + 1;
      flush(col);
      const mine = cells.get(col);
      if (mine) {
        next = Math.max(next, pending.indexOf(col) + 1);
        out += write(row, col, mine);
        continue;
      }
      const text = xml.slice(child.tag.start, child.end);
      out +=
        shifted || !ref
          ? setAttr(xml.slice(child.tag.start, child.tag.end), 'r', toA1({ row, col })) +
            text.slice(child.tag.end - child.tag.start)
          : text;
    }
  }
  flush(Infinity);
  const rowName = start.match(/^<([\w.:-]+)/)?.[1] ?? `${p}row`;
  if (out === '' && tag.empty) return start;
  return `${start.replace(/\s*\/>$/, '>')}${out}</${rowName}>`;
}

function isOurs(xml: string, tag: Tag, end: number): boolean {
  for (let t = nextTag(xml, tag.end); t && t.start < end; t = nextTag(xml, t.end)) {
    if (t.closing || t.name !== 'formula') continue;
    if (/N\(\s*"jixiao:(error|warning|info)"\s*\)/i.test(textOf(xml, t))) return true;
  }
  return false;
}

function userCfXml(cf: MemConditionalFormat, styles: StylesWriter, p: string, i: number): string {
  const rules = cf.rules.map((r, j) => ruleXml(r, styles, p, 100 + i * 10 + j)).join('');
  return `<${p}conditionalFormatting sqref="${sqref(cf.ranges)}">${rules}</${p}conditionalFormatting>`;
}

function protectionXml(sheet: MemSheet, p: string): string {
  const pr = sheet.protection ?? {};
  const hash = pr.password ? ` password="${legacyPasswordHash(pr.password)}"` : '';
  return `<${p}sheetProtection${hash} sheet="1" objects="1" scenarios="1"/>`;
}

/** Excel's legacy sheet-protection password hash (four hex digits). */
export function legacyPasswordHash(password: string): string {
  let hash = 0;
  const chars = [...password].map((c) => c.charCodeAt(0) & 0xff);
  for (let i = chars.length - 1; i >= 0; i--) {
    hash = ((hash >> 14) & 0x01) | ((hash << 1) & 0x7fff);
    hash ^= chars[i];
  }
  hash = ((hash >> 14) & 0x01) | ((hash << 1) & 0x7fff);
  hash ^= chars.length;
  hash ^= 0xce4b;
  return hash.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * An element with its range attributes (`sqref`, `ref`, row breaks) and formulas moved by the row
 * shifts; null when all of its ranges were deleted.
 */
function shiftElement(
  text: string,
  shifts: ReadonlyArray<RowShift>,
  moveFormula: (f: string) => string,
): string | null {
  let gone = false;
  let out = text.replace(/(\s(?:sqref|ref)=")([^"]*)"/g, (_m, head: string, value: string) => {
    const moved = shiftRanges(unescapeAttr(value), shifts);
    if (moved === '') gone = true;
    return `${head}${escapeAttr(moved)}"`;
  });
  if (gone && /^<(?:[\w.-]+:)?(conditionalFormatting|dataValidation|hyperlink)\b/.test(out))
    return null;
  // nested elements with no range left go (a validation inside dataValidations)
  out = out.replace(
    /<((?:[\w.-]+:)?(?:dataValidation|hyperlink|ignoredError|protectedRange))\b[^>]*\s(?:sqref|ref)=""[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g,
    '',
  );
  out = out.replace(
    /(<((?:[\w.-]+:)?(?:formula|formula1|formula2))>)([\s\S]*?)(<\/\2>)/g,
    (_m, open: string, _n: string, body: string, close: string) =>
      `${open}${escapeText(moveFormula(unescapeAttr(body)))}${close}`,
  );
  out = out.replace(/(<(?:[\w.-]+:)?brk\b[^>]*\sid=")(\d+)"/g, (m, head: string, id: string) => {
    const r = mapRow(Number(id), shifts);
    return r === null ? m : `${head}${r}"`;
  });
  return out;
}

/** A space-separated list of ranges moved by the shifts (deleted ones dropped). */
export function shiftRanges(list: string, shifts: ReadonlyArray<RowShift>): string {
  const out: string[] = [];
  for (const part of list.split(/\s+/)) {
    if (!part) continue;
    const r = rangeFromA1(part.replace(/\$/g, ''));
    if (!r) {
      out.push(part);
      continue;
    }
    let span: { top: number; bottom: number } | null = { top: r.top, bottom: r.bottom };
    for (const s of shifts) span = span && shiftSpan(span.top, span.bottom, s);
    if (span) out.push(rangeToA1({ ...r, ...span }));
  }
  return out.join(' ');
}

/** Before the first top-level element named in `after` (or `preferred`), else before the end. */
function insertionPoint(
  xml: string,
  root: Tag | null,
  top: ReadonlyArray<{ tag: Tag; end: number }>,
  after: ReadonlyArray<string>,
  preferred?: Tag,
): number {
  if (preferred) return preferred.start;
  const first = top.find((c) => after.includes(c.tag.name));
  if (first) return first.tag.start;
  if (root) {
    const end = elementEnd(xml, root);
    return xml.lastIndexOf('</', end - 1);
  }
  return xml.length;
}

function applyEdits(xml: string, edits: Edit[]): string {
  if (edits.length === 0) return xml;
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of edits) {
    if (e.start < at) continue;
    out += xml.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + xml.slice(at);
}
