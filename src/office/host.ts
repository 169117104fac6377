/**
 * The office-js `WorkbookHost`: every action is one `Excel.run` (with `delayForCellEdit`) and a
 * small, fixed number of `context.sync` calls whatever the workbook size. Only properties that are
 * used are loaded. Highlights are conditional formats added by the add-in and marked in their
 * formula (`=N("jixiao:error")=0`), so that cell formats and the workbook's own conditional formats
 * are never touched.
 */
import { rangeFromA1, type CellValue, type Range, type SheetData, type Severity } from '../engine';
import { fail, hostErrors, MAX_SHEET_CELLS, ok } from '../host/errors';
import {
  addressChunks,
  cellsBySeverity,
  coalesce,
  HIGHLIGHT_STYLES,
  markerFormula,
  markerSeverity,
  SEVERITIES,
} from '../host/highlights';
import { uniqueSheetName } from '../host/names';
import type {
  CellEdit,
  CellLocation,
  ChangeKind,
  FindingsBySheet,
  HighlightSummary,
  HostError,
  HostResult,
  RowsData,
  SheetChange,
  SheetInfo,
  Unsubscribe,
  WorkbookHost,
} from '../host/types';
import type { SheetSpec } from '../templates/spec';
import { fromExcel, parseAreas, rowsOf, stripSheet, toExcel } from './cells';
import type { HostFeatures } from './requirements';
import { errorText, officeErrorCode, RUN_OPTIONS, type ExcelRun } from './run';
import { queueTemplate } from './template';

export interface OfficeHostOptions {
  /** refuse sheets with more cells than this ('too-large') */
  readonly maxCells?: number;
  /** cells read or written per sync; keeps each request under Excel on the web's 5 MB limit */
  readonly cellsPerSync?: number;
  /** rows per merged-areas query (Excel returns at most 512 merged areas per query) */
  readonly mergeBandRows?: number;
  /** how long after a write its change events are recognised as the add-in's own */
  readonly ownWriteMs?: number;
  readonly now?: () => number;
}

/** What the host remembers of a sheet between actions, so that a highlight write needs no read. */
interface SheetState {
  id: string;
  ourFormats: string[];
  protected: boolean;
  protection?: Excel.WorksheetProtectionOptions;
  /** protected with a password: highlights cannot be written */
  locked?: boolean;
}

interface OwnWrite {
  readonly sheet: string;
  /** null: the whole sheet (a sheet the add-in created) */
  readonly range: Range | null;
  readonly until: number;
}

const CF_LOAD = 'items/id,items/type,items/customOrNullObject/rule/formula';

const CHANGE_KINDS: Record<string, ChangeKind> = {
  RangeEdited: 'edit',
  RowInserted: 'rows-inserted',
  RowDeleted: 'rows-deleted',
  ColumnInserted: 'columns-inserted',
  ColumnDeleted: 'columns-deleted',
  CellInserted: 'cells-inserted',
  CellDeleted: 'cells-deleted',
};

type Sync = () => Promise<void>;

export class OfficeWorkbookHost implements WorkbookHost {
  readonly kind = 'office' as const;
  private syncs = 0;
  private readonly state = new Map<string, SheetState>();
  private readonly idToName = new Map<string, string>();
  private ownWrites: OwnWrite[] = [];
  private readonly maxCells: number;
  private readonly cellsPerSync: number;
  private readonly mergeBandRows: number;
  private readonly ownWriteMs: number;
  private readonly now: () => number;

  constructor(
    private readonly run: ExcelRun,
    private readonly features: HostFeatures,
    options: OfficeHostOptions = {},
  ) {
    this.maxCells = options.maxCells ?? MAX_SHEET_CELLS;
    this.cellsPerSync = options.cellsPerSync ?? 250_000;
    this.mergeBandRows = options.mergeBandRows ?? 100;
    this.ownWriteMs = options.ownWriteMs ?? 3000;
    this.now = options.now ?? (() => Date.now());
  }

  get syncCount(): number {
    return this.syncs;
  }

