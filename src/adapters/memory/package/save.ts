/**
 * Saving: the original package with only the session's changes. Untouched parts are copied byte
 * for byte (their compressed bytes, even); changed sheets are patched (patch.ts); new sheets are
 * written (write.ts) and added to the workbook part, its relationships and the content types; the
 * add-in's highlights go in as conditional formats with their formats in the styles part; the
 * calculation chain is dropped once formulas changed; the review remarks are one custom XML part.
 */
import { remarksPartXml, REMARKS_NAMESPACE } from '../../../host/remarks-part';
import type { MemSheet } from '../model';
import { mapRow, patchSheet, shiftRanges } from './patch';
import { shiftFormulaRows, sheetQualifier } from './formula';
import { isRel, parseRels, REL, relsPartOf, REL_NS, XlsxPackage } from './package';
import { EMPTY_STYLES, StylesWriter } from './styles';
import { legacyPasswordHash } from './patch';
import { writeSheet, type HighlightGroup } from './write';
import {
  attr,
  children,
  elementEnd,
  escapeAttr,
  escapeText,
  prefixOf,
  rootTag,
  setAttr,
  textOf,
  unescapeAttr,
} from './xml';
import { writeZip, type ZipItem } from './zip';

const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  itemProps: 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml',
  xml: 'application/xml',
};
const REL_TYPE = {
  worksheet: `${REL_NS}/worksheet`,
  customXml: `${REL_NS}/customXml`,
  customXmlProps: `${REL_NS}/customXmlProps`,
};

export interface SheetHighlights {
  readonly groups: ReadonlyArray<HighlightGroup>;
  /** they differ from what the file had */
  readonly changed: boolean;
}

export interface SaveInput {
  readonly sheets: ReadonlyArray<MemSheet>;
  readonly highlights: (sheet: MemSheet) => SheetHighlights;
  /** the remarks text to keep in the file; null leaves the file's as they are */
  readonly remarks: string | null;
  /** when the remarks were saved (ISO), for the part's `saved` attribute; default now */
  readonly savedAt?: string;
}

/** A package for a workbook made from nothing: a workbook part with no sheets and default styles. */
export function emptyPackage(): XlsxPackage {
  const enc = new TextEncoder();
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const files: Record<string, string> = {
    '[Content_Types].xml': `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    '_rels/.rels': `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${xml}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets></sheets><calcPr calcId="191029"/></workbook>`,
    'xl/_rels/workbook.xml.rels': `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': EMPTY_STYLES,
  };
  return XlsxPackage.open(
    writeZip(
      null,
      Object.entries(files).map(([name, text]) => ({ name, bytes: enc.encode(text) })),
    ),
  );
}

interface NewSheet {
  readonly sheet: MemSheet;
  readonly part: string;
  readonly relId: string;
  readonly printArea?: string;
  readonly printTitleRows?: string;
}

