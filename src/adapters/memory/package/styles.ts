/**
 * The workbook's styles part: read (cell formats as the grid shows them, in exceljs's style shape)
 * and extended (formats of new sheets and of the add-in's highlights appended, never an existing
 * one changed, so every cell keeps the index it had).
 */
import type ExcelJS from 'exceljs';
import type { CellStyle } from '../model';
import {
  attr,
  attrs,
  children,
  escapeAttr,
  findTag,
  nextTag,
  prefixOf,
  rootTag,
  setAttr,
  type Tag,
} from './xml';

type Color = Partial<ExcelJS.Color> & { indexed?: number; tint?: number };

const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  49: '@',
};

const num = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
};
const bool = (s: string | undefined, dflt = true): boolean =>
  s === undefined ? dflt : s === '1' || s === 'true';

function colorOf(xml: string, tag: Tag): Color | undefined {
  const a = attrs(xml, tag);
  const rgb = a.get('rgb');
  if (rgb) return { argb: rgb.length === 6 ? `FF${rgb}` : rgb };
  const theme = num(a.get('theme'));
  if (theme !== undefined) {
    const tint = num(a.get('tint'));
    return tint === undefined ? { theme } : { theme, tint };
  }
  const indexed = num(a.get('indexed'));
  return indexed === undefined ? undefined : { indexed };
}

function parseFont(xml: string, open: Tag): Partial<ExcelJS.Font> {
  const font: Record<string, unknown> = {};
  for (const { tag } of children(xml, open)) {
    const val = attr(xml, tag, 'val');
    switch (tag.name) {
      case 'b':
      case 'i':
      case 'strike':
        font[tag.name === 'b' ? 'bold' : tag.name === 'i' ? 'italic' : 'strike'] = bool(val);
        break;
      case 'u':
        font.underline = val === undefined ? true : val === 'none' ? false : val;
        break;
      case 'sz':
        font.size = num(val);
        break;
      case 'name':
        font.name = val;
        break;
      case 'color': {
        const c = colorOf(xml, tag);
        if (c) font.color = c;
        break;
      }
      default:
        break;
    }
  }
  return font as Partial<ExcelJS.Font>;
}

function parseFill(xml: string, open: Tag): ExcelJS.Fill | undefined {
  const pattern = findTag(xml, 'patternFill', open.end);
  if (!pattern || pattern.start > nextCloseOf(xml, open)) return undefined;
  const type = attr(xml, pattern, 'patternType') ?? 'none';
  const fill: Record<string, unknown> = { type: 'pattern', pattern: type };
  for (const { tag } of children(xml, pattern)) {
    const c = colorOf(xml, tag);
    if (c && (tag.name === 'fgColor' || tag.name === 'bgColor')) fill[tag.name] = c;
  }
  return fill as unknown as ExcelJS.Fill;
}

function nextCloseOf(xml: string, open: Tag): number {
  if (open.empty) return open.end;
  for (let t = nextTag(xml, open.end); t; t = nextTag(xml, t.end))
    if (t.closing && t.name === open.name) return t.start;
  return xml.length;
}

function parseBorder(xml: string, open: Tag): Partial<ExcelJS.Borders> | undefined {
  const border: Record<string, unknown> = {};
  for (const { tag } of children(xml, open)) {
    if (!['left', 'right', 'top', 'bottom'].includes(tag.name)) continue;
    const style = attr(xml, tag, 'style');
    if (!style || style === 'none') continue;
    const side: Record<string, unknown> = { style };
    const color = findTag(xml, 'color', tag.end);
    if (color && !tag.empty && color.start < nextCloseOf(xml, tag)) {
      const c = colorOf(xml, color);
      if (c) side.color = c;
    }
    border[tag.name] = side;
  }
  return Object.keys(border).length > 0 ? (border as Partial<ExcelJS.Borders>) : undefined;
}

/** One parsed collection of styles.xml: its tag and its children's start tags. */
interface Collection {
  readonly open: Tag;
  readonly items: ReadonlyArray<{ tag: Tag; end: number }>;
}

function collection(xml: string, name: string): Collection | null {
  const open = findTag(xml, name);
  return open ? { open, items: children(xml, open) } : null;
}