  private batch<T>(fn: (ctx: Excel.RequestContext, sync: Sync) => Promise<T>): Promise<T> {
    return this.run(RUN_OPTIONS, (ctx) =>
      fn(ctx, () => {
        this.syncs++;
        return ctx.sync();
      }),
    );
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  async listSheets(): Promise<HostResult<SheetInfo[]>> {
    try {
      return ok(
        await this.batch(async (ctx, sync) => {
          const sheets = ctx.workbook.worksheets;
          sheets.load('items/name,items/id,items/visibility,items/protection/protected');
          await sync();
          return sheets.items.map((ws) => {
            this.idToName.set(ws.id, ws.name);
            return {
              name: ws.name,
              visible: ws.visibility === 'Visible',
              protected: ws.protection.protected,
            };
          });
        }),
      );
    } catch (e) {
      return fail(this.classify(e));
    }
  }

  async readSheet(name: string): Promise<HostResult<SheetData>> {
    const r = await this.readSheets([name]);
    return r.ok ? ok(r.value[0]) : r;
  }

  /**
   * Sync 1: each sheet's used area, protection and conditional formats (small). Sync 2: values,
   * value types and merged areas of every sheet, all queued at once. A read of more than
   * `cellsPerSync` cells in total takes one more sync per further `cellsPerSync` cells.
   */
  async readSheets(names: ReadonlyArray<string>): Promise<HostResult<SheetData[]>> {
    try {
      return await this.batch(async (ctx, sync) => {
        const heads = names.map((name) => {
          const ws = ctx.workbook.worksheets.getItem(name);
          ws.load('name,id');
          ws.protection.load('protected,options');
          const used = ws.getUsedRangeOrNullObject(false);
          used.load('rowIndex,columnIndex,rowCount,columnCount');
          const formats = ws.getRange().conditionalFormats;
          formats.load(CF_LOAD);
          return { name, ws, used, formats };
        });
        await sync();

        type Part = { sheet: number; range: Excel.Range; top: number; cells: number };
        const parts: Part[] = [];
        const mergeQueries: Array<{ sheet: number; areas: Excel.RangeAreas }> = [];
        const sizes = heads.map((h, i) => {
          this.remember(h.ws, h.formats);
          if (h.used.isNullObject) return { rows: 0, cols: 0, top: 0, left: 0 };
          const size = {
            rows: h.used.rowCount,
            cols: h.used.columnCount,
            top: h.used.rowIndex,
            left: h.used.columnIndex,
          };
          if (size.rows * size.cols > this.maxCells)
            throw hostErrors.tooLarge(h.name, size.rows * size.cols);
          const chunkRows = Math.max(1, Math.floor(this.cellsPerSync / Math.max(1, size.cols)));
          for (let r = 0; r < size.rows; r += chunkRows) {
            const n = Math.min(chunkRows, size.rows - r);
            parts.push({
              sheet: i,
              range: h.ws.getRangeByIndexes(size.top + r, size.left, n, size.cols),
              top: size.top + r,
              cells: n * size.cols,
            });
          }
          return size;
        });

        // Queue loads, one sync per `cellsPerSync` cells; merged areas go with the first.
        heads.forEach((h, i) => {
          const size = sizes[i];
          if (!this.features.mergedAreas || size.rows === 0) return;
          const right = size.left + size.cols;
          for (let top = size.top; top < size.top + size.rows; top += this.mergeBandRows) {
            const n = Math.min(this.mergeBandRows, size.top + size.rows - top);
            const areas = h.ws.getRangeByIndexes(top, 0, n, right).getMergedAreasOrNullObject();
            areas.load('address');
            mergeQueries.push({ sheet: i, areas });
          }
        });
        let budget = 0;
        for (const p of parts) {
          if (budget > 0 && budget + p.cells > this.cellsPerSync) {
            await sync();
            budget = 0;
          }
          p.range.load('values,valueTypes');
          budget += p.cells;
        }
        await sync();

        const out = heads.map((h, i) => ({
          name: h.ws.name,
          cells: [] as CellValue[][],
          merges: [] as Range[],
          size: sizes[i],
        }));
        for (const p of parts) {
          const size = sizes[p.sheet];
          const target = out[p.sheet].cells;
          p.range.values.forEach((row, r) => {
            const types = p.range.valueTypes[r];
            target[p.top + r] = rowValues(row, types, size.left);
          });
        }
        for (const q of mergeQueries) {
          if (q.areas.isNullObject) continue;
          out[q.sheet].merges.push(...parseAreas(q.areas.address));
        }
        return ok(
          out.map((o) => {
            for (let r = 0; r < o.cells.length; r++) if (o.cells[r] === undefined) o.cells[r] = [];
            return { name: o.name, cells: o.cells, merges: o.merges };
          }),
        );
      });
    } catch (e) {
      if (isHostError(e)) return fail(e);
      return fail(await this.diagnose(e, names));
    }
  }

  /** One sync: the rows' values (within the used columns), merged areas and the sheet's highlight state. */
  async readRows(sheet: string, top: number, bottom: number): Promise<HostResult<RowsData>> {
    try {
      return await this.batch(async (ctx, sync) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.load('name,id');
        ws.protection.load('protected,options');
        const formats = ws.getRange().conditionalFormats;
        formats.load(CF_LOAD);
        const band = ws
          .getRange(`${top + 1}:${bottom + 1}`)
          .getIntersectionOrNullObject(ws.getUsedRange(false));
        band.load('values,valueTypes,rowIndex,columnIndex');
        const areas: Excel.RangeAreas[] = [];
        if (this.features.mergedAreas) {
          for (let t = top; t <= bottom; t += this.mergeBandRows) {
            const b = Math.min(bottom, t + this.mergeBandRows - 1);
            const a = ws.getRange(`${t + 1}:${b + 1}`).getMergedAreasOrNullObject();
            a.load('address');
            areas.push(a);
          }
        }
        await sync();
        this.remember(ws, formats);
        const cells: CellValue[][] = [];
        for (let r = top; r <= bottom; r++) cells.push([]);
        if (!band.isNullObject) {
          band.values.forEach((row, i) => {
            const r = band.rowIndex + i - top;
            if (r >= 0 && r < cells.length)
              cells[r] = rowValues(row, band.valueTypes[i], band.columnIndex);
          });
        }
        const merges: Range[] = [];
        for (const a of areas)
          if (!a.isNullObject)
            merges.push(...parseAreas(a.address).filter((m) => m.top >= top && m.top <= bottom));
        return ok({ sheet: ws.name, top, bottom, cells, merges });
      });
    } catch (e) {
      return fail(await this.diagnose(e, [sheet]));
    }
  }

