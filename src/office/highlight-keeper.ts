/**
 * The add-in's highlights in Excel, as the office host keeps them: conditional formats per severity
 * per band of rows (`bands.ts`), marked in their formula (`=N("jixiao:error")=0`) so that clearing
 * removes exactly the add-in's own. The keeper remembers, per sheet, which formats are ours and the
 * areas they cover, moving those areas with the rows people insert and delete while the host
 * follows the workbook's changes; a band update then needs no read of its own.
 */
import type { Range, Severity } from '../engine';
import { hostErrors } from '../host/errors';
import {
  cellsBySeverity,
  HIGHLIGHT_STYLES,
  markerFormula,
  markerSeverity,
} from '../host/highlights';
import type {
  FindingsBySheet,
  HighlightSummary,
  HostError,
  HostResult,
  RowHighlights,
  SheetChange,
  SheetInfo,
} from '../host/types';
import {
  bandSpan,
  formatsFor,
  moveAreas,
  rewriteRows,
  type FormatToAdd,
  type OurFormat,
} from './bands';
import { parseAreas } from './cells';
import { isHostError, officeErrorCode } from './run';

/** What the keeper remembers of a sheet between actions, so that a highlight write needs no read. */
export interface SheetState {
  id: string;
  /** the add-in's conditional formats on the sheet, by id */
  formats: Map<string, OurFormat>;
  /** `formats` holds every one of them (read from the whole sheet, kept up by our writes since) */
  complete: boolean;
  /**
   * every format's areas are known and have moved with every row people inserted or deleted since:
   * only while the host follows the sheet's changes (`onChanged`)
   */
  tracked: boolean;
  protected: boolean;
  protection?: Excel.WorksheetProtectionOptions;
  /** protected with a password: highlights cannot be written */
  locked?: boolean;
  /** formats deleted by hand while tracked: their cells are written again with their band */
  gone?: OurFormat[];
}

/** Runs a batch (one `Excel.run`), counting its syncs. */
export type Batch = <T>(
  fn: (ctx: Excel.RequestContext, sync: () => Promise<void>) => Promise<T>,
) => Promise<T>;

/** The conditional formats' load: ours are told apart by their formula. */
export const CF_LOAD = 'items/id,items/type,items/customOrNullObject/rule/formula';

export class HighlightKeeper {
  private readonly state = new Map<string, SheetState>();
  /** `onChanged` subscriptions open: while any is, areas follow inserted and deleted rows */
  private following = 0;

  constructor(
    private readonly batch: Batch,
    private readonly listSheets: () => Promise<HostResult<SheetInfo[]>>,
    /** a sheet's id and name, seen in a load */
    private readonly named: (id: string, name: string) => void,
    readonly bandRows: number,
  ) {}

  /** A sheet the add-in just created: none of our highlights, its protection as written. */
  created(name: string, id: string, protection?: Excel.WorksheetProtectionOptions): void {
    this.state.set(name, {
      formats: new Map(),
      complete: true,
      tracked: this.following > 0,
      id,
      protected: protection !== undefined,
      protection,
    });
  }

  /** The host starts or stops following the workbook's changes. */
  followChanges(on: boolean): void {
    this.following += on ? 1 : -1;
    // nobody follows the changes now: areas known so far may go stale
    if (this.following === 0) for (const st of this.state.values()) st.tracked = false;
  }

