/**
 * The office-js `WorkbookHost`: every action is one `Excel.run` (with `delayForCellEdit`) and a
 * small, fixed number of `context.sync` calls whatever the workbook size. Only properties that are
 * used are loaded. Highlights are conditional formats added by the add-in and marked in their
 * formula (`=N("jixiao:error")=0`), so that cell formats and the workbook's own conditional formats
 * are never touched; they are laid out per band of rows (see `bands.ts`) so that an edit rewrites
 * only its band. Text is always written as text (see `textForExcel`), formulas only where asked.
 * Review remarks live in a custom XML part (see `host/remarks-part.ts`).
 */
import { rangeFromA1, rangeToA1, type CellValue, type Range, type SheetData } from '../engine';
import { fail, hostErrors, MAX_SHEET_CELLS, ok } from '../host/errors';
import { uniqueSheetName } from '../host/names';
import { newestRemarks, remarksPartXml, REMARKS_NAMESPACE } from '../host/remarks-part';
import type {
  CellEdit,
  CellLocation,
  ChangeKind,
  FindingsBySheet,
  HighlightSummary,
  HostError,
  HostResult,
  RowHighlights,
  RowsData,
  SheetChange,
  SheetInfo,
  Unsubscribe,
  WorkbookHost,
} from '../host/types';
import type { SheetSpec } from '../templates/spec';
import { BAND_ROWS, bandSpan } from './bands';
import { fromExcel, intersectRanges, jsonSize, rowsOf, stripSheet, toExcel } from './cells';
import { CF_LOAD, HighlightKeeper } from './highlight-keeper';
import { areasOf, formulaPieces, halves, hiddenLines, takeBatch, type ReadPiece } from './read';
import type { HostFeatures } from './requirements';
import { errorText, isHostError, officeErrorCode, RUN_OPTIONS, type ExcelRun } from './run';
import { queueTemplate } from './template';

export interface OfficeHostOptions {
  /** refuse sheets with more cells than this ('too-large') */
  readonly maxCells?: number;
  /**
   * cells read per sync: about 4 MB of values and value types of text-filled forms, under Excel on
   * the web's 5 MB response limit; a response still too large is read again in halves
   */
  readonly cellsPerSync?: number;
  /** bytes of values written per sync, under Excel on the web's 5 MB request limit */
  readonly bytesPerSync?: number;
  /** rows per merged-areas query (Excel returns at most 512 merged areas per query) */
  readonly mergeBandRows?: number;
  /** rows per band of highlights (see `bands.ts`) */
  readonly highlightBandRows?: number;
  /** how long after a write its change events are recognised as the add-in's own */
  readonly ownWriteMs?: number;
  readonly now?: () => number;
}

interface OwnWrite {
  readonly sheet: string;
  /** null: the whole sheet (a sheet the add-in created) */
  readonly range: Range | null;
  readonly until: number;
}

