/**
 * Row arithmetic of the live checker, pure: which rows to re-read for some changed rows, and how
 * forms and their findings move when rows are inserted or deleted.
 */
import { toA1, type Finding, type FormKind, type Range, type RowWindow } from '../engine';
import type { SeverityCounts } from './types';

/** A form as the checker keeps it between updates. */
export interface FormEntry {
  readonly id: number;
  readonly kind: FormKind;
  readonly title: string;
  readonly name: string;
  readonly range: Range;
  readonly findings: ReadonlyArray<Finding>;
  readonly counts: SeverityCounts;
}

export type Band = RowWindow;

/**
 * Rows past a form's last row still re-read with it (indicator rows typed under a form belong to
 * it), and rows around an edit in a gap between forms (a new form being typed there).
 */
export const REACH_ROWS = 200;
/** Regions closer than this are read in one go (one round trip instead of two). */
export const MERGE_GAP_ROWS = 100;
/**
 * Rows read above a window, as context only: the project-form reader looks this far up to tell a
 * form starting at the window's top from one already running (its own `LOOKBACK`).
 */
export const LOOKBACK_ROWS = 40;

function moveFinding(f: Finding, row: number): Finding {
  return row === f.row ? f : { ...f, row, cell: toA1({ row, col: f.col }) };
}

/** `count` rows inserted before row `at`: forms below move down, a form around `at` grows. */
export function insertRows(
  forms: ReadonlyArray<FormEntry>,
  at: number,
  count: number,
): FormEntry[] {
  return forms.map((f) => {
    if (f.range.bottom < at) return f;
    const top = f.range.top >= at ? f.range.top + count : f.range.top;
    return {
      ...f,
      range: { ...f.range, top, bottom: f.range.bottom + count },
      findings: f.findings.map((x) => (x.row >= at ? moveFinding(x, x.row + count) : x)),
    };
  });
}

/** Where row `r` goes when rows `top..bottom` are deleted; null for a deleted row. */
export function rowAfterDelete(r: number, top: number, bottom: number): number | null {
  if (r < top) return r;
  if (r > bottom) return r - (bottom - top + 1);
  return null;
}

/** Rows `top..bottom` deleted: forms inside go, forms below move up, forms across shrink. */
export function deleteRows(
  forms: ReadonlyArray<FormEntry>,
  top: number,
  bottom: number,
): FormEntry[] {
  const out: FormEntry[] = [];
  for (const f of forms) {
    if (f.range.bottom < top) {
      out.push(f);
      continue;
    }
    if (f.range.top >= top && f.range.bottom <= bottom) continue;
    const t = rowAfterDelete(f.range.top, top, bottom) ?? top;
    const b = rowAfterDelete(f.range.bottom, top, bottom) ?? top - 1;
    const findings: Finding[] = [];
    for (const x of f.findings) {
      const r = rowAfterDelete(x.row, top, bottom);
      if (r !== null) findings.push(moveFinding(x, r));
    }
    out.push({ ...f, range: { ...f.range, top: t, bottom: Math.max(t, b) }, findings });
  }
  return out;
}

/** A changed band after rows were inserted before `at`. */
export function bandAfterInsert(b: Band, at: number, count: number): Band {
  if (b.bottom < at) return b;
  return { top: b.top >= at ? b.top + count : b.top, bottom: b.bottom + count };
}

/** A changed band after rows `top..bottom` were deleted (null when all of it went). */
export function bandAfterDelete(b: Band, top: number, bottom: number): Band | null {
  const t = rowAfterDelete(b.top, top, bottom) ?? top;
  const e = rowAfterDelete(b.bottom, top, bottom) ?? top - 1;
  return e < t ? null : { top: t, bottom: e };
}

/**
 * The windows to re-read for some changed bands: each form whose rows (or the rows just below it)
 * were touched, from its first row to at most the row before the next form; and, for changes in a
 * gap between forms, the gap around the change. Windows never cut through a form that is not
 * re-read, so that the forms found in a window replace exactly the old forms starting there.
 * `forms` are sorted by first row.
 */
