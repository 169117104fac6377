/**
 * What the in-memory host needs from a worksheet part beyond values and formulas (which the reader
 * gives): each cell's format index, which cells share a formula or hold an array formula (a save
 * writes them out), column widths, row heights, protection and the add-in's own highlights
 * (conditional formats carrying the `jixiao:` marker).
 */
import { fromA1, type Range, type Severity } from '../../../engine';
import { markerSeverity } from '../../../host/highlights';
import { parseSqref } from '../model';
import { attr, elementEnd, findTag, nextTag, textOf, type Tag } from './xml';

export interface ScannedCell {
  readonly row: number;
  readonly col: number;
  readonly xf: number;
  /** the shared-formula group, for cells of one */
  readonly shared?: string;
  /** an array formula's range, on its first cell */
  readonly arrayRef?: string;
}

export interface SheetFacts {
  readonly cells: ReadonlyArray<ScannedCell>;
  readonly columnWidths: ReadonlyArray<number | undefined>;
  readonly rowHeights: ReadonlyArray<number | undefined>;
  readonly protection: { readonly passwordProtected: boolean } | null;
  /** the add-in's highlights in the file */
  readonly highlights: ReadonlyArray<{ readonly severity: Severity; readonly ranges: Range[] }>;
}

const num = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
};

/** Scans one worksheet part. */
export function scanSheet(xml: string): SheetFacts {
  const cells: ScannedCell[] = [];
  const columnWidths: Array<number | undefined> = [];
  const rowHeights: Array<number | undefined> = [];
  const highlights: Array<{ severity: Severity; ranges: Range[] }> = [];
  let protection: SheetFacts['protection'] = null;

  const sheetData = findTag(xml, 'sheetData');
  const dataEnd = sheetData ? elementEnd(xml, sheetData) : 0;
  if (sheetData && !sheetData.empty) {
    let row = -1;
    let col = -1;
    let cell: { row: number; col: number; xf: number } | null = null;
    for (let t = nextTag(xml, sheetData.end); t && t.start < dataEnd; t = nextTag(xml, t.end)) {
      if (t.closing) {
        if (t.name === 'c') cell = null;
        continue;
      }
      if (t.name === 'row') {
        const r = num(attr(xml, t, 'r'));
        row = r !== undefined ? r - 1 : row + 1;
        col = -1;
        const ht = num(attr(xml, t, 'ht'));
        if (ht !== undefined) rowHeights[row] = ht;
      } else if (t.name === 'c') {
        const ref = attr(xml, t, 'r');
        const at = ref ? fromA1(ref) : null;
        if (at) {
          row = at.row;
          col = at.col;
        } else col++;
        const xf = num(attr(xml, t, 's')) ?? 0;
        cell = { row, col, xf };
        if (xf > 0) cells.push(cell);
        if (t.empty) cell = null;
      } else if (t.name === 'f' && cell) {
        const type = attr(xml, t, 't');
        if (type !== 'shared' && type !== 'array') continue;
        const index = cells[cells.length - 1] === cell ? cells.length - 1 : cells.push(cell) - 1;
        cells[index] =
          type === 'shared'
            ? { ...cell, shared: attr(xml, t, 'si') ?? '' }
            : { ...cell, arrayRef: attr(xml, t, 'ref') };
      }
    }
  }

  for (let t = nextTag(xml, dataEnd); t; t = nextTag(xml, t.end)) {
    if (t.closing) continue;
    if (t.name === 'sheetProtection') {
      protection = protectionOf(xml, t);
    } else if (t.name === 'conditionalFormatting') {
      const severity = ourSeverity(xml, t);
      if (severity) highlights.push({ severity, ranges: parseSqref(attr(xml, t, 'sqref') ?? '') });
    }
  }
  // columns come before sheetData in the schema
  for (
    let t = nextTag(xml, 0);
    t && (!sheetData || t.start < sheetData.start);
    t = nextTag(xml, t.end)
  ) {
    if (t.closing || t.name !== 'col') continue;
    const min = num(attr(xml, t, 'min')) ?? 0;
    // a last entry often spans to XFD: widths beyond the first 1,024 columns are not kept
    const max = Math.min(num(attr(xml, t, 'max')) ?? min, 1024);
    const width = num(attr(xml, t, 'width'));
    if (width !== undefined && min > 0)
      for (let c = min; c <= max; c++) columnWidths[c - 1] = width;
  }
  return { cells, columnWidths, rowHeights, protection, highlights };
}

/** The severity of one of the add-in's conditional formats, or null for anyone else's. */
export function ourSeverity(xml: string, cf: Tag): Severity | null {
  const end = elementEnd(xml, cf);
  for (let t = nextTag(xml, cf.end); t && t.start < end; t = nextTag(xml, t.end)) {
    if (t.closing || t.name !== 'formula') continue;
    const sev = markerSeverity(textOf(xml, t));
    if (sev) return sev;
  }
  return null;
}

/** What a `<sheetProtection>` tag says: null when it does not protect the sheet. */
export function protectionOf(xml: string, t: Tag): SheetFacts['protection'] {
  const sheet = attr(xml, t, 'sheet');
  if (sheet !== '1' && sheet !== 'true') return null;
  return {
    passwordProtected:
      attr(xml, t, 'password') !== undefined || attr(xml, t, 'hashValue') !== undefined,
  };
}