/** Cell formats of a workbook, by `s` index, parsed on first use. */
export class StyleTable {
  private readonly cache = new Map<number, CellStyle | undefined>();
  private parsed: {
    numFmts: Map<number, string>;
    fonts: Collection | null;
    fills: Collection | null;
    borders: Collection | null;
    xfs: Collection | null;
  } | null = null;

  constructor(private readonly xml: string | null) {}

  /** The format of style index `s` (undefined for the default format 0 and unknown indexes). */
  style(s: number): CellStyle | undefined {
    if (s <= 0 || !this.xml) return undefined;
    if (this.cache.has(s)) return this.cache.get(s);
    const st = this.build(s);
    this.cache.set(s, st);
    return st;
  }

  private tables() {
    if (this.parsed) return this.parsed;
    const xml = this.xml ?? '';
    const numFmts = new Map<number, string>();
    for (const { tag } of collection(xml, 'numFmts')?.items ?? []) {
      const id = num(attr(xml, tag, 'numFmtId'));
      const code = attr(xml, tag, 'formatCode');
      if (id !== undefined && code !== undefined) numFmts.set(id, code);
    }
    this.parsed = {
      numFmts,
      fonts: collection(xml, 'fonts'),
      fills: collection(xml, 'fills'),
      borders: collection(xml, 'borders'),
      xfs: collection(xml, 'cellXfs'),
    };
    return this.parsed;
  }

  private build(s: number): CellStyle | undefined {
    const xml = this.xml ?? '';
    const t = this.tables();
    const xf = t.xfs?.items[s];
    if (!xf) return undefined;
    const a = attrs(xml, xf.tag);
    const style: CellStyle = {};
    const numFmtId = num(a.get('numFmtId')) ?? 0;
    if (numFmtId > 0) {
      const code = t.numFmts.get(numFmtId) ?? BUILTIN_FORMATS[numFmtId];
      if (code) style.numFmt = code;
    }
    const font = t.fonts?.items[num(a.get('fontId')) ?? 0];
    if (font) style.font = parseFont(xml, font.tag);
    const fill = t.fills?.items[num(a.get('fillId')) ?? 0];
    if (fill) {
      const f = parseFill(xml, fill.tag);
      if (f && (f as ExcelJS.FillPattern).pattern !== 'none') style.fill = f;
    }
    const border = t.borders?.items[num(a.get('borderId')) ?? 0];
    if (border) {
      const b = parseBorder(xml, border.tag);
      if (b) style.border = b;
    }
    for (const { tag } of children(xml, xf.tag)) {
      const x = attrs(xml, tag);
      if (tag.name === 'alignment') {
        const al: Record<string, unknown> = {};
        const h = x.get('horizontal');
        const v = x.get('vertical');
        if (h) al.horizontal = h;
        if (v) al.vertical = v === 'center' ? 'middle' : v;
        if (x.has('wrapText')) al.wrapText = bool(x.get('wrapText'));
        if (x.has('indent')) al.indent = num(x.get('indent'));
        if (x.has('textRotation')) al.textRotation = num(x.get('textRotation'));
        if (x.has('shrinkToFit')) al.shrinkToFit = bool(x.get('shrinkToFit'));
        style.alignment = al as Partial<ExcelJS.Alignment>;
      } else if (tag.name === 'protection') {
        const p: Record<string, boolean> = {};
        if (x.has('locked')) p.locked = bool(x.get('locked'));
        if (x.has('hidden')) p.hidden = bool(x.get('hidden'));
        style.protection = p;
      }
    }
    return style;
  }
}

// ---------------------------------------------------------------------------------------------
// Writing formats

function colorXml(name: string, c: Color | undefined): string {
  if (!c) return '';
  if (c.argb) return `<${name} rgb="${escapeAttr(c.argb)}"/>`;
  if (c.theme !== undefined)
    return `<${name} theme="${c.theme}"${c.tint !== undefined ? ` tint="${c.tint}"` : ''}/>`;
  if (c.indexed !== undefined) return `<${name} indexed="${c.indexed}"/>`;
  return '';
}

function fontXml(f: Partial<ExcelJS.Font>, dxf: boolean): string {
  let out = '';
  if (f.bold) out += '<b/>';
  if (f.italic) out += '<i/>';
  if (f.strike) out += '<strike/>';
  if (f.underline)
    out += f.underline === true ? '<u/>' : `<u val="${escapeAttr(String(f.underline))}"/>`;
  if (!dxf && f.size) out += `<sz val="${f.size}"/>`;
  out += colorXml('color', f.color as Color | undefined);
  if (!dxf && f.name) out += `<name val="${escapeAttr(f.name)}"/>`;
  return `<font>${out}</font>`;
}

