/**
 * The layout of the add-in's highlights in Excel: conditional formats per severity per band of
 * `BAND_ROWS` rows, so that an edit rewrites the few formats of its band and never a whole sheet's.
 * The office host keeps each format's areas (from its own writes, or read back) and moves them with
 * the rows people insert and delete, as Excel moves the formats' ranges.
 */
import { SEVERITY_ORDER, type Range, type Severity } from '../engine';
import { addressChunks, coalesce, SEVERITIES } from '../host/highlights';
import { parseAreas } from './cells';

/** Rows per band: an edit rewrites the highlights of about 7 project forms, whatever the sheet. */
export const BAND_ROWS = 200;

/** One of the add-in's conditional formats on a sheet. */
export interface OurFormat {
  readonly id: string;
  readonly severity: Severity;
  /** the rectangles it applies to; null when not known (written before, by another session) */
  readonly areas: ReadonlyArray<Range> | null;
}

/** A conditional format to add: one severity over one address (at most `MAX_ADDRESS_CHARS`). */
export interface FormatToAdd {
  readonly severity: Severity;
  readonly address: string;
  readonly areas: ReadonlyArray<Range>;
}

interface Cell {
  readonly row: number;
  readonly col: number;
  readonly severity: Severity;
}

/** The rows of the bands that rows `top..bottom` fall in. */
export function bandSpan(top: number, bottom: number, size = BAND_ROWS): [number, number] {
  return [Math.floor(top / size) * size, (Math.floor(bottom / size) + 1) * size - 1];
}

/** Cells, the most severe finding per cell, → formats: per band, per severity, per address chunk. */
export function formatsFor(cells: Iterable<Cell>, size = BAND_ROWS): FormatToAdd[] {
  const best = new Map<string, Cell>();
  for (const c of cells) {
    const k = `${c.row},${c.col}`;
    const prev = best.get(k);
    if (!prev || SEVERITY_ORDER[c.severity] < SEVERITY_ORDER[prev.severity]) best.set(k, c);
  }
  const groups = new Map<number, Map<Severity, Cell[]>>();
  for (const c of best.values()) {
    const band = Math.floor(c.row / size);
    let bySeverity = groups.get(band);
    if (!bySeverity) groups.set(band, (bySeverity = new Map()));
    const list = bySeverity.get(c.severity);
    if (list) list.push(c);
    else bySeverity.set(c.severity, [c]);
  }
  const out: FormatToAdd[] = [];
  for (const band of [...groups.keys()].sort((a, b) => a - b)) {
    const bySeverity = groups.get(band);
    for (const severity of SEVERITIES) {
      const list = bySeverity?.get(severity);
      if (!list) continue;
      for (const address of addressChunks(coalesce(list)))
        out.push({ severity, address, areas: parseAreas(address) });
    }
  }
  return out;
}

/** What to delete and add so that rows `top..bottom` show `findings` and every other row stays. */
export interface BandRewrite {
  readonly remove: ReadonlyArray<string>;
  readonly add: ReadonlyArray<FormatToAdd>;
}

/**
 * Rewrites the bands rows `top..bottom` fall in: every format touching them is replaced by formats
 * of its cells outside the rows plus the findings on the rows (any finding outside is ignored).
 * `formats` must all have known areas; `gone` are formats deleted by hand, whose cells in the
 * bands are written again.
 */
export function rewriteRows(
  formats: ReadonlyArray<OurFormat>,
  top: number,
  bottom: number,
  findings: ReadonlyArray<Cell>,
  size = BAND_ROWS,
  gone: ReadonlyArray<OurFormat> = [],
): BandRewrite {
  const [bandTop, bandBottom] = bandSpan(top, bottom, size);
  const near = (f: OurFormat): boolean =>
    (f.areas ?? []).some((a) => a.top <= bandBottom && a.bottom >= bandTop);
  const touched = formats.filter(near);
  const cells: Cell[] = [];
  for (const f of [...touched, ...gone.filter(near)])
    for (const a of f.areas ?? [])
      for (let row = a.top; row <= a.bottom; row++) {
        if (row >= top && row <= bottom) continue;
        for (let col = a.left; col <= a.right; col++)
          cells.push({ row, col, severity: f.severity });
      }
  for (const f of findings) if (f.row >= top && f.row <= bottom) cells.push(f);
  return { remove: touched.map((f) => f.id), add: formatsFor(cells, size) };
}

/**
 * Areas after people inserted (`count` > 0) or deleted (`count` < 0) rows at `at`, as Excel moves a
 * conditional format's ranges: below the change they move, across an insert they grow, across a
 * delete they shrink, and rows entirely deleted take their areas with them.
 */
export function moveAreas(areas: ReadonlyArray<Range>, at: number, count: number): Range[] {
  const out: Range[] = [];
  for (const a of areas) {
    if (count > 0) {
      const top = a.top >= at ? a.top + count : a.top;
      const bottom = a.bottom >= at ? a.bottom + count : a.bottom;
      out.push({ ...a, top, bottom });
      continue;
    }
    const gone = -count;
    const last = at + gone - 1;
    const keepAbove = Math.max(0, Math.min(a.bottom, at - 1) - a.top + 1);
    const keepBelow = Math.max(0, a.bottom - Math.max(a.top, last + 1) + 1);
    if (keepAbove + keepBelow === 0) continue;
    const top = a.top < at ? a.top : Math.max(a.top, last + 1) - gone;
    out.push({ ...a, top, bottom: top + keepAbove + keepBelow - 1 });
  }
  return out;
}