export function windowsFor(
  forms: ReadonlyArray<FormEntry>,
  rowCount: number,
  bands: ReadonlyArray<Band>,
  reach = REACH_ROWS,
  mergeGap = MERGE_GAP_ROWS,
): RowWindow[] {
  const out: RowWindow[] = [];
  for (const band of bands) {
    // pieces of the band not within reach of any form: gaps
    let uncovered: Band[] = [band];
    for (let i = firstReaching(forms, band.top, reach); i < forms.length; i++) {
      const f = forms[i];
      if (f.range.top > band.bottom) break;
      const next = i + 1 < forms.length ? forms[i + 1].range.top : Infinity;
      const reachEnd = Math.min(next - 1, f.range.bottom + reach);
      if (reachEnd < band.top) continue;
      const bottom = Math.min(next - 1, Math.max(f.range.bottom, band.bottom) + reach);
      out.push({ top: f.range.top, bottom });
      uncovered = subtract(uncovered, { top: f.range.top, bottom: reachEnd });
    }
    for (const piece of uncovered) {
      const gap = gapAround(forms, piece.top, reach);
      out.push({
        top: Math.max(gap.top, piece.top - reach),
        bottom: Math.min(gap.bottom, piece.bottom + reach),
      });
    }
  }
  // nothing to read below the used rows (or the changed rows, when they lie lower)
  const last = Math.max(rowCount - 1, ...bands.map((b) => b.bottom));
  return merge(
    out.map((w) => ({ top: w.top, bottom: Math.min(w.bottom, Math.max(last, w.top)) })),
    mergeGap,
  );
}

/** Index of the first form whose reach may include `row` (binary search on first rows). */
function firstReaching(forms: ReadonlyArray<FormEntry>, row: number, reach: number): number {
  let lo = 0;
  let hi = forms.length;
  // first form whose top is > row - (longest plausible form + reach) is hard to bound; search the
  // last form starting at or before `row` and step back while earlier forms may still reach it
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (forms[mid].range.top <= row) lo = mid + 1;
    else hi = mid;
  }
  let i = Math.max(0, lo - 1);
  while (i > 0 && forms[i - 1].range.bottom + reach >= row) i--;
  return i;
}

/** The rows between the reach of the form above `row` and the next form below it. */
function gapAround(forms: ReadonlyArray<FormEntry>, row: number, reach: number): Band {
  let top = 0;
  let bottom = Infinity;
  for (let i = 0; i < forms.length; i++) {
    const f = forms[i];
    if (f.range.top > row) {
      bottom = f.range.top - 1;
      break;
    }
    const next = i + 1 < forms.length ? forms[i + 1].range.top : Infinity;
    top = Math.min(next - 1, f.range.bottom + reach) + 1;
  }
  return { top, bottom };
}

function subtract(pieces: ReadonlyArray<Band>, cut: Band): Band[] {
  const out: Band[] = [];
  for (const p of pieces) {
    if (cut.bottom < p.top || cut.top > p.bottom) {
      out.push(p);
      continue;
    }
    if (p.top < cut.top) out.push({ top: p.top, bottom: cut.top - 1 });
    if (p.bottom > cut.bottom) out.push({ top: cut.bottom + 1, bottom: p.bottom });
  }
  return out;
}

/** Sorted, with overlapping, adjacent and close windows joined. */
export function merge(windows: ReadonlyArray<RowWindow>, gap = 0): RowWindow[] {
  const sorted = [...windows].sort((a, b) => a.top - b.top);
  const out: RowWindow[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && w.top <= last.bottom + 1 + gap)
      out[out.length - 1] = { top: last.top, bottom: Math.max(last.bottom, w.bottom) };
    else out.push({ ...w });
  }
  return out;
}