  // -------------------------------------------------------------------------------------------
  // Writing new sheets

  /** Sync 1: the sheet names (for a unique name). Sync 2: add, lay out, protect, activate. */
  async insertSheetFromSpec(spec: SheetSpec, preferredName: string): Promise<HostResult<string>> {
    try {
      return ok(
        await this.batch(async (ctx, sync) => {
          const name = await this.freeName(ctx, sync, preferredName || spec.name);
          const ws = ctx.workbook.worksheets.add(name);
          this.markOwn(name, null);
          queueTemplate(ws, spec);
          ws.activate();
          ws.getRange('A1').select();
          ws.load('id,name');
          await sync();
          this.idToName.set(ws.id, ws.name);
          this.state.set(ws.name, {
            id: ws.id,
            ourFormats: [],
            protected: spec.protection.sheet,
            protection: spec.protection.sheet
              ? {
                  allowFormatColumns: spec.protection.allowFormatColumns,
                  allowFormatRows: spec.protection.allowFormatRows,
                  allowInsertRows: spec.protection.allowInsertRows,
                }
              : undefined,
          });
          return ws.name;
        }),
      );
    } catch (e) {
      return fail(this.classify(e));
    }
  }

  /** Sync 1: names. Sync 2: the new sheet with header and rows (one more sync per `cellsPerSync` cells). */
  async writeTable(
    preferredName: string,
    headers: ReadonlyArray<string>,
    rows: ReadonlyArray<ReadonlyArray<CellValue>>,
  ): Promise<HostResult<string>> {
    const cols = Math.max(1, headers.length);
    try {
      return ok(
        await this.batch(async (ctx, sync) => {
          const name = await this.freeName(ctx, sync, preferredName);
          const ws = ctx.workbook.worksheets.add(name);
          this.markOwn(name, null);
          const head = ws.getRangeByIndexes(0, 0, 1, cols);
          head.values = [headers.map((h) => toExcel(h))];
          head.format.font.bold = true;
          head.format.fill.color = '#F2F2F2';
          head.format.wrapText = true;
          ws.freezePanes.freezeRows(1);
          const chunkRows = Math.max(1, Math.floor(this.cellsPerSync / cols));
          for (let start = 0; start < rows.length; start += chunkRows) {
            if (start > 0) await sync();
            const slice = rows.slice(start, start + chunkRows);
            ws.getRangeByIndexes(start + 1, 0, slice.length, cols).values = slice.map((row) =>
              Array.from({ length: cols }, (_, c) => toExcel(row[c] ?? null)),
            );
          }
          ws.getRangeByIndexes(0, 0, rows.length + 1, cols).format.autofitColumns();
          ws.activate();
          ws.load('id,name');
          await sync();
          this.idToName.set(ws.id, ws.name);
          this.state.set(ws.name, { id: ws.id, ourFormats: [], protected: false });
          return ws.name;
        }),
      );
    } catch (e) {
      return fail(this.classify(e));
    }
  }