/** The package with the session's changes, as .xlsx bytes. */
export function savePackage(pkg: XlsxPackage, input: SaveInput): Uint8Array {
  const replaced = new Map<string, string>();
  const removed = new Set<string>();
  const added: Array<{ name: string; text: string }> = [];
  const stylesPart = pkg.stylesPart();
  const styles = new StylesWriter(stylesPart ? pkg.text(stylesPart) : null);
  const rels = pkg.workbookRels();
  let formulasChanged = false;
  let valuesChanged = false;
  let hasFormulas = false;

  const taken = new Set(pkg.zip.entries.map((e) => e.name.toLowerCase()));
  const freeName = (make: (n: number) => string): string => {
    for (let n = 1; ; n++) {
      const name = make(n);
      if (!taken.has(name.toLowerCase())) {
        taken.add(name.toLowerCase());
        return name;
      }
    }
  };
  const relIds = new Set(rels.map((r) => r.id));
  const freeRelId = (): string => {
    for (let n = rels.length + 1; ; n++)
      if (!relIds.has(`rId${n}`)) {
        relIds.add(`rId${n}`);
        return `rId${n}`;
      }
  };

  const newSheets: NewSheet[] = [];
  for (const s of input.sheets) {
    const hl = input.highlights(s);
    if (!s.source) {
      const w = writeSheet(s, styles, pkg.date1904, legacyPasswordHash, hl.groups);
      if (w.hasFormulas) hasFormulas = true;
      const part = freeName((n) => `xl/worksheets/sheet${n}.xml`);
      added.push({ name: part, text: w.xml });
      newSheets.push({
        sheet: s,
        part,
        relId: freeRelId(),
        printArea: w.printArea,
        printTitleRows: w.printTitleRows,
      });
      continue;
    }
    const src = s.source;
    if (!hasFormulas && s.rows.some((r) => r?.some((c) => c?.formula))) hasFormulas = true;
    const touched =
      src.edited ||
      src.shifts.length > 0 ||
      src.protectionChanged ||
      s.conditionalFormats.length > 0 ||
      hl.changed;
    if (!touched) continue;
    const xml = pkg.text(src.part);
    if (xml === null) continue;
    const r = patchSheet(xml, s, {
      styles,
      date1904: pkg.date1904,
      highlights: hl.changed ? hl.groups : null,
    });
    if (r.formulasChanged) formulasChanged = true;
    if (r.valuesChanged) valuesChanged = true;
    if (r.xml !== xml) replaced.set(src.part, r.xml);
  }

  // Parts that follow rows of shifted sheets: comments, notes' shapes, drawings, tables.
  for (const s of input.sheets) {
    if (s.source && s.source.shifts.length > 0) shiftRelatedParts(pkg, s, replaced);
  }

  const newRels: Array<{ id: string; type: string; target: string }> = newSheets.map((n) => ({
    id: n.relId,
    type: REL_TYPE.worksheet,
    target: relativeTo(pkg.workbookPart, n.part),
  }));
  const newTypes: Array<{ part: string; type: string }> = newSheets.map((n) => ({
    part: n.part,
    type: CT.worksheet,
  }));
  const dropRels = new Set<string>();

  if (formulasChanged) {
    for (const r of rels)
      if (isRel(r.type, REL.calcChain)) {
        removed.add(r.part);
        dropRels.add(r.id);
      }
  }

  if (input.remarks !== null) {
    const text = remarksPartXml(input.remarks, input.savedAt ?? new Date().toISOString());
    const [keep, ...extra] = pkg.remarks.parts;
    // one part holds the remarks: the first one gets them, any others go with their properties
    for (const part of extra) {
      removed.add(part);
      const own = parseRels(pkg.text(relsPartOf(part)), part);
      if (own.length > 0) removed.add(relsPartOf(part));
      for (const r of own) if (r.part) removed.add(r.part);
      for (const r of rels) if (r.part === part) dropRels.add(r.id);
    }
    if (keep) replaced.set(keep, text);
    else {
      const item = freeName((n) => `customXml/item${n}.xml`);
      const n = /item(\d+)\.xml$/.exec(item)?.[1] ?? '1';
      const props = freeName(() => `customXml/itemProps${n}.xml`);
      added.push({ name: item, text });
      added.push({
        name: props,
        text: `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{4A495849-414F-5245-4D41-524B53000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${REMARKS_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
      });
      added.push({
        name: relsPartOf(item),
        text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_TYPE.customXmlProps}" Target="${props.slice(props.lastIndexOf('/') + 1)}"/></Relationships>`,
      });
      newRels.push({
        id: freeRelId(),
        type: REL_TYPE.customXml,
        target: relativeTo(pkg.workbookPart, item),
      });
      newTypes.push({ part: props, type: CT.itemProps });
      newTypes.push({ part: item, type: CT.xml });
    }
  }

  const stylesXml = styles.xml();
  if (stylesXml !== null) {
    if (stylesPart) replaced.set(stylesPart, stylesXml);
    else {
      const part = freeName(() => 'xl/styles.xml');
      added.push({ name: part, text: stylesXml });
      newRels.push({
        id: freeRelId(),
        type: `${REL_NS}/styles`,
        target: relativeTo(pkg.workbookPart, part),
      });
      newTypes.push({
        part,
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
      });
    }
  }

  const wbXml = pkg.text(pkg.workbookPart) ?? '';
  const wb = patchWorkbook(wbXml, {
    newSheets,
    shifted: input.sheets.filter((s) => s.source && s.source.shifts.length > 0),
    fullCalc: valuesChanged && hasFormulas,
  });
  if (wb !== wbXml) replaced.set(pkg.workbookPart, wb);

  if (newRels.length > 0 || dropRels.size > 0) {
    const part = relsPartOf(pkg.workbookPart);
    replaced.set(part, patchRels(pkg.text(part) ?? '', newRels, dropRels));
  }
  if (newTypes.length > 0 || removed.size > 0) {
    const part = '[Content_Types].xml';
    replaced.set(part, patchContentTypes(pkg.text(part) ?? '', newTypes, removed));
  }

  const enc = new TextEncoder();
  const items: ZipItem[] = [];
  for (const e of pkg.zip.entries) {
    if (removed.has(e.name)) continue;
    const text = replaced.get(e.name);
    items.push(
      text === undefined ? { name: e.name, copy: e } : { name: e.name, bytes: enc.encode(text) },
    );
  }
  for (const a of added) items.push({ name: a.name, bytes: enc.encode(a.text) });
  return writeZip(pkg.zip, items);
}