function fillXml(fill: ExcelJS.Fill, dxf: boolean): string {
  const p = fill as ExcelJS.FillPattern;
  if (p.type !== 'pattern') return '<fill><patternFill patternType="none"/></fill>';
  const fg = p.fgColor as Color | undefined;
  const bg = p.bgColor as Color | undefined;
  if (dxf) {
    // A conditional format's solid fill is its background colour.
    return `<fill><patternFill>${colorXml('bgColor', bg ?? fg)}</patternFill></fill>`;
  }
  return `<fill><patternFill patternType="${escapeAttr(p.pattern ?? 'solid')}">${colorXml('fgColor', fg)}${colorXml('bgColor', bg)}</patternFill></fill>`;
}

function borderXml(b: Partial<ExcelJS.Borders>): string {
  const side = (name: 'left' | 'right' | 'top' | 'bottom'): string => {
    const s = b[name];
    if (!s?.style) return `<${name}/>`;
    return `<${name} style="${escapeAttr(s.style)}">${colorXml('color', s.color as Color | undefined)}</${name}>`;
  };
  return `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`;
}

function alignmentXml(a: Partial<ExcelJS.Alignment>): string {
  let out = '';
  if (a.horizontal) out += ` horizontal="${escapeAttr(a.horizontal)}"`;
  if (a.vertical)
    out += ` vertical="${a.vertical === 'middle' ? 'center' : escapeAttr(a.vertical)}"`;
  if (a.textRotation !== undefined) out += ` textRotation="${a.textRotation}"`;
  if (a.wrapText) out += ' wrapText="1"';
  if (a.indent) out += ` indent="${a.indent}"`;
  if (a.shrinkToFit) out += ' shrinkToFit="1"';
  return out ? `<alignment${out}/>` : '';
}

/** A minimal styles part for a workbook made from nothing. */
export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';

/** Where each collection goes, in the order the schema requires. */
const ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

type Kind = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';

/** New formats appended to a styles part; `xml()` gives the part, or null when nothing was added. */
export class StylesWriter {
  private readonly base: string;
  private readonly counts = new Map<Kind, number>();
  private readonly added = new Map<Kind, string[]>();
  private readonly known = new Map<string, number>();
  private readonly existingDxfs = new Map<string, number>();
  private nextNumFmt = 164;

  constructor(xml: string | null) {
    this.base = xml ?? EMPTY_STYLES;
    for (const k of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs'] as Kind[]) {
      const c = collection(this.base, k);
      this.counts.set(k, c?.items.length ?? 0);
      if (k === 'numFmts')
        for (const { tag } of c?.items ?? [])
          this.nextNumFmt = Math.max(
            this.nextNumFmt,
            (num(attr(this.base, tag, 'numFmtId')) ?? 0) + 1,
          );
      if (k === 'dxfs')
        c?.items.forEach(({ tag, end }, i) => {
          const text = normaliseXml(this.base.slice(tag.start, end));
          if (!this.existingDxfs.has(text)) this.existingDxfs.set(text, i);
        });
    }
  }

  private add(kind: Kind, xml: string): number {
    const key = `${kind}:${xml}`;
    const seen = this.known.get(key);
    if (seen !== undefined) return seen;
    const list = this.added.get(kind) ?? [];
    this.added.set(kind, list);
    const index = (this.counts.get(kind) ?? 0) + list.length;
    list.push(xml);
    this.known.set(key, index);
    return index;
  }