/** Bytes one written cell costs beside its value (object path and action, for `setCellValues`). */
const EDIT_BYTES = 400;

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
  private readonly idToName = new Map<string, string>();
  private readonly highlights: HighlightKeeper;
  private ownWrites: OwnWrite[] = [];
  private readonly maxCells: number;
  private readonly cellsPerSync: number;
  private readonly bytesPerSync: number;
  private readonly mergeBandRows: number;
  private readonly ownWriteMs: number;
  private readonly now: () => number;

  constructor(
    private readonly run: ExcelRun,
    private readonly features: HostFeatures,
    options: OfficeHostOptions = {},
  ) {
    this.maxCells = options.maxCells ?? MAX_SHEET_CELLS;
    this.cellsPerSync = options.cellsPerSync ?? 80_000;
    this.bytesPerSync = options.bytesPerSync ?? 4_000_000;
    this.mergeBandRows = options.mergeBandRows ?? 100;
    this.ownWriteMs = options.ownWriteMs ?? 3000;
    this.now = options.now ?? (() => Date.now());
    this.highlights = new HighlightKeeper(
      (fn) => this.batch(fn),
      () => this.listSheets(),
      (id, name) => this.idToName.set(id, name),
      options.highlightBandRows ?? BAND_ROWS,
    );
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
   * Sync 1: each sheet's used area, visibility, hidden rows and columns (the visible cells), where
   * its formulas are (`getSpecialCells('Formulas')`, ExcelApi 1.9), protection and conditional
   * formats (all small). Sync 2: values, value types, the formula cells' text and merged areas of
   * every sheet, all queued at once. A read of more than `cellsPerSync` cells takes one more sync
   * per further `cellsPerSync` cells; a response still over the limit is read again in halves.
   */
  async readSheets(names: ReadonlyArray<string>): Promise<HostResult<SheetData[]>> {
    try {
      return await this.batch(async (ctx, sync) => {
        const heads = names.map((name) => {
          const ws = ctx.workbook.worksheets.getItem(name);
          ws.load('name,id,visibility');
          ws.protection.load('protected,options');
          const used = ws.getUsedRangeOrNullObject(false);
          used.load('rowIndex,columnIndex,rowCount,columnCount');
          const formats = ws.getRange().conditionalFormats;
          formats.load(CF_LOAD);
          // getUsedRange never fails (a blank sheet gives A1), so its special cells can be asked
          const all = ws.getUsedRange(false);
          all.load('rowHidden,columnHidden');
          const formulaCells = all.getSpecialCellsOrNullObject('Formulas');
          formulaCells.load('address,areaCount,cellCount');
          const visible = all.getSpecialCellsOrNullObject('Visible');
          visible.load('address,areaCount');
          return { name, ws, used, formats, all, formulaCells, visible };
        });
        await sync();

        const pieces: ReadPiece[] = [];
        const sizes = heads.map((h, i) => {
          this.highlights.remember(h.ws, h.formats);
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
            const rows = Math.min(chunkRows, size.rows - r);
            pieces.push({
              kind: 'values',
              sheet: i,
              top: size.top + r,
              rows,
              left: size.left,
              cols: size.cols,
            });
          }
          if (!h.formulaCells.isNullObject) {
            const { address, areaCount, cellCount } = h.formulaCells;
            const areas = areasOf(address, areaCount);
            if (areas) pieces.push(...formulaPieces(i, areas));
            else pieces.push({ kind: 'areas', sheet: i, what: 'formulas', cells: cellCount });
          }
          if (!h.visible.isNullObject && !areasOf(h.visible.address, h.visible.areaCount))
            pieces.push({ kind: 'areas', sheet: i, what: 'visible', cells: 0 });
          if (this.features.mergedAreas) {
            const right = size.left + size.cols;
            for (let top = size.top; top < size.top + size.rows; top += this.mergeBandRows) {
              const rows = Math.min(this.mergeBandRows, size.top + size.rows - top);
              pieces.push({ kind: 'merges', sheet: i, top, rows, right });
            }
          }
          return size;
        });

        const out = heads.map((h) => ({
          name: h.ws.name,
          cells: [] as CellValue[][],
          merges: [] as Range[],
          formulas: [] as Array<Array<string | undefined> | undefined>,
          visible: h.visible.isNullObject
            ? null
            : (areasOf(h.visible.address, h.visible.areaCount) ?? ([] as Range[])),
          state: SHEET_STATES[h.ws.visibility] ?? 'visible',
        }));
        /** merged-areas queries whose address Excel shortened, read again as ranges */
        const shortened: Excel.RangeAreas[] = [];
        const query = (p: ReadPiece): Loaded => {
          const h = heads[p.sheet];
          if (p.kind !== 'areas') return queuePiece(h.ws, p);
          const areas =
            p.what === 'formulas'
              ? h.formulaCells
              : p.what === 'visible'
                ? h.visible
                : shortened[p.index ?? 0];
          areas.areas.load(
            p.what === 'formulas' ? 'items/formulas,items/rowIndex,items/columnIndex' : RECT_LOAD,
          );
          return { kind: 'areas', areas };
        };
        await this.readPieces(sync, pieces, query, (piece, loaded) => {
          const o = out[piece.sheet];
          if (loaded.kind === 'values') {
            const { values, valueTypes } = loaded.range;
            const left = piece.kind === 'values' ? piece.left : 0;
            const top = piece.kind === 'values' ? piece.top : 0;
            values.forEach((row, r) => {
              o.cells[top + r] = rowValues(row, valueTypes[r], left);
            });
          } else if (loaded.kind === 'merges') {
            if (loaded.areas.isNullObject) return;
            const merges = areasOf(loaded.areas.address, loaded.areas.areaCount);
            if (merges) o.merges.push(...merges);
            else {
              shortened.push(loaded.areas);
              const index = shortened.length - 1;
              return { kind: 'areas', sheet: piece.sheet, what: 'merges', cells: 0, index };
            }
          } else if (piece.kind === 'areas' && piece.what !== 'formulas') {
            if (piece.what === 'visible') o.visible = rectsOf(loaded.areas);
            else o.merges.push(...rectsOf(loaded.areas));
          } else {
            for (const area of loaded.areas.areas.items)
              putFormulas(o.formulas, area.formulas, area.rowIndex, area.columnIndex);
          }
        });
        return ok(
          out.map((o, i): SheetData => {
            for (let r = 0; r < o.cells.length; r++) if (o.cells[r] === undefined) o.cells[r] = [];
            const { all } = heads[i];
            const { top, left, rows, cols } = sizes[i];
            const hiddenRows = hiddenLines(o.visible, all.rowHidden, top, top + rows - 1, 'rows');
            const hiddenCols = hiddenLines(
              o.visible,
              all.columnHidden,
              left,
              left + cols - 1,
              'cols',
            );
            return {
              name: o.name,
              cells: o.cells,
              merges: o.merges,
              ...(o.formulas.length > 0 ? { formulas: o.formulas } : {}),
              ...(hiddenRows.length > 0 ? { hiddenRows } : {}),
              ...(hiddenCols.length > 0 ? { hiddenCols } : {}),
              state: o.state,
            };
          }),
        );
      });
    } catch (e) {
      if (isHostError(e)) return fail(e);
      return fail(await this.diagnose(e, names));
    }
  }

  /**
   * Loads the pieces, as many per sync as `cellsPerSync` allows (merged areas go with the first).
   * When Excel refuses a response as too large, the pieces of that sync are read again in halves.
   */
  private async readPieces(
    sync: Sync,
    pieces: ReadonlyArray<ReadPiece>,
    query: (piece: ReadPiece) => Loaded,
    take: (piece: ReadPiece, loaded: Loaded) => ReadPiece | void,
  ): Promise<void> {
    const queue = [...pieces];
    let budget = this.cellsPerSync;
    while (queue.length > 0) {
      const batch = takeBatch(queue, budget);
      const loaded = batch.map(query);
      try {
        await sync();
      } catch (e) {
        if (officeErrorCode(e) !== 'ResponsePayloadSizeLimitExceeded') throw e;
        const smaller = batch.flatMap((p) => halves(p) ?? [p]);
        if (smaller.length === batch.length && batch.length === 1) throw e;
        queue.unshift(...smaller);
        budget = Math.max(1, Math.floor(budget / 2));
        continue;
      }
      const more = batch.map((p, i) => take(p, loaded[i]));
      queue.unshift(...more.filter((p): p is ReadPiece => p !== undefined));
    }
  }

  /**
   * One sync: the rows' values and formulas (within the used columns), which cells hold formulas,
   * which rows are hidden, merged areas, and the add-in's highlights near the rows with the sheet's
   * protection (so that `updateHighlightRows` needs no read of its own).
   */
  async readRows(sheet: string, top: number, bottom: number): Promise<HostResult<RowsData>> {
    try {
      return await this.batch(async (ctx, sync) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.load('name,id');
        ws.protection.load('protected,options');
        const [bandTop, bandBottom] = bandSpan(top, bottom, this.highlights.bandRows);
        const formats = ws.getRange(`${bandTop + 1}:${bandBottom + 1}`).conditionalFormats;
        formats.load(CF_LOAD);
        const rows = ws.getRange(`${top + 1}:${bottom + 1}`);
        rows.load('rowHidden');
        const band = rows.getIntersectionOrNullObject(ws.getUsedRange(false));
        band.load('values,valueTypes,formulas,rowIndex,columnIndex');
        const formulaCells = rows.getSpecialCellsOrNullObject('Formulas');
        formulaCells.load('address,areaCount');
        const visible = rows.getSpecialCellsOrNullObject('Visible');
        visible.load('address,areaCount');
        const areas: Excel.RangeAreas[] = [];
        if (this.features.mergedAreas) {
          for (let t = top; t <= bottom; t += this.mergeBandRows) {
            const b = Math.min(bottom, t + this.mergeBandRows - 1);
            const a = ws.getRange(`${t + 1}:${b + 1}`).getMergedAreasOrNullObject();
            a.load('address,areaCount');
            areas.push(a);
          }
        }
        await sync();
        this.highlights.rememberBand(ws, formats, bandTop, bandBottom);
        // Areas as addresses; a list Excel shortened is read again as ranges (one more sync).
        const later: Array<() => void> = [];
        const rectsFor = (a: Excel.RangeAreas): Range[] | null => {
          if (a.isNullObject) return null;
          const parsed = areasOf(a.address, a.areaCount);
          if (parsed) return parsed;
          const read = queueRects(a);
          const out: Range[] = [];
          later.push(() => out.push(...read()));
          return out;
        };
        const formulaAreas = rectsFor(formulaCells) ?? [];
        const visibleAreas = rectsFor(visible);
        const mergeAreas = areas.map(rectsFor);
        if (later.length > 0) {
          await sync();
          for (const f of later) f();
        }
        const cells: CellValue[][] = [];
        for (let r = top; r <= bottom; r++) cells.push([]);
        const formulas: Array<Array<string | undefined> | undefined> = [];
        if (!band.isNullObject) {
          band.values.forEach((row, i) => {
            const r = band.rowIndex + i - top;
            if (r >= 0 && r < cells.length)
              cells[r] = rowValues(row, band.valueTypes[i], band.columnIndex);
          });
          const inBand = {
            top: band.rowIndex,
            left: band.columnIndex,
            bottom: band.rowIndex + band.values.length - 1,
            right: band.columnIndex + (band.values[0]?.length ?? 0) - 1,
          };
          for (const a of formulaAreas) {
            const rect = intersectRanges(a, inBand);
            if (!rect) continue;
            const texts = band.formulas
              .slice(rect.top - band.rowIndex, rect.bottom - band.rowIndex + 1)
              .map((row) =>
                row.slice(rect.left - band.columnIndex, rect.right - band.columnIndex + 1),
              );
            putFormulas(formulas, texts, rect.top - top, rect.left);
          }
        }
        const merges = mergeAreas.flatMap((list) =>
          (list ?? []).filter((m) => m.top >= top && m.top <= bottom),
        );
        const hiddenRows = hiddenLines(visibleAreas, rows.rowHidden, top, bottom, 'rows');
        return ok({
          sheet: ws.name,
          top,
          bottom,
          cells,
          merges,
          ...(formulas.length > 0 ? { formulas } : {}),
          ...(hiddenRows.length > 0 ? { hiddenRows } : {}),
        });
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
          const p = spec.protection;
          this.highlights.created(
            ws.name,
            ws.id,
            p.sheet
              ? {
                  allowFormatColumns: p.allowFormatColumns,
                  allowFormatRows: p.allowFormatRows,
                  allowInsertRows: p.allowInsertRows,
                }
              : undefined,
          );
          return ws.name;
        }),
      );
    } catch (e) {
      return fail(this.classify(e));
    }
  }

  /**
   * Sync 1: names. Sync 2: the new sheet with header and rows (one more sync per further
   * `bytesPerSync` bytes of values or `cellsPerSync` cells). Every text lands as text.
   */
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
          head.values = [Array.from({ length: cols }, (_, c) => toExcel(headers[c] ?? null))];
          head.format.font.bold = true;
          head.format.fill.color = '#F2F2F2';
          head.format.wrapText = true;
          ws.freezePanes.freezeRows(1);
          const values = rows.map((row) =>
            Array.from({ length: cols }, (_, c) => toExcel(row[c] ?? null)),
          );
          let start = 0;
          while (start < values.length) {
            if (start > 0) await sync();
            let end = start;
            let bytes = 0;
            while (
              end < values.length &&
              (end === start ||
                ((end - start + 1) * cols <= this.cellsPerSync &&
                  bytes + jsonSize(values[end]) <= this.bytesPerSync))
            )
              bytes += jsonSize(values[end++]);
            ws.getRangeByIndexes(start + 1, 0, end - start, cols).values = values.slice(start, end);
            start = end;
          }
          ws.getRangeByIndexes(0, 0, rows.length + 1, cols).format.autofitColumns();
          ws.activate();
          ws.load('id,name');
          await sync();
          this.idToName.set(ws.id, ws.name);
          this.highlights.created(ws.name, ws.id);
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

  /**
   * 1 sync (one more per further `bytesPerSync` bytes of edits). A value is written through
   * `values` and a text always lands as that text; `formula` (an undo) through `formulas`.
   */
  async setCellValues(edits: ReadonlyArray<CellEdit>): Promise<HostResult<void>> {
    for (const e of edits) if (!rangeFromA1(e.cell)) return fail(hostErrors.invalidAddress(e.cell));
    if (edits.length === 0) return ok(undefined);
    try {
      await this.batch(async (ctx, sync) => {
        const sheets = new Map<string, Excel.Worksheet>();
        let bytes = 0;
        for (const e of edits) {
          const input =
            e.formula !== undefined ? `=${e.formula.replace(/^=/, '')}` : toExcel(e.value);
          const size = EDIT_BYTES + jsonSize(input);
          if (bytes > 0 && bytes + size > this.bytesPerSync) {
            await sync();
            bytes = 0;
          }
          bytes += size;
          let ws = sheets.get(e.sheet);
          if (!ws) {
            ws = ctx.workbook.worksheets.getItem(e.sheet);
            sheets.set(e.sheet, ws);
          }
          const range = ws.getRange(e.cell);
          if (e.formula !== undefined) range.formulas = [[input]];
          else range.values = [[input]];
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
  // Highlights (see `HighlightKeeper`)

  /**
   * Replaces the add-in's highlights on each listed sheet, one conditional format per severity per
   * band of rows. 1 sync when the sheets' highlights are known (after a read), else 2.
   */
  async applyHighlights(findings: FindingsBySheet): Promise<HostResult<HighlightSummary>> {
    try {
      return ok(await this.highlights.apply(findings));
    } catch (e) {
      return fail(this.classify(e));
    }
  }

  /**
   * Rewrites the bands of rows `top..bottom` only. 1 sync while the host follows the workbook's
   * changes; 2 when it must read its highlights' areas back; 3 on a sheet it never read.
   */
  async updateHighlightRows(update: RowHighlights): Promise<HostResult<HighlightSummary>> {
    try {
      return ok(await this.highlights.update(update));
    } catch (e) {
      return fail(this.classify(e, update.sheet));
    }
  }

  /** ≤2 syncs: the sheets' conditional formats, then the deletes. */
  async clearHighlights(sheets?: ReadonlyArray<string>): Promise<HostResult<void>> {
    try {
      return ok(await this.highlights.clear(sheets));
    } catch (e) {
      return fail(this.classify(e));
    }
  }

  // -------------------------------------------------------------------------------------------
  // Review remarks

  /**
   * The remarks text of the newest custom XML part in `REMARKS_NAMESPACE`: 1 sync when the
   * workbook has none, 2 when it has (their ids, then their XML). Unreadable parts only:
   * 'unreadable'.
   */
  async loadRemarks(): Promise<HostResult<string | null>> {
    try {
      const found = await this.batch(async (ctx, sync) => {
        const parts = ctx.workbook.customXmlParts.getByNamespace(REMARKS_NAMESPACE);
        parts.load('items/id');
        await sync();
        if (parts.items.length === 0) return 'none' as const;
        const xml = parts.items.map((p) => p.getXml());
        await sync();
        return newestRemarks(xml.map((x) => x.value));
      });
      if (found === 'unreadable') return fail(hostErrors.remarksUnreadable());
      return ok(found === 'none' ? null : found.text);
    } catch (e) {
      return fail(this.classify(e));
    }
  }

  /**
   * 2 syncs: the parts in `REMARKS_NAMESPACE`, then the new part added and the old ones deleted
   * (added first: if the add fails, nothing kept before is lost).
   */
  async saveRemarks(text: string): Promise<HostResult<void>> {
    try {
      await this.batch(async (ctx, sync) => {
        const parts = ctx.workbook.customXmlParts;
        const old = parts.getByNamespace(REMARKS_NAMESPACE);
        old.load('items/id');
        await sync();
        parts.add(remarksPartXml(text, new Date(this.now()).toISOString()));
        for (const p of old.items) p.delete();
        await sync();
      });
      return ok(undefined);
    } catch (e) {
      const code = officeErrorCode(e);
      if (code === 'RequestPayloadSizeLimitExceeded') return fail(hostErrors.remarksTooLarge());
      return fail(this.classify(e));
    }
  }

  // -------------------------------------------------------------------------------------------
  // Events and selection

  /**
   * 1 sync. While subscribed, the host also moves its record of the highlights with the rows people
   * insert and delete, so that `updateHighlightRows` needs no read of them.
   */
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
          this.highlights.followChanges(true);
          let open = true;
          return async () => {
            if (open) {
              open = false;
              this.highlights.followChanges(false);
            }
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
    const change: SheetChange = {
      sheet: name,
      kind: CHANGE_KINDS[e.changeType] ?? 'unknown',
      address,
      rows: rowsOf(address),
    };
    this.highlights.follow(change);
    return change;
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

const SHEET_STATES: Readonly<Record<string, SheetData['state']>> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

/** A read piece's proxies, loaded in one sync. */
type Loaded =
  | { readonly kind: 'values'; readonly range: Excel.Range }
  | { readonly kind: 'formulas' | 'merges' | 'areas'; readonly areas: Excel.RangeAreas };

function queuePiece(
  ws: Excel.Worksheet,
  p: Exclude<ReadPiece, { readonly kind: 'areas' }>,
): Loaded {
  if (p.kind === 'values') {
    const range = ws.getRangeByIndexes(p.top, p.left, p.rows, p.cols);
    range.load('values,valueTypes');
    return { kind: 'values', range };
  }
  if (p.kind === 'formulas') {
    const areas = ws.getRanges(p.areas.map((a) => rangeToA1(a)).join(','));
    areas.areas.load('items/formulas,items/rowIndex,items/columnIndex');
    return { kind: 'formulas', areas };
  }
  const areas = ws.getRangeByIndexes(p.top, 0, p.rows, p.right).getMergedAreasOrNullObject();
  areas.load('address,areaCount');
  return { kind: 'merges', areas };
}

const RECT_LOAD = 'items/rowIndex,items/columnIndex,items/rowCount,items/columnCount';

/** Queues a load of the rectangles of some areas; the function gives them after the sync. */
function queueRects(areas: Excel.RangeAreas): () => Range[] {
  areas.areas.load(RECT_LOAD);
  return () => rectsOf(areas);
}

/** The rectangles of areas whose `areas` were loaded with `RECT_LOAD`. */
function rectsOf(areas: Excel.RangeAreas): Range[] {
  return areas.areas.items.map((a) => ({
    top: a.rowIndex,
    left: a.columnIndex,
    bottom: a.rowIndex + a.rowCount - 1,
    right: a.columnIndex + a.columnCount - 1,
  }));
}

/** Formula texts (`=…`) of a block at `row`, `col` into `target` (without `=`). */
function putFormulas(
  target: Array<Array<string | undefined> | undefined>,
  texts: ReadonlyArray<ReadonlyArray<unknown>>,
  row: number,
  col: number,
): void {
  texts.forEach((line, r) =>
    line.forEach((t, c) => {
      if (typeof t !== 'string' || !t.startsWith('=')) return;
      (target[row + r] ??= [])[col + c] = t.slice(1);
    }),
  );
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