/** `target` as a relationship target relative to the folder of `from`. */
function relativeTo(from: string, target: string): string {
  const dir = from.slice(0, from.lastIndexOf('/') + 1);
  if (dir && target.startsWith(dir)) return target.slice(dir.length);
  const up = dir.split('/').filter(Boolean).length;
  return `${'../'.repeat(up)}${target}`;
}

function patchRels(
  xml: string,
  add: ReadonlyArray<{ id: string; type: string; target: string }>,
  drop: ReadonlySet<string>,
): string {
  let out = xml;
  if (drop.size > 0) {
    out = out.replace(/<(?:[\w.-]+:)?Relationship\b[^>]*?\/>/g, (m) => {
      const id = /\sId="([^"]*)"/.exec(m)?.[1];
      return id && drop.has(id) ? '' : m;
    });
  }
  const body = add
    .map(
      (r) =>
        `<Relationship Id="${r.id}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`,
    )
    .join('');
  const close = out.lastIndexOf('</');
  return close < 0 ? out : out.slice(0, close) + body + out.slice(close);
}

function patchContentTypes(
  xml: string,
  add: ReadonlyArray<{ part: string; type: string }>,
  removed: ReadonlySet<string>,
): string {
  let out = xml;
  const hasXmlDefault = /<(?:[\w.-]+:)?Default\b[^>]*Extension="xml"/i.test(xml);
  if (removed.size > 0) {
    out = out.replace(/<(?:[\w.-]+:)?Override\b[^>]*?\/>/g, (m) => {
      const part = /\sPartName="\/?([^"]*)"/.exec(m)?.[1];
      return part && removed.has(unescapeAttr(part)) ? '' : m;
    });
  }
  const body = add
    .filter((a) => !(a.type === CT.xml && hasXmlDefault))
    .map((a) => `<Override PartName="/${escapeAttr(a.part)}" ContentType="${a.type}"/>`)
    .join('');
  const close = out.lastIndexOf('</');
  return close < 0 ? out : out.slice(0, close) + body + out.slice(close);
}