  /**
   * Replaces the add-in's highlights on each listed sheet, one conditional format per severity per
   * band of rows. One sync when the sheets' highlights are known (after a read); otherwise one more
   * to load them. A protected sheet without password is unprotected and protected again around the
   * write, in the same batch; a sheet with a password is skipped and reported.
   */
  async apply(findings: FindingsBySheet): Promise<HighlightSummary> {
    const names = [...findings.keys()];
    const cells: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const list of findings.values())
      for (const [sev, group] of cellsBySeverity(list)) cells[sev] += group.length;
    const skipped: HostError[] = [];
    const missing = await this.ensureState(names);
    for (const n of missing) skipped.push(hostErrors.sheetMissing(n));
    const partial = names.filter((n) => this.state.get(n)?.complete === false);
    if (partial.length > 0) await this.ensureState(partial, true);
    let targets = names.filter((n) => this.state.has(n) && !this.state.get(n)?.locked);
    for (const n of names)
      if (this.state.get(n)?.locked) skipped.push(hostErrors.sheetProtected(n));
    const write = (): Promise<void> =>
      this.writeHighlights(
        targets.map((name) => ({
          name,
          remove: [...(this.state.get(name)?.formats.keys() ?? [])],
          add: formatsFor(bestCells(findings.get(name) ?? []), this.bandRows),
          all: true,
        })),
      );
    try {
      await write();
    } catch {
      // Stale state (a highlight deleted by hand) or a password: reload and try once more,
      // leaving out protected sheets that refused to be unprotected.
      await this.ensureState(targets, true);
      try {
        await write();
      } catch {
        const prot = targets.filter((n) => this.state.get(n)?.protected);
        for (const n of prot) this.lock(n, skipped);
        targets = targets.filter((n) => !prot.includes(n));
        await write();
      }
    }
    return { sheets: targets, cells, skipped };
  }

  /**
   * Replaces the highlights of the bands rows `top..bottom` fall in: each format there gives way to
   * formats of its cells outside the rows plus the findings on the rows, so an edit costs the same
   * on a sheet of 10 forms and of 1,000. One sync while the host follows the sheet's changes
   * (`onChanged`) and knows its highlights (after a read, or its own writes); otherwise one more to
   * read their areas back (and one more when it never read the sheet).
   */
  async update(update: RowHighlights): Promise<HighlightSummary> {
    const { sheet, top, bottom } = update;
    const findings = update.findings.filter((f) => f.row >= top && f.row <= bottom);
    const cells: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const [sev, group] of cellsBySeverity(findings)) cells[sev] += group.length;
    try {
      const skipped: HostError[] = [];
      const missing = await this.ensureState([sheet]);
      if (missing.length > 0)
        return { sheets: [], cells, skipped: [hostErrors.sheetMissing(sheet)] };
      if (this.state.get(sheet)?.locked)
        return { sheets: [], cells, skipped: [hostErrors.sheetProtected(sheet)] };
      const write = async (): Promise<void> => {
        if (this.state.get(sheet)?.complete === false) await this.ensureState([sheet], true);
        if (this.state.get(sheet)?.tracked === false) await this.loadAreas(sheet);
        const st = this.state.get(sheet);
        if (!st) throw hostErrors.sheetMissing(sheet);
        const formats = [...st.formats.values()];
        const plan = rewriteRows(formats, top, bottom, findings, this.bandRows, st.gone);
        await this.writeHighlights([{ name: sheet, ...plan }]);
        const [bandTop, bandBottom] = bandSpan(top, bottom, this.bandRows);
        st.gone = st.gone?.filter((f) =>
          f.areas?.every((a) => a.bottom < bandTop || a.top > bandBottom),
        );
      };
      try {
        await write();
      } catch (e) {
        if (isHostError(e)) throw e;
        const st = this.state.get(sheet);
        if (st) [st.complete, st.tracked] = [false, false];
        try {
          await write();
        } catch (again) {
          if (isHostError(again) || !this.state.get(sheet)?.protected) throw again;
          this.lock(sheet, skipped);
          return { sheets: [], cells, skipped };
        }
      }
      return { sheets: [sheet], cells, skipped };
    } catch (e) {
      if (isHostError(e) && e.code === 'sheet-missing') return { sheets: [], cells, skipped: [e] };
      throw e;
    }
  }

  /** ≤2 syncs: the sheets' conditional formats, then the deletes. */
  async clear(sheets?: ReadonlyArray<string>): Promise<void> {
    let names = sheets ? [...sheets] : [...this.state.keys()];
    if (names.length === 0) {
      const list = await this.listSheets();
      if (!list.ok) throw list.error;
      names = list.value.map((s) => s.name);
    }
    await this.ensureState(names, true);
    const targets = names.filter(
      (n) => !this.state.get(n)?.locked && (this.state.get(n)?.formats.size ?? 0) > 0,
    );
    await this.writeHighlights(
      targets.map((name) => ({
        name,
        remove: [...(this.state.get(name)?.formats.keys() ?? [])],
        add: [],
        all: true,
      })),
    );
  }

  private lock(sheet: string, skipped: HostError[]): void {
    const st = this.state.get(sheet);
    if (st) st.locked = true;
    skipped.push(hostErrors.sheetProtected(sheet));
  }

  /**
   * Loads protection and conditional formats of sheets not yet known (or all, with `refresh`) in one
   * sync; returns the sheets that do not exist (found with one more sync, only when one is missing).
   */
  private async ensureState(names: ReadonlyArray<string>, refresh = false): Promise<string[]> {
    const wanted = names.filter((n) => refresh || !this.state.has(n));
    if (wanted.length === 0) return [];
    const load = (list: ReadonlyArray<string>): Promise<void> =>
      this.batch(async (ctx, sync) => {
        const loads = list.map((n) => {
          const ws = ctx.workbook.worksheets.getItem(n);
          ws.load('name,id');
          ws.protection.load('protected,options');
          const formats = ws.getRange().conditionalFormats;
          formats.load(CF_LOAD);
          return { ws, formats };
        });
        await sync();
        for (const l of loads) this.remember(l.ws, l.formats);
      });
    try {
      await load(wanted);
      return [];
    } catch (e) {
      if (officeErrorCode(e) !== 'ItemNotFound') throw e;
      const list = await this.listSheets();
      if (!list.ok) throw list.error;
      const present = new Set(list.value.map((s) => s.name));
      const missing = wanted.filter((n) => !present.has(n));
      for (const n of missing) this.state.delete(n);
      const rest = wanted.filter((n) => present.has(n));
      if (rest.length > 0) await load(rest);
      return missing;
    }
  }

  /** One sync: the areas of every highlight of ours on the sheet (`ConditionalFormat.getRanges`). */
  private async loadAreas(sheet: string): Promise<void> {
    const st = this.state.get(sheet);
    if (!st || st.formats.size === 0) {
      if (st) st.tracked = this.following > 0;
      return;
    }
    await this.batch(async (ctx, sync) => {
      const all = ctx.workbook.worksheets.getItem(sheet).getRange().conditionalFormats;
      const loads = [...st.formats.values()].map((f) => {
        const areas = all.getItem(f.id).getRanges();
        areas.load('address');
        return { f, areas };
      });
      await sync();
      for (const { f, areas } of loads)
        st.formats.set(f.id, { ...f, areas: parseAreas(areas.address) });
      st.tracked = this.following > 0;
    });
  }

  /** One batch: per sheet, delete formats and add others (protected sheets opened and closed). */
  private async writeHighlights(
    writes: ReadonlyArray<{
      readonly name: string;
      readonly remove: ReadonlyArray<string>;
      readonly add: ReadonlyArray<FormatToAdd>;
      /** replaces all of the sheet's highlights */
      readonly all?: boolean;
    }>,
  ): Promise<void> {
    const work = writes.filter(
      (w) => this.state.has(w.name) && (w.all || w.remove.length + w.add.length > 0),
    );
    if (work.length === 0) return;
    await this.batch(async (ctx, sync) => {
      const added = work.map((w) => {
        const st = this.state.get(w.name) as SheetState;
        const ws = ctx.workbook.worksheets.getItem(w.name);
        if (st.protected) ws.protection.unprotect();
        const existing = ws.getRange().conditionalFormats;
        for (const id of w.remove) existing.getItem(id).delete();
        const formats = w.add.map((f) => {
          const style = HIGHLIGHT_STYLES[f.severity];
          const cf = ws.getRanges(f.address).conditionalFormats.add('Custom');
          cf.custom.rule.formula = markerFormula(f.severity);
          cf.custom.format.fill.color = style.fill;
          cf.custom.format.font.color = style.fontColor;
          cf.load('id');
          return { cf, f };
        });
        if (st.protected) ws.protection.protect(st.protection);
        return { w, st, formats };
      });
      await sync();
      for (const { w, st, formats } of added) {
        if (w.all) st.gone = undefined;
        for (const id of w.remove) st.formats.delete(id);
        for (const { cf, f } of formats)
          st.formats.set(cf.id, { id: cf.id, severity: f.severity, areas: f.areas });
        // all areas just written are known; the others only while they were followed
        st.tracked = this.following > 0 && (w.all === true || st.tracked);
      }
    });
  }

  /** After a load of the whole sheet's conditional formats: every one of ours, areas kept when known. */
  remember(ws: Excel.Worksheet, formats: Excel.ConditionalFormatCollection): void {
    this.named(ws.id, ws.name);
    const prev = this.state.get(ws.name);
    const same = prev?.id === ws.id;
    const ours = new Map<string, OurFormat>();
    let known = same && (prev?.tracked ?? false);
    for (const f of formats.items) {
      const severity = f.customOrNullObject.isNullObject
        ? null
        : markerSeverity(f.customOrNullObject.rule.formula);
      if (!severity) continue;
      const areas = same ? (prev?.formats.get(f.id)?.areas ?? null) : null;
      if (!areas) known = false;
      ours.set(f.id, { id: f.id, severity, areas });
    }
    this.state.set(ws.name, {
      id: ws.id,
      formats: ours,
      complete: true,
      tracked: known || ours.size === 0,
      protected: ws.protection.protected,
      protection: ws.protection.options,
      locked: same ? prev?.locked : undefined,
      gone: same ? prev?.gone : undefined,
    });
  }

  /**
   * After a read of the formats near some rows (`readRows`): protection, and a check that the host
   * knows every highlight of ours there; when it does not, the next update reads them back.
   */
  rememberBand(
    ws: Excel.Worksheet,
    formats: Excel.ConditionalFormatCollection,
    bandTop: number,
    bandBottom: number,
  ): void {
    this.named(ws.id, ws.name);
    const prev = this.state.get(ws.name);
    const st: SheetState =
      prev?.id === ws.id
        ? prev
        : { formats: new Map(), complete: false, tracked: false, id: ws.id, protected: false };
    st.protected = ws.protection.protected;
    st.protection = ws.protection.options;
    this.state.set(ws.name, st);
    const found = new Set<string>();
    for (const f of formats.items) {
      if (f.customOrNullObject.isNullObject) continue;
      const severity = markerSeverity(f.customOrNullObject.rule.formula);
      if (!severity) continue;
      found.add(f.id);
      if (!st.formats.has(f.id)) {
        st.formats.set(f.id, { id: f.id, severity, areas: null });
        st.tracked = false;
      }
    }
    for (const f of [...st.formats.values()]) {
      const near = f.areas?.some((a) => a.top <= bandBottom && a.bottom >= bandTop) ?? false;
      if (!near || found.has(f.id)) continue;
      if (st.tracked) {
        // deleted by hand: its cells come back with the band's next update
        st.formats.delete(f.id);
        st.gone = [...(st.gone ?? []), f];
      } else [st.complete, st.tracked] = [false, false];
    }
  }

  /** Keeps the highlights' areas in step with rows people insert and delete (as Excel moves them). */
  follow(change: SheetChange): void {
    const st = this.state.get(change.sheet);
    if (!st || change.kind === 'edit') return;
    const { rows } = change;
    if ((change.kind === 'rows-inserted' || change.kind === 'rows-deleted') && rows) {
      const count = rows.bottom - rows.top + 1;
      const move = (areas: ReadonlyArray<Range>): Range[] =>
        moveAreas(areas, rows.top, change.kind === 'rows-inserted' ? count : -count);
      for (const f of [...st.formats.values()]) {
        if (!f.areas) continue;
        const areas = move(f.areas);
        if (areas.length > 0) st.formats.set(f.id, { ...f, areas });
        else {
          // Excel drops a format whose rows all went; a fresh load confirms it
          st.formats.delete(f.id);
          st.complete = false;
        }
      }
      st.gone = st.gone
        ?.map((f) => ({ ...f, areas: move(f.areas ?? []) }))
        .filter((f) => f.areas.length > 0);
      return;
    }
    st.tracked = false;
  }
}

/** The most severe finding per cell. */
function bestCells(
  findings: ReadonlyArray<{
    readonly row: number;
    readonly col: number;
    readonly severity: Severity;
  }>,
): Array<{ row: number; col: number; severity: Severity }> {
  const out: Array<{ row: number; col: number; severity: Severity }> = [];
  for (const [severity, cells] of cellsBySeverity(findings))
    for (const c of cells) out.push({ ...c, severity });
  return out;
}