  private async freeName(
    ctx: Excel.RequestContext,
    sync: Sync,
    preferred: string,
  ): Promise<string> {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await sync();
    return uniqueSheetName(
      preferred,
      sheets.items.map((s) => s.name),
    );
  }

  // -------------------------------------------------------------------------------------------
  // Cells

  async selectCell(sheet: string, cell: string): Promise<HostResult<void>> {
    if (!rangeFromA1(cell)) return fail(hostErrors.invalidAddress(cell));
    try {
      await this.batch(async (ctx, sync) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await sync();
      });
      return ok(undefined);
    } catch (e) {
      return fail(await this.diagnose(e, [sheet]));
    }
  }

  async setCellValue(sheet: string, cell: string, value: CellValue): Promise<HostResult<void>> {
    return this.setCellValues([{ sheet, cell, value }]);
  }

  async setCellValues(edits: ReadonlyArray<CellEdit>): Promise<HostResult<void>> {
    for (const e of edits) if (!rangeFromA1(e.cell)) return fail(hostErrors.invalidAddress(e.cell));
    if (edits.length === 0) return ok(undefined);
    try {
      await this.batch(async (ctx, sync) => {
        const sheets = new Map<string, Excel.Worksheet>();
        for (const e of edits) {
          let ws = sheets.get(e.sheet);
          if (!ws) {
            ws = ctx.workbook.worksheets.getItem(e.sheet);
            sheets.set(e.sheet, ws);
          }
          ws.getRange(e.cell).values = [[toExcel(e.value)]];
          this.markOwn(e.sheet, rangeFromA1(e.cell));
        }
        await sync();
      });
      return ok(undefined);
    } catch (e) {
      return fail(await this.diagnose(e, [...new Set(edits.map((x) => x.sheet))]));
    }
  }

  // -------------------------------------------------------------------------------------------
  // Highlights

  /**
   * One sync when the sheets' highlight state is known (after a read); otherwise one more to load
   * it. A protected sheet without password is unprotected and protected again around the write, in
   * the same batch; a sheet with a password is skipped and reported.
   */
  async applyHighlights(findings: FindingsBySheet): Promise<HostResult<HighlightSummary>> {
    const names = [...findings.keys()];
    const cells: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const list of findings.values())
      for (const [sev, group] of cellsBySeverity(list)) cells[sev] += group.length;
    try {
      const skipped: HostError[] = [];
      const missing = await this.ensureState(names);
      for (const n of missing) skipped.push(hostErrors.sheetMissing(n));
      let targets = names.filter((n) => this.state.has(n) && !this.state.get(n)?.locked);
      for (const n of names)
        if (this.state.get(n)?.locked) skipped.push(hostErrors.sheetProtected(n));
      try {
        await this.writeHighlights(targets, findings);
      } catch {
        // Stale state (a highlight deleted by hand) or a password: reload and try once more,
        // leaving out protected sheets that refused to be unprotected.
        await this.ensureState(targets, true);
        try {
          await this.writeHighlights(targets, findings);
        } catch {
          const prot = targets.filter((n) => this.state.get(n)?.protected);
          for (const n of prot) {
            const st = this.state.get(n);
            if (st) st.locked = true;
            skipped.push(hostErrors.sheetProtected(n));
          }
          targets = targets.filter((n) => !prot.includes(n));
          await this.writeHighlights(targets, findings);
        }
      }
      return ok({ sheets: targets, cells, skipped });
    } catch (e) {
      return fail(this.classify(e));
    }
  }

  /** ≤2 syncs: the sheets' conditional formats, then the deletes. */
  async clearHighlights(sheets?: ReadonlyArray<string>): Promise<HostResult<void>> {
    try {
      let names = sheets ? [...sheets] : [...this.state.keys()];
      if (names.length === 0) {
        const list = await this.listSheets();
        if (!list.ok) return list;
        names = list.value.map((s) => s.name);
      }
      await this.ensureState(names, true);
      const targets = names.filter((n) => this.state.has(n) && !this.state.get(n)?.locked);
      const empty = new Map<string, never[]>(targets.map((n) => [n, []]));
      await this.writeHighlights(
        targets.filter((n) => (this.state.get(n)?.ourFormats.length ?? 0) > 0),
        empty,
      );
      return ok(undefined);
    } catch (e) {
      return fail(this.classify(e));
    }
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

  private async writeHighlights(
    targets: ReadonlyArray<string>,
    findings: FindingsBySheet,
  ): Promise<void> {
    if (targets.length === 0) return;
    await this.batch(async (ctx, sync) => {
      const added: Array<{ name: string; formats: Excel.ConditionalFormat[] }> = [];
      for (const name of targets) {
        const st = this.state.get(name);
        if (!st) continue;
        const ws = ctx.workbook.worksheets.getItem(name);
        if (st.protected) ws.protection.unprotect();
        const existing = ws.getRange().conditionalFormats;
        for (const id of st.ourFormats) existing.getItem(id).delete();
        const formats: Excel.ConditionalFormat[] = [];
        const groups = cellsBySeverity(findings.get(name) ?? []);
        for (const severity of SEVERITIES) {
          const group = groups.get(severity);
          if (!group || group.length === 0) continue;
          const style = HIGHLIGHT_STYLES[severity];
          for (const address of addressChunks(coalesce(group))) {
            const cf = ws.getRanges(address).conditionalFormats.add('Custom');
            cf.custom.rule.formula = markerFormula(severity);
            cf.custom.format.fill.color = style.fill;
            cf.custom.format.font.color = style.fontColor;
            cf.load('id');
            formats.push(cf);
          }
        }
        if (st.protected) ws.protection.protect(st.protection);
        added.push({ name, formats });
      }
      await sync();
      for (const a of added) {
        const st = this.state.get(a.name);
        if (st) st.ourFormats = a.formats.map((f) => f.id);
      }
    });
  }

  private remember(ws: Excel.Worksheet, formats: Excel.ConditionalFormatCollection): void {
    this.idToName.set(ws.id, ws.name);
    const ours = formats.items
      .filter(
        (f) =>
          !f.customOrNullObject.isNullObject && markerSeverity(f.customOrNullObject.rule.formula),
      )
      .map((f) => f.id);
    const prev = this.state.get(ws.name);
    this.state.set(ws.name, {
      id: ws.id,
      ourFormats: ours,
      protected: ws.protection.protected,
      protection: ws.protection.options,
      locked: prev?.id === ws.id ? prev.locked : undefined,
    });
  }

  // -------------------------------------------------------------------------------------------
  // Events and selection

  async onChanged(handler: (change: SheetChange) => void): Promise<HostResult<Unsubscribe>> {
    try {
      return ok(
        await this.batch(async (ctx, sync) => {
          const sheets = ctx.workbook.worksheets;
          sheets.load('items/name,items/id');
          const changed = sheets.onChanged.add(async (e) => {
            const c = await this.toChange(e);
            if (c) handler(c);
          });
          const added = sheets.onAdded.add(async (e) => {
            if (this.isOwnSheetId(e.worksheetId)) return;
            const name = await this.nameOf(e.worksheetId);
            if (name && !this.isOwn(name, null))
              handler({ sheet: name, kind: 'sheet-added', address: '', rows: null });
          });
          await sync();
          for (const ws of sheets.items) this.idToName.set(ws.id, ws.name);
          return async () => {
            changed.remove();
            added.remove();
            this.syncs++;
            await changed.context.sync();
          };
        }),
      );
    } catch (e) {
      return fail(this.classify(e));
    }
  }

  async activeSelection(): Promise<HostResult<CellLocation>> {
    try {
      return ok(
        await this.batch(async (ctx, sync) => {
          const r = ctx.workbook.getSelectedRange();
          r.load('address,rowIndex,columnIndex');
          r.worksheet.load('name');
          await sync();
          return {
            sheet: r.worksheet.name,
            address: stripSheet(r.address),
            row: r.rowIndex,
            col: r.columnIndex,
          };
        }),
      );
    } catch (e) {
      return fail(this.classify(e));
    }
  }

  async onSelectionChanged(
    handler: (selection: CellLocation) => void,
  ): Promise<HostResult<Unsubscribe>> {
    try {
      return ok(
        await this.batch(async (ctx, sync) => {
          const sheets = ctx.workbook.worksheets;
          sheets.load('items/name,items/id');
          const sub = sheets.onSelectionChanged.add(async (e) => {
            const name = await this.nameOf(e.worksheetId);
            const address = stripSheet(e.address);
            const r = rangeFromA1(address);
            if (name && r) handler({ sheet: name, address, row: r.top, col: r.left });
          });
          await sync();
          for (const ws of sheets.items) this.idToName.set(ws.id, ws.name);
          return async () => {
            sub.remove();
            this.syncs++;
            await sub.context.sync();
          };
        }),
      );
    } catch (e) {
      return fail(this.classify(e));
    }
  }

  private async toChange(e: Excel.WorksheetChangedEventArgs): Promise<SheetChange | null> {
    // triggerSource is ExcelApi 1.14; older hosts fall back on the time window of isOwn
    if (this.features.triggerSource && e.triggerSource === 'ThisLocalAddin') return null;
    const name = await this.nameOf(e.worksheetId);
    if (!name) return null;
    const address = stripSheet(e.address ?? '');
    if (this.isOwn(name, rangeFromA1(address))) return null;
    return {
      sheet: name,
      kind: CHANGE_KINDS[e.changeType] ?? 'unknown',
      address,
      rows: rowsOf(address),
    };
  }

  /** A sheet's name from its id; one sync only when the id is new (a sheet added or renamed). */
  private async nameOf(id: string): Promise<string | null> {
    const known = this.idToName.get(id);
    if (known) return known;
    const list = await this.listSheets();
    return list.ok ? (this.idToName.get(id) ?? null) : null;
  }

  private markOwn(sheet: string, range: Range | null): void {
    const now = this.now();
    this.ownWrites = this.ownWrites.filter((w) => w.until >= now);
    this.ownWrites.push({ sheet, range, until: now + this.ownWriteMs });
  }

  private isOwn(sheet: string, range: Range | null): boolean {
    const now = this.now();
    return this.ownWrites.some(
      (w) =>
        w.until >= now &&
        w.sheet === sheet &&
        (w.range === null ||
          (range !== null &&
            range.top >= w.range.top &&
            range.bottom <= w.range.bottom &&
            range.left >= w.range.left &&
            range.right <= w.range.right)),
    );
  }

  private isOwnSheetId(id: string): boolean {
    const name = this.idToName.get(id);
    return name !== undefined && this.isOwn(name, null);
  }

  // -------------------------------------------------------------------------------------------
  // Errors

  private classify(e: unknown, sheet?: string): HostError {
    if (isHostError(e)) return e;
    const code = officeErrorCode(e);
    if (code === 'ItemNotFound' && sheet) return hostErrors.sheetMissing(sheet);
    if (code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded')
      return hostErrors.tooLarge(sheet ?? '');
    if (code === 'EditModeCellEdit' || code === 'Busy' || code === 'ActivityLimitReached')
      return hostErrors.busy();
    if ((code === 'AccessDenied' || code === 'InvalidOperation') && sheet)
      return hostErrors.sheetProtected(sheet);
    return hostErrors.unknown(errorText(e), sheet);
  }

  /** After a failed batch: one sync to say which sheet is missing or protected. */
  private async diagnose(e: unknown, sheets: ReadonlyArray<string>): Promise<HostError> {
    if (isHostError(e)) return e;
    const code = officeErrorCode(e);
    if (code !== 'ItemNotFound' && code !== 'AccessDenied' && code !== 'InvalidOperation')
      return this.classify(e, sheets[0]);
    const list = await this.listSheets();
    if (!list.ok) return this.classify(e, sheets[0]);
    for (const s of sheets) {
      const info = list.value.find((x) => x.name === s);
      if (!info) return hostErrors.sheetMissing(s);
      if (info.protected && code !== 'ItemNotFound') return hostErrors.sheetProtected(s);
    }
    return this.classify(e, sheets[0]);
  }
}

function rowValues(
  row: ReadonlyArray<unknown>,
  types: ReadonlyArray<string>,
  left: number,
): CellValue[] {
  const out: CellValue[] = new Array<CellValue>(left).fill(null);
  for (let c = 0; c < row.length; c++) out.push(fromExcel(row[c], types[c]));
  let n = out.length;
  while (n > 0 && out[n - 1] === null) n--;
  out.length = n;
  return out;
}

function isHostError(e: unknown): e is HostError {
  return (
    typeof e === 'object' &&
    e !== null &&
    'code' in e &&
    'message' in e &&
    !(e instanceof Error) &&
    typeof (e as HostError).message === 'string'
  );
}