function patchWorkbook(
  xml: string,
  o: {
    readonly newSheets: ReadonlyArray<NewSheet>;
    readonly shifted: ReadonlyArray<MemSheet>;
    readonly fullCalc: boolean;
  },
): string {
  const root = rootTag(xml);
  if (!root) return xml;
  const top = children(xml, root);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const prefix = prefixOf(xml, root);
  const p = prefix ? `${prefix}:` : '';
  const rootText = xml.slice(root.start, root.end);
  const relPrefix =
    /\sxmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
      rootText,
    )?.[1];

  const sheetsEl = top.find((c) => c.tag.name === 'sheets');
  let sheetCount = 0;
  let maxId = 0;
  if (sheetsEl)
    for (const c of children(xml, sheetsEl.tag)) {
      if (c.tag.name !== 'sheet') continue;
      sheetCount++;
      maxId = Math.max(maxId, Number(attr(xml, c.tag, 'sheetId')) || 0);
    }
  const names: string[] = [];
  if (o.newSheets.length > 0 && sheetsEl) {
    const rid = relPrefix ? `${relPrefix}:id` : 'r:id';
    const ns = relPrefix ? '' : ` xmlns:r="${REL_NS}"`;
    const body = o.newSheets
      .map(
        (n, i) =>
          `<${p}sheet name="${escapeAttr(n.sheet.name)}" sheetId="${maxId + i + 1}"${n.sheet.state !== 'visible' ? ` state="${n.sheet.state}"` : ''} ${rid}="${n.relId}"${ns}/>`,
      )
      .join('');
    if (sheetsEl.tag.empty)
      edits.push({
        start: sheetsEl.tag.start,
        end: sheetsEl.tag.end,
        text: `<${p}sheets>${body}</${p}sheets>`,
      });
    else {
      const close = sheetsEl.end - `</${p}sheets>`.length;
      edits.push({ start: close, end: close, text: body });
    }
    o.newSheets.forEach((n, i) => {
      const q = sheetQualifier(n.sheet.name);
      const local = sheetCount + i;
      if (n.printArea)
        names.push(
          `<${p}definedName name="_xlnm.Print_Area" localSheetId="${local}">${escapeText(absoluteArea(q, n.printArea))}</${p}definedName>`,
        );
      if (n.printTitleRows)
        names.push(
          `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${local}">${escapeText(absoluteRows(q, n.printTitleRows))}</${p}definedName>`,
        );
    });
  }

  const definedNames = top.find((c) => c.tag.name === 'definedNames');
  if (definedNames && o.shifted.length > 0) {
    for (const c of children(xml, definedNames.tag)) {
      if (c.tag.name !== 'definedName') continue;
      const text = textOf(xml, c.tag);
      let moved = text;
      for (const s of o.shifted) {
        const refers = (q: string | null) => q !== null && q.toLowerCase() === s.name.toLowerCase();
        for (const sh of s.source?.shifts ?? []) moved = shiftFormulaRows(moved, sh, refers);
      }
      if (moved !== text) {
        const startTag = xml.slice(c.tag.start, c.tag.end);
        const name = startTag.match(/^<([\w.:-]+)/)?.[1] ?? `${p}definedName`;
        edits.push({
          start: c.tag.start,
          end: c.end,
          text: `${startTag}${escapeText(moved)}</${name}>`,
        });
      }
    }
  }
  if (names.length > 0) {
    if (definedNames && !definedNames.tag.empty) {
      const close = definedNames.end - `</${p}definedNames>`.length;
      edits.push({ start: close, end: close, text: names.join('') });
    } else if (definedNames) {
      edits.push({
        start: definedNames.tag.start,
        end: definedNames.tag.end,
        text: `<${p}definedNames>${names.join('')}</${p}definedNames>`,
      });
    } else {
      const before = ['externalReferences', 'functionGroups', 'sheets'];
      let at = -1;
      for (const c of top) if (before.includes(c.tag.name)) at = c.end;
      if (at < 0) at = sheetsEl?.end ?? root.end;
      edits.push({
        start: at,
        end: at,
        text: `<${p}definedNames>${names.join('')}</${p}definedNames>`,
      });
    }
  }

  if (o.fullCalc) {
    const calc = top.find((c) => c.tag.name === 'calcPr');
    if (calc) {
      const t = xml.slice(calc.tag.start, calc.tag.end);
      const next = setAttr(t, 'fullCalcOnLoad', '1');
      if (next !== t) edits.push({ start: calc.tag.start, end: calc.tag.end, text: next });
    } else {
      const after = [
        'oleSize',
        'customWorkbookViews',
        'pivotCaches',
        'smartTagPr',
        'smartTagTypes',
        'webPublishing',
        'fileRecoveryPr',
        'webPublishObjects',
        'extLst',
      ];
      const first = top.find((c) => after.includes(c.tag.name));
      const at = first ? first.tag.start : elementEnd(xml, root) - `</${p}workbook>`.length;
      edits.push({ start: at, end: at, text: `<${p}calcPr fullCalcOnLoad="1"/>` });
    }
  }
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += xml.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + xml.slice(at);
}