  /** The `s` index of a cell format (a new one, or one added before by this writer). */
  xf(style: CellStyle | undefined): number {
    if (!style || Object.keys(style).length === 0) return 0;
    let numFmtId = 0;
    if (style.numFmt && style.numFmt !== 'General') {
      const builtin = Object.entries(BUILTIN_FORMATS).find(([, code]) => code === style.numFmt);
      if (builtin) numFmtId = Number(builtin[0]);
      else {
        const key = `numFmts-code:${style.numFmt}`;
        numFmtId = this.known.get(key) ?? this.nextNumFmt++;
        if (!this.known.has(key)) {
          this.known.set(key, numFmtId);
          this.add(
            'numFmts',
            `<numFmt numFmtId="${numFmtId}" formatCode="${escapeAttr(style.numFmt)}"/>`,
          );
        }
      }
    }
    const fontId = style.font ? this.add('fonts', fontXml(style.font, false)) : 0;
    const fillId = style.fill ? this.add('fills', fillXml(style.fill, false)) : 0;
    const borderId = style.border ? this.add('borders', borderXml(style.border)) : 0;
    const align = style.alignment ? alignmentXml(style.alignment) : '';
    const p = style.protection;
    const prot =
      p && (p.locked === false || p.hidden)
        ? `<protection${p.locked === false ? ' locked="0"' : ''}${p.hidden ? ' hidden="1"' : ''}/>`
        : '';
    const applies =
      (numFmtId ? ' applyNumberFormat="1"' : '') +
      (fontId ? ' applyFont="1"' : '') +
      (fillId ? ' applyFill="1"' : '') +
      (borderId ? ' applyBorder="1"' : '') +
      (align ? ' applyAlignment="1"' : '') +
      (prot ? ' applyProtection="1"' : '');
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    return this.add('cellXfs', align || prot ? `${head}>${align}${prot}</xf>` : `${head}/>`);
  }

  /** The `dxfId` of a conditional format's look; an identical one already in the part is reused. */
  dxf(style: CellStyle): number {
    const xml = `<dxf>${style.font ? fontXml(style.font, true) : ''}${style.fill ? fillXml(style.fill, true) : ''}</dxf>`;
    const existing = this.existingDxfs.get(normaliseXml(xml));
    if (existing !== undefined) return existing;
    return this.add('dxfs', xml);
  }

  /** The styles part with what was added, or null when nothing was. */
  xml(): string | null {
    if (this.added.size === 0) return null;
    let xml = this.base;
    // from the last collection in the schema's order to the first, so that offsets stay valid
    for (const kind of ['dxfs', 'cellXfs', 'borders', 'fills', 'fonts', 'numFmts'] as Kind[]) {
      const items = this.added.get(kind);
      if (!items || items.length === 0) continue;
      xml = appendTo(xml, kind, items, (this.counts.get(kind) ?? 0) + items.length);
    }
    return xml;
  }
}

function normaliseXml(s: string): string {
  return s.replace(/<(\/?)[A-Za-z_][\w.-]*:/g, '<$1').replace(/\s+/g, ' ');
}

function appendTo(xml: string, kind: Kind, items: string[], count: number): string {
  const open = findTag(xml, kind);
  const root = rootTag(xml);
  const prefix = open ? prefixOf(xml, open) : root ? prefixOf(xml, root) : '';
  const p = prefix ? `${prefix}:` : '';
  const body = (
    prefix ? items.map((i) => i.replace(/<(\/?)(?=[A-Za-z])/g, `<$1${p}`)) : items
  ).join('');
  if (open) {
    const startTag = setAttr(xml.slice(open.start, open.end), 'count', String(count));
    if (open.empty) {
      const opened = `${startTag.slice(0, -2)}>${body}</${p}${kind}>`;
      return xml.slice(0, open.start) + opened + xml.slice(open.end);
    }
    let close = open.end;
    for (let t = nextTag(xml, open.end); t; t = nextTag(xml, t.end)) {
      if (t.closing && t.name === kind) {
        close = t.start;
        break;
      }
    }
    return (
      xml.slice(0, open.start) + startTag + xml.slice(open.end, close) + body + xml.slice(close)
    );
  }
  // The collection is missing: insert it before the first later collection present.
  const later = ORDER.slice(ORDER.indexOf(kind) + 1);
  let at = -1;
  if (root) {
    for (const { tag } of children(xml, root)) {
      if (later.includes(tag.name)) {
        at = tag.start;
        break;
      }
    }
    if (at < 0) {
      for (let t = nextTag(xml, root.end); t; t = nextTag(xml, t.end))
        if (t.closing && t.name === root.name) at = t.start;
    }
  }
  if (at < 0) at = xml.length;
  const element = `<${p}${kind} count="${count}">${body}</${p}${kind}>`;
  return xml.slice(0, at) + element + xml.slice(at);
}
