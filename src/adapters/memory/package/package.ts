/**
 * The original .xlsx package of an opened workbook: its zip entries, its workbook part, sheet parts
 * and relationships, read only as far as saving needs them. Values, formulas and merges come from
 * the reader (src/adapters/xlsx); this keeps the bytes so that a save can copy every part the user
 * did not change.
 */
import { newestRemarks, REMARKS_NAMESPACE } from '../../../host/remarks-part';
import type { SheetState } from '../../../engine';
import { resolvePart } from '../../xlsx/reader/parts';
import { protectionOf } from './scan';
import { StyleTable } from './styles';
import { attr, attrs, nextTag, rootTag } from './xml';
import { ZipFile } from './zip';

export const REL = {
  officeDocument: 'officeDocument',
  worksheet: 'worksheet',
  styles: 'styles',
  calcChain: 'calcChain',
  customXml: 'customXml',
  customXmlProps: 'customXmlProps',
} as const;

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** as written */
  readonly target: string;
  /** resolved to a part name (no leading slash); '' for external targets */
  readonly part: string;
}

export interface SheetEntry {
  readonly name: string;
  readonly relId: string;
  readonly part: string;
  readonly state: SheetState;
}

/** True when a relationship type URI ends with `/kind` (transitional and strict alike). */
export function isRel(type: string, kind: string): boolean {
  return type.endsWith(`/${kind}`);
}

/** The `_rels` part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A target relative to the folder of `from`, as a part name. */
export function resolveTarget(from: string, target: string): string {
  return resolvePart(from.slice(0, Math.max(0, from.lastIndexOf('/'))), target);
}

export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

export function parseRels(xml: string | null, from: string): Relationship[] {
  const out: Relationship[] = [];
  if (!xml) return out;
  for (let t = nextTag(xml, 0); t; t = nextTag(xml, t.end)) {
    if (t.closing || t.name !== 'Relationship') continue;
    const id = attr(xml, t, 'Id') ?? '';
    const type = attr(xml, t, 'Type') ?? '';
    const target = attr(xml, t, 'Target') ?? '';
    const external = attr(xml, t, 'TargetMode') === 'External';
    out.push({ id, type, target, part: external ? '' : resolveTarget(from, target) });
  }
  return out;
}

/** True when the root element of `xml` is in namespace `ns`. */
export function inNamespace(xml: string, ns: string): boolean {
  const root = rootTag(xml);
  if (!root) return false;
  const head = xml.slice(root.start + 1, root.start + 200);
  const prefix = /^([A-Za-z_][\w.-]*):/.exec(head)?.[1];
  return attrs(xml, root).get(prefix ? `xmlns:${prefix}` : 'xmlns') === ns;
}

export class XlsxPackage {
  readonly workbookPart: string;
  readonly sheets: ReadonlyArray<SheetEntry>;
  readonly date1904: boolean;
  /**
   * The custom XML parts in the remarks namespace (`customXml/itemN.xml`) and what they hold: the
   * newest readable one's text, none, or only unreadable ones.
   */
  readonly remarks: {
    readonly parts: ReadonlyArray<string>;
    readonly found: { readonly text: string } | 'none' | 'unreadable';
  };
  private styleTable: StyleTable | null = null;

  private constructor(readonly zip: ZipFile) {
    const root = parseRels(this.text('_rels/.rels'), '');
    this.workbookPart =
      root.find((r) => isRel(r.type, REL.officeDocument))?.part ?? 'xl/workbook.xml';
    const rels = this.workbookRels();
    const byId = new Map(rels.map((r) => [r.id, r]));
    const xml = this.text(this.workbookPart) ?? '';
    const sheets: SheetEntry[] = [];
    let date1904 = false;
    for (let t = nextTag(xml, 0); t; t = nextTag(xml, t.end)) {
      if (t.closing) continue;
      if (t.name === 'workbookPr') {
        const v = attr(xml, t, 'date1904');
        date1904 = v === '1' || v === 'true';
      } else if (t.name === 'sheet') {
        const relId = attr(xml, t, 'id') ?? '';
        const rel = byId.get(relId);
        if (!rel || !isRel(rel.type, REL.worksheet)) continue;
        const state = attr(xml, t, 'state');
        sheets.push({
          name: attr(xml, t, 'name') ?? '',
          relId,
          part: rel.part,
          state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        });
      }
    }
    this.sheets = sheets;
    this.date1904 = date1904;
    const parts: string[] = [];
    const xmls: string[] = [];
    for (const r of rels) {
      if (!isRel(r.type, REL.customXml) || !r.part) continue;
      const text = this.text(r.part);
      if (text === null || !inNamespace(text, REMARKS_NAMESPACE)) continue;
      parts.push(r.part);
      xmls.push(text);
    }
    this.remarks = { parts, found: newestRemarks(xmls) };
  }

  static open(bytes: Uint8Array): XlsxPackage {
    return new XlsxPackage(ZipFile.open(bytes));
  }

  has(part: string): boolean {
    return this.zip.entry(part) !== undefined;
  }

  /** A part's text, or null when the package has no such part. */
  text(part: string): string | null {
    const e = this.zip.entry(part);
    return e ? decodeXml(this.zip.read(e)) : null;
  }

  workbookRels(): Relationship[] {
    return parseRels(this.text(relsPartOf(this.workbookPart)), this.workbookPart);
  }

  /** The styles part's name, or null. */
  stylesPart(): string | null {
    return this.workbookRels().find((r) => isRel(r.type, REL.styles))?.part ?? null;
  }

  /** Cell formats by style index, parsed on first use. */
  styles(): StyleTable {
    if (!this.styleTable) {
      const part = this.stylesPart();
      this.styleTable = new StyleTable(part ? this.text(part) : null);
    }
    return this.styleTable;
  }

  /** A worksheet's protection, found without scanning its cells; null when unprotected. */
  protectionOf(part: string): { readonly passwordProtected: boolean } | null {
    const xml = this.text(part);
    if (xml === null) return null;
    for (
      let i = xml.lastIndexOf('sheetProtection');
      i > 0;
      i = xml.lastIndexOf('sheetProtection', i - 1)
    ) {
      const t = nextTag(xml, xml.lastIndexOf('<', i));
      if (t && !t.closing && t.name === 'sheetProtection') return protectionOf(xml, t);
    }
    return null;
  }
}