/** `'表'!$A$1:$G$40` from `A1:G40`. */
function absoluteArea(q: string, area: string): string {
  return area
    .split(',')
    .map((a) => `${q}!${a.trim().replace(/([A-Za-z]+)(\d+)/g, '$$$1$$$2')}`)
    .join(',');
}

/** `'表'!$14:$14` from `14:14`. */
function absoluteRows(q: string, rows: string): string {
  return `${q}!${rows.replace(/(\d+)/g, '$$$1')}`;
}

/**
 * After rows of `sheet` moved: its comments (`ref`), the anchors of their shapes in the VML
 * drawing, the anchors of its drawings (pictures, charts) and its tables' ranges move with them.
 */
function shiftRelatedParts(pkg: XlsxPackage, sheet: MemSheet, replaced: Map<string, string>): void {
  const src = sheet.source;
  if (!src) return;
  const shifts = src.shifts;
  for (const r of parseRels(pkg.text(relsPartOf(src.part)), src.part)) {
    if (!r.part) continue;
    const xml = replaced.get(r.part) ?? pkg.text(r.part);
    if (xml === null) continue;
    let out = xml;
    if (isRel(r.type, 'comments')) {
      out = xml.replace(
        /(<(?:[\w.-]+:)?comment\b[^>]*\sref=")([^"]*)"/g,
        (m, head: string, ref: string) => {
          const moved = shiftRanges(ref, shifts);
          return moved ? `${head}${moved}"` : m;
        },
      );
    } else if (isRel(r.type, 'vmlDrawing')) {
      out = xml
        .replace(/(<x:Row>)(\d+)(<\/x:Row>)/g, (m, a: string, n: string, b: string) => {
          const row = mapRow(Number(n), shifts);
          return row === null ? m : `${a}${row}${b}`;
        })
        .replace(/(<x:Anchor>)([^<]*)(<\/x:Anchor>)/g, (m, a: string, body: string, b: string) => {
          const v = body.split(',').map((x) => x.trim());
          if (v.length !== 8) return m;
          const r1 = mapRow(Number(v[2]), shifts);
          const r2 = mapRow(Number(v[6]), shifts);
          if (r1 === null || r2 === null) return m;
          v[2] = String(r1);
          v[6] = String(r2);
          return `${a}${v.join(', ')}${b}`;
        });
    } else if (isRel(r.type, 'drawing')) {
      out = xml.replace(
        /(<(?:[\w.-]+:)?row>)(\d+)(<\/(?:[\w.-]+:)?row>)/g,
        (m, a: string, n: string, b: string) => {
          const row = mapRow(Number(n), shifts);
          return row === null ? m : `${a}${row}${b}`;
        },
      );
    } else if (isRel(r.type, 'table')) {
      out = xml.replace(
        /(<(?:[\w.-]+:)?(?:table|autoFilter)\b[^>]*\sref=")([^"]*)"/g,
        (m, head: string, ref: string) => {
          const moved = shiftRanges(ref, shifts);
          return moved ? `${head}${moved}"` : m;
        },
      );
    }
    if (out !== xml) replaced.set(r.part, out);
  }
}
