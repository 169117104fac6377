/**
 * The text each finding's cell held when it was checked, for fix labels that show only the change
 * (`《330 → ≤330`). Kept per finding object: the checkers make new findings whenever a cell is read
 * again, so a text never outlives the read it came from. Texts the checker did not hand over (live
 * checking reads rows itself) are read on demand, one read per sheet for all the cells asked for.
 */
import { cellText, type Finding } from '../../engine';
import type { WorkbookHost } from '../../host/types';

export class FindingTexts {
  private readonly texts = new WeakMap<Finding, string>();
  private readonly asked = new WeakSet<Finding>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  /** The cell's text for this finding, undefined until read. */
  get(finding: Finding): string | undefined {
    return this.texts.get(finding);
  }

  set(finding: Finding, text: string): void {
    this.texts.set(finding, text);
  }

  /** Bumps when texts arrive (a React store snapshot). */
  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /**
   * Reads the texts of the findings that have suggestions and no text yet (each asked once); a read
   * that fails leaves them without (their labels show the new value instead).
   */
  async load(host: WorkbookHost, findings: Iterable<Finding>): Promise<void> {
    const bySheet = new Map<string, Finding[]>();
    for (const f of findings) {
      if (f.suggestions.length === 0 || this.texts.has(f) || this.asked.has(f)) continue;
      this.asked.add(f);
      const list = bySheet.get(f.sheet);
      if (list) list.push(f);
      else bySheet.set(f.sheet, [f]);
    }
    let got = false;
    for (const [sheet, list] of bySheet) {
      const top = Math.min(...list.map((f) => f.row));
      const bottom = Math.max(...list.map((f) => f.row));
      const r = await host.readRows(sheet, top, bottom);
      if (!r.ok) continue;
      for (const f of list)
        this.texts.set(f, cellText(r.value.cells[f.row - top]?.[f.col] ?? null));
      got = true;
    }
    if (!got) return;
    this.version++;
    for (const l of [...this.listeners]) l();
  }
}
