/**
 * Highlight geometry and markers shared by both hosts: finding cells → rectangles → A1 address
 * chunks, one conditional format per severity per sheet, each marked in its formula so that
 * clearing finds exactly the add-in's own and nothing else.
 */
import { rangeToA1, SEVERITY_ORDER, type Range, type Severity } from '../engine';

export const SEVERITIES: ReadonlyArray<Severity> = ['error', 'warning', 'info'];

export interface HighlightStyle {
  readonly fill: string;
  readonly fontColor: string;
}

export const HIGHLIGHT_STYLES: Readonly<Record<Severity, HighlightStyle>> = {
  error: { fill: '#FFC7CE', fontColor: '#9C0006' },
  warning: { fill: '#FFEB9C', fontColor: '#9C5700' },
  info: { fill: '#DDEBF7', fontColor: '#1F4E78' },
};

/** Always-true formula that carries the marker: `=N("jixiao:error")=0`. */
export function markerFormula(severity: Severity): string {
  return `=N("jixiao:${severity}")=0`;
}

const MARKER = /N\(\s*"jixiao:(error|warning|info)"\s*\)/i;

/** The severity of one of our conditional formats, or null for anyone else's. */
export function markerSeverity(formula: string | null | undefined): Severity | null {
  if (!formula) return null;
  const m = MARKER.exec(formula);
  return m ? (m[1].toLowerCase() as Severity) : null;
}

/** One severity per cell (the most severe wins), grouped by severity. */
export function cellsBySeverity(
  findings: ReadonlyArray<{
    readonly row: number;
    readonly col: number;
    readonly severity: Severity;
  }>,
): Map<Severity, Array<{ row: number; col: number }>> {
  const best = new Map<string, { row: number; col: number; severity: Severity }>();
  for (const f of findings) {
    const key = `${f.row},${f.col}`;
    const prev = best.get(key);
    if (!prev || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[prev.severity])
      best.set(key, { row: f.row, col: f.col, severity: f.severity });
  }
  const out = new Map<Severity, Array<{ row: number; col: number }>>();
  for (const c of best.values()) {
    const list = out.get(c.severity);
    if (list) list.push({ row: c.row, col: c.col });
    else out.set(c.severity, [{ row: c.row, col: c.col }]);
  }
  return out;
}

/** Cells → few rectangles: vertical runs per column, then equal runs in adjacent columns joined. */
export function coalesce(
  cells: ReadonlyArray<{ readonly row: number; readonly col: number }>,
): Range[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const list = byCol.get(c.col);
    if (list) list.push(c.row);
    else byCol.set(c.col, [c.row]);
  }
  const runs: Range[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byCol.get(col))].sort((a, b) => a - b);
    let top = rows[0];
    let prev = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      const r = rows[i];
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      runs.push({ top, bottom: prev, left: col, right: col });
      top = r;
      prev = r;
    }
  }
  // Join a run with the run of the same rows in the next column.
  const open = new Map<string, number>();
  const out: Range[] = [];
  for (const r of runs) {
    const key = `${r.top}:${r.bottom}`;
    const i = open.get(key);
    if (i !== undefined && out[i].right === r.left - 1) {
      out[i] = { ...out[i], right: r.right };
    } else {
      open.set(key, out.length);
      out.push(r);
    }
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Excel rejects very long multi-area addresses (around 8,000 characters); stay well below. */
export const MAX_ADDRESS_CHARS = 2000;

/** Rectangles → comma-separated A1 addresses, each at most `max` characters. */
export function addressChunks(ranges: ReadonlyArray<Range>, max = MAX_ADDRESS_CHARS): string[] {
  const out: string[] = [];
  let cur = '';
  for (const r of ranges) {
    const a = rangeToA1(r);
    if (cur !== '' && cur.length + 1 + a.length > max) {
      out.push(cur);
      cur = '';
    }
    cur = cur === '' ? a : `${cur},${a}`;
  }
  if (cur !== '') out.push(cur);
  return out;
}
