/**
 * The add-in's highlights on one in-memory sheet: cell → severity, kept by row so that replacing
 * the highlights of a band of rows (live checking) costs the band, not the sheet. The conditional
 * formats a file gets are built from it only when saving.
 */
import type { Range, Severity } from '../../engine';
import { coalesce, SEVERITIES } from '../../host/highlights';
import type { RowShift } from './package/formula';
import { shiftRow } from './package/formula';

export class HighlightMap {
  private rows = new Map<number, Map<number, Severity>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(row: number, col: number): Severity | null {
    return this.rows.get(row)?.get(col) ?? null;
  }

  set(row: number, col: number, severity: Severity): void {
    let cols = this.rows.get(row);
    if (!cols) {
      cols = new Map();
      this.rows.set(row, cols);
    }
    if (!cols.has(col)) this.count++;
    cols.set(col, severity);
  }

  /** Removes the highlights of rows `top..bottom`. */
  clearRows(top: number, bottom: number): void {
    if (bottom - top + 1 > this.rows.size) {
      for (const r of [...this.rows.keys()]) if (r >= top && r <= bottom) this.drop(r);
    } else for (let r = top; r <= bottom; r++) this.drop(r);
  }

  private drop(row: number): void {
    const cols = this.rows.get(row);
    if (!cols) return;
    this.count -= cols.size;
    this.rows.delete(row);
  }

  /** Rows moved by an insertion or deletion; highlights on deleted rows go. */
  shift(s: RowShift): void {
    const next = new Map<number, Map<number, Severity>>();
    let count = 0;
    for (const [r, cols] of this.rows) {
      const to = shiftRow(r, s);
      if (to === null) continue;
      next.set(to, cols);
      count += cols.size;
    }
    this.rows = next;
    this.count = count;
  }

  /** The highlights as rectangles per severity (errors first), as conditional formats hold them. */
  groups(): Array<{ severity: Severity; ranges: Range[] }> {
    const by = new Map<Severity, Array<{ row: number; col: number }>>();
    for (const [row, cols] of this.rows)
      for (const [col, sev] of cols) {
        const list = by.get(sev) ?? [];
        list.push({ row, col });
        by.set(sev, list);
      }
    const out: Array<{ severity: Severity; ranges: Range[] }> = [];
    for (const severity of SEVERITIES) {
      const cells = by.get(severity);
      if (cells && cells.length > 0) out.push({ severity, ranges: coalesce(cells) });
    }
    return out;
  }

  /** The same cells with the same severities. */
  equals(other: HighlightMap): boolean {
    if (other.count !== this.count) return false;
    for (const [row, cols] of this.rows)
      for (const [col, sev] of cols) if (other.get(row, col) !== sev) return false;
    return true;
  }

  static from(
    groups: ReadonlyArray<{ severity: Severity; ranges: ReadonlyArray<Range> }>,
  ): HighlightMap {
    const m = new HighlightMap();
    for (const g of groups)
      for (const r of g.ranges)
        for (let row = r.top; row <= r.bottom; row++)
          for (let col = r.left; col <= r.right; col++)
            if (!m.get(row, col)) m.set(row, col, g.severity);
    return m;
  }
}
