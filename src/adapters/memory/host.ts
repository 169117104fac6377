/**
 * The in-memory workbook host: the standalone mode's workbook (open an .xlsx from disk, check it,
 * download it) and what the end-to-end tests and the benchmark drive. Implements `WorkbookHost`
 * like the office-js host, plus the user's side of a spreadsheet (edit, paste, insert and delete
 * rows, select) that raises change events, and a render view of cells and highlights for a grid.
 *
 * An opened file keeps its original bytes: values, formulas and merges come from the reader
 * (loaded on demand, in its own chunk), and a download is that file with only the session's
 * changes written into it (package/save.ts).
 */
import {
  cellText,
  fromA1,
  rangeFromA1,
  rangeToA1,
  toA1,
  type CellValue,
  type Range,
  type SheetData,
  type Severity,
} from '../../engine';
import type { SheetSpec } from '../../templates/spec';
import { fail, hostErrors, MAX_SHEET_CELLS, ok } from '../../host/errors';
import { cellsBySeverity } from '../../host/highlights';
import { uniqueSheetName } from '../../host/names';
import type {
  CellEdit,
  CellLocation,
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
} from '../../host/types';
import { HighlightMap } from './highlights';
import {
  cellFor,
  emptySheet,
  getCell,
  parseSqref,
  touchCell,
  type CellStyle,
  type MemSheet,
} from './model';
import { shiftFormulaRows, shiftSpan, type RowShift } from './package/formula';
import type { XlsxPackage } from './package/package';
import { scanSheet } from './package/scan';
import { sheetFromSpec } from './spec';

/** One cell as a grid shows it. */
export interface GridCellView {
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
  readonly text: string;
  readonly formula?: string;
  /** the cell's own format (exceljs style: fill, font, border, numFmt, alignment, protection) */
  readonly style?: CellStyle;
  /** the add-in's highlight on this cell, if any */
  readonly highlight: Severity | null;
  /** set on the top-left cell of a merged area */
  readonly span?: { readonly rows: number; readonly cols: number };
  /** true for the other cells of a merged area (the grid draws nothing there) */
  readonly covered?: boolean;
}

export interface GridView {
  readonly sheet: string;
  readonly rowCount: number;
  readonly colCount: number;
  /** rows of the requested window, top to bottom */
  readonly rows: ReadonlyArray<ReadonlyArray<GridCellView>>;
  readonly top: number;
  readonly left: number;
  /** widths in characters, from column A (undefined: default) */
  readonly columnWidths: ReadonlyArray<number | undefined>;
}

/** How far opening a file has got, for a progress line. */
export interface OpenProgress {
  /** `reader`: loading the reader and reading the file; `sheets`: sheet `done + 1` of `total` */
  readonly phase: 'reader' | 'sheets' | 'done';
  readonly done: number;
  readonly total: number;
  readonly sheet?: string;
}

export interface MemoryHostOptions {
  /** a sheet with more cells than this is refused by `readSheet` ('too-large') */
  readonly maxCells?: number;
  /** progress while `load` reads a file (awaited, so that a page can paint it) */
  readonly onProgress?: (p: OpenProgress) => void | Promise<void>;
}

const NO_CELLS: ReadonlyArray<CellValue> = Object.freeze([]) as ReadonlyArray<CellValue>;
const KEY_COLS = 16384;
const key = (row: number, col: number): number => row * KEY_COLS + col;

interface SheetHighlightState {
  readonly map: HighlightMap;
  /** as the file had them (a loaded sheet, once scanned), for a save to tell whether they changed */
  loaded: HighlightMap | null;
}

export class MemoryWorkbookHost implements WorkbookHost {
  readonly kind = 'memory' as const;
  readonly syncCount = 0;
  /** increases on every change (values, formats, highlights, sheets); a grid re-renders on it */
  version = 0;
  private readonly sheets: MemSheet[];
  private activeIndex = 0;
  private selection: CellLocation | null = null;
  private readonly changeHandlers = new Set<(c: SheetChange) => void>();
  private readonly selectionHandlers = new Set<(s: CellLocation) => void>();
  private readonly renderListeners = new Set<() => void>();
  private readonly highlights = new Map<MemSheet, SheetHighlightState>();
  private readonly maxCells: number;
  /** merges sorted by first row, per sheet, while its merges stay the same array */
  private readonly mergeIndex = new WeakMap<
    MemSheet,
    { source: ReadonlyArray<Range>; byTop: Range[] }
  >();
  /** sheets opened from the file whose formats, widths, protection and highlights are not read yet */
  private readonly unscanned = new Set<MemSheet>();
  /** unscanned sheets whose protection was read */
  private readonly probed = new Set<MemSheet>();
  /** the review remarks kept in this session; null: as the file has them */
  private remarksText: string | null = null;

  private constructor(
    sheets: MemSheet[],
    private readonly pkg: XlsxPackage | null,
    options: MemoryHostOptions = {},
  ) {
    this.sheets = sheets;
    this.maxCells = options.maxCells ?? MAX_SHEET_CELLS;
    for (const s of sheets) if (s.source) this.unscanned.add(s);
    const firstVisible = sheets.findIndex((s) => s.state === 'visible');
    this.activeIndex = Math.max(0, firstVisible);
  }

  /** A new workbook with empty sheets. */
  static create(
    names: ReadonlyArray<string> = ['Sheet1'],
    options?: MemoryHostOptions,
  ): MemoryWorkbookHost {
    return new MemoryWorkbookHost(
      names.map((n) => emptySheet(n)),
      null,
      options,
    );
  }

  /** A workbook from plain sheet data (tests, benchmarks); formulas and hidden rows included. */
  static fromData(
    sheets: ReadonlyArray<SheetData>,
    options?: MemoryHostOptions,
  ): MemoryWorkbookHost {
    return new MemoryWorkbookHost(
      sheets.map((d) => sheetFromData(d)),
      null,
      options,
    );
  }

  /**
   * Opens .xlsx bytes. The reader is loaded on first use (its own chunk in the web build). Throws
   * the reader's `WorkbookReadError` (a Chinese message) for a file that cannot be read.
   */
  static async load(
    bytes: Uint8Array,
    options: MemoryHostOptions = {},
  ): Promise<MemoryWorkbookHost> {
    const progress = options.onProgress;
    await progress?.({ phase: 'reader', done: 0, total: 0 });
    const { readXlsx } = await import(/* webpackChunkName: "xlsx-reader" */ '../xlsx/read');
    // TODO(lead): when readXlsx reports its sheets as it reads them, pass `progress` through so
    // that "sheet N of M" follows the reading itself, not the preparation after it.
    const data = await readXlsx(bytes);
    const { XlsxPackage } = await import(
      /* webpackChunkName: "xlsx-package" */ './package/package'
    );
    const pkg = XlsxPackage.open(bytes);
    const total = data.sheets.length;
    const byName = new Map(pkg.sheets.map((e) => [e.name, e]));
    const sheets: MemSheet[] = [];
    for (let i = 0; i < total; i++) {
      const d = data.sheets[i];
      await progress?.({ phase: 'sheets', done: i, total, sheet: d.name });
      const s = sheetFromData(d);
      const entry = byName.get(d.name);
      if (entry) {
        s.state = d.state ?? entry.state;
        s.source = { part: entry.part, shifts: [], edited: false, protectionChanged: false };
      }
      sheets.push(s);
    }
    const host = new MemoryWorkbookHost(sheets, pkg, options);
    await progress?.({ phase: 'done', done: total, total });
    return host;
  }

  /**
   * The workbook as .xlsx bytes: the opened file with only this session's changes (edited cells,
   * new sheets, the add-in's highlights, the review remarks); every other part as it was.
   */
  async save(): Promise<Uint8Array> {
    for (const s of this.sheets) this.scan(s);
    // zip and deflate are loaded with the first save (or open), not with the page
    const { emptyPackage, savePackage } = await import(
      /* webpackChunkName: "xlsx-package" */ './package/save'
    );
    return savePackage(this.pkg ?? emptyPackage(), {
      sheets: this.sheets,
      remarks: this.remarksText,
      highlights: (s) => {
        const st = this.highlights.get(s);
        const map = st?.map ?? new HighlightMap();
        const loaded = st?.loaded ?? null;
        const changed = s.source
          ? !(loaded ?? new HighlightMap()).equals(map) ||
            (s.source.shifts.length > 0 && map.size > 0)
          : map.size > 0;
        return { groups: map.groups(), changed };
      },
    });
  }

  // -------------------------------------------------------------------------------------------
  // WorkbookHost

  async listSheets(): Promise<HostResult<SheetInfo[]>> {
    return ok(
      this.sheets.map((s) => {
        this.probe(s);
        return { name: s.name, visible: s.state === 'visible', protected: s.protected };
      }),
    );
  }

  async readSheet(name: string): Promise<HostResult<SheetData>> {
    const s = this.find(name);
    if (!s) return fail(hostErrors.sheetMissing(name));
    const size = this.size(s);
    if (size.rows * size.cols > this.maxCells)
      return fail(hostErrors.tooLarge(name, size.rows * size.cols));
    const rows = this.rowsOf(s, 0, size.rows - 1);
    return ok({
      name: s.name,
      cells: rows.cells,
      merges: this.mergesFrom(s, 0, size.rows - 1),
      ...(rows.formulas ? { formulas: rows.formulas } : {}),
      ...(rows.hiddenRows.length > 0 ? { hiddenRows: rows.hiddenRows } : {}),
      ...(s.hiddenCols.length > 0 ? { hiddenCols: [...s.hiddenCols] } : {}),
      ...(s.state !== 'visible' ? { state: s.state } : {}),
    });
  }

  async readSheets(names: ReadonlyArray<string>): Promise<HostResult<SheetData[]>> {
    const out: SheetData[] = [];
    for (const n of names) {
      const r = await this.readSheet(n);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return ok(out);
  }

  async readRows(sheet: string, top: number, bottom: number): Promise<HostResult<RowsData>> {
    const s = this.find(sheet);
    if (!s) return fail(hostErrors.sheetMissing(sheet));
    const rows = this.rowsOf(s, top, bottom);
    return ok({
      sheet,
      top,
      bottom,
      cells: rows.cells,
      merges: this.mergesFrom(s, top, bottom),
      ...(rows.formulas ? { formulas: rows.formulas } : {}),
      ...(rows.hiddenRows.length > 0 ? { hiddenRows: rows.hiddenRows } : {}),
    });
  }

  async insertSheetFromSpec(spec: SheetSpec, preferredName: string): Promise<HostResult<string>> {
    const name = uniqueSheetName(
      preferredName || spec.name,
      this.sheets.map((s) => s.name),
    );
    this.sheets.push(sheetFromSpec(spec, name));
    this.activeIndex = this.sheets.length - 1;
    this.selection = { sheet: name, address: 'A1', row: 0, col: 0 };
    this.touch();
    return ok(name);
  }

  async writeTable(
    preferredName: string,
    headers: ReadonlyArray<string>,
    rows: ReadonlyArray<ReadonlyArray<CellValue>>,
  ): Promise<HostResult<string>> {
    const name = uniqueSheetName(
      preferredName,
      this.sheets.map((s) => s.name),
    );
    const s = emptySheet(name);
    const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
    const head: CellStyle = {
      font: { bold: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } },
      border: { top: thin, left: thin, bottom: thin, right: thin },
      alignment: { vertical: 'middle', wrapText: true },
    };
    headers.forEach((h, c) => {
      const cell = cellFor(s, 0, c);
      cell.value = h;
      cell.style = head;
    });
    // values only, texts as texts: a text starting with = + - @ is never written as a formula
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) cellFor(s, r + 1, c).value = v;
      }),
    );
    s.columnWidths = headers.map((h, c) => {
      let w = textWidth(h);
      for (let r = 0; r < Math.min(rows.length, 200); r++)
        w = Math.max(w, textWidth(cellText(rows[r][c] ?? null)));
      return Math.min(Math.max(w + 2, 8), 60);
    });
    s.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
    this.sheets.push(s);
    this.activeIndex = this.sheets.length - 1;
    this.touch();
    return ok(name);
  }

  async selectCell(sheet: string, cell: string): Promise<HostResult<void>> {
    const i = this.sheets.findIndex((s) => s.name === sheet);
    if (i < 0) return fail(hostErrors.sheetMissing(sheet));
    const ref = fromA1(cell);
    if (!ref) return fail(hostErrors.invalidAddress(cell));
    this.activeIndex = i;
    this.selection = { sheet, address: toA1(ref), row: ref.row, col: ref.col };
    this.touch();
    return ok(undefined);
  }

  async setCellValue(sheet: string, cell: string, value: CellValue): Promise<HostResult<void>> {
    return this.setCellValues([{ sheet, cell, value }]);
  }

  /**
   * Writes values (a text always as a text) or, for an undo, formulas. Like an Excel batch, a
   * refused edit leaves the workbook unchanged.
   */
  async setCellValues(edits: ReadonlyArray<CellEdit>): Promise<HostResult<void>> {
    const planned: Array<{ s: MemSheet; row: number; col: number; e: CellEdit }> = [];
    for (const e of edits) {
      const s = this.find(e.sheet);
      if (!s) return fail(hostErrors.sheetMissing(e.sheet));
      const ref = fromA1(e.cell);
      if (!ref) return fail(hostErrors.invalidAddress(e.cell));
      if (this.isLocked(s, ref.row, ref.col)) return fail(hostErrors.sheetProtected(s.name));
      planned.push({ s, row: ref.row, col: ref.col, e });
    }
    for (const p of planned) this.write(p.s, p.row, p.col, p.e.value, p.e.formula);
    this.touch();
    return ok(undefined);
  }

  async applyHighlights(findings: FindingsBySheet): Promise<HostResult<HighlightSummary>> {
    const done: string[] = [];
    const skipped: HostError[] = [];
    const cells: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const [name, list] of findings) {
      const s = this.find(name);
      if (!s) {
        skipped.push(hostErrors.sheetMissing(name));
        continue;
      }
      // the sheet's highlights are replaced as a whole: what the file had need not be read
      this.probe(s);
      if (s.passwordProtected) {
        skipped.push(hostErrors.sheetProtected(name));
        continue;
      }
      const st = this.highlightState(s, false);
      st.map.clearRows(0, Number.MAX_SAFE_INTEGER);
      this.mark(st.map, list, cells);
      done.push(name);
    }
    this.touch();
    return ok({ sheets: done, cells, skipped });
  }

  /** The highlights of rows `top..bottom` replaced; the rest of the sheet's stay. */
  async updateHighlightRows(update: RowHighlights): Promise<HostResult<HighlightSummary>> {
    const cells: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    const s = this.find(update.sheet);
    if (!s) return ok({ sheets: [], cells, skipped: [hostErrors.sheetMissing(update.sheet)] });
    const st = this.highlightState(s);
    if (s.passwordProtected)
      return ok({ sheets: [], cells, skipped: [hostErrors.sheetProtected(update.sheet)] });
    st.map.clearRows(update.top, update.bottom);
    this.mark(
      st.map,
      update.findings.filter((f) => f.row >= update.top && f.row <= update.bottom),
      cells,
    );
    this.touch();
    return ok({ sheets: [update.sheet], cells, skipped: [] });
  }

  async clearHighlights(sheets?: ReadonlyArray<string>): Promise<HostResult<void>> {
    const targets = sheets ? sheets.map((n) => this.find(n)) : this.sheets;
    for (const s of targets)
      if (s) this.highlightState(s, false).map.clearRows(0, Number.MAX_SAFE_INTEGER);
    this.touch();
    return ok(undefined);
  }

  async onChanged(handler: (change: SheetChange) => void): Promise<HostResult<Unsubscribe>> {
    this.changeHandlers.add(handler);
    return ok(async () => void this.changeHandlers.delete(handler));
  }

  async activeSelection(): Promise<HostResult<CellLocation>> {
    const s = this.sheets[this.activeIndex];
    if (!s) return fail(hostErrors.sheetMissing(''));
    if (this.selection && this.selection.sheet === s.name) return ok(this.selection);
    return ok({ sheet: s.name, address: 'A1', row: 0, col: 0 });
  }

  async onSelectionChanged(
    handler: (selection: CellLocation) => void,
  ): Promise<HostResult<Unsubscribe>> {
    this.selectionHandlers.add(handler);
    return ok(async () => void this.selectionHandlers.delete(handler));
  }

  /** The remarks text kept in the workbook (the file's custom XML part), or null. */
  async loadRemarks(): Promise<HostResult<string | null>> {
    if (this.remarksText !== null) return ok(this.remarksText);
    const found = this.pkg?.remarks.found ?? 'none';
    if (found === 'unreadable') return fail(hostErrors.remarksUnreadable());
    return ok(found === 'none' ? null : found.text);
  }

  /** Keeps the remarks text; a download writes it into the file. */
  async saveRemarks(text: string): Promise<HostResult<void>> {
    this.remarksText = text;
    return ok(undefined);
  }

  // -------------------------------------------------------------------------------------------
  // The user's side (standalone grid, end-to-end tests): these raise change events.

  /** A person types a value into a cell. */
  userEdit(sheet: string, cell: string, value: CellValue): HostResult<void> {
    return this.userPaste(sheet, cell, [[value]]);
  }

  /** A person pastes a block of values with its top-left at `cell`. */
  userPaste(
    sheet: string,
    cell: string,
    values: ReadonlyArray<ReadonlyArray<CellValue>>,
  ): HostResult<void> {
    const s = this.find(sheet);
    if (!s) return fail(hostErrors.sheetMissing(sheet));
    const at = fromA1(cell);
    if (!at) return fail(hostErrors.invalidAddress(cell));
    const width = Math.max(1, ...values.map((r) => r.length));
    for (let r = 0; r < values.length; r++) {
      for (let c = 0; c < width; c++)
        if (this.isLocked(s, at.row + r, at.col + c)) return fail(hostErrors.sheetProtected(sheet));
    }
    values.forEach((row, r) => row.forEach((v, c) => this.write(s, at.row + r, at.col + c, v)));
    const range = {
      top: at.row,
      left: at.col,
      bottom: at.row + Math.max(values.length, 1) - 1,
      right: at.col + width - 1,
    };
    this.touch();
    this.emit({
      sheet,
      kind: 'edit',
      address: rangeToA1(range),
      rows: { top: range.top, bottom: range.bottom },
    });
    return ok(undefined);
  }

  /** A person inserts `count` empty rows before row `top` (zero-based). */
  userInsertRows(sheet: string, top: number, count: number): HostResult<void> {
    return this.shiftRows(sheet, top, count);
  }

  /** A person deletes rows `top..top+count-1`. */
  userDeleteRows(sheet: string, top: number, count: number): HostResult<void> {
    return this.shiftRows(sheet, top, -count);
  }

  /** A person selects a cell. */
  userSelect(sheet: string, cell: string): HostResult<void> {
    const i = this.sheets.findIndex((s) => s.name === sheet);
    if (i < 0) return fail(hostErrors.sheetMissing(sheet));
    const ref = fromA1(cell);
    if (!ref) return fail(hostErrors.invalidAddress(cell));
    this.activeIndex = i;
    this.selection = { sheet, address: toA1(ref), row: ref.row, col: ref.col };
    for (const h of this.selectionHandlers) h(this.selection);
    this.touch();
    return ok(undefined);
  }

  /** A person adds a sheet. */
  userAddSheet(preferredName: string): string {
    const name = uniqueSheetName(
      preferredName,
      this.sheets.map((s) => s.name),
    );
    this.sheets.push(emptySheet(name));
    this.touch();
    this.emit({ sheet: name, kind: 'sheet-added', address: '', rows: null });
    return name;
  }

  /** A person protects a sheet (with a password, the add-in cannot write highlights there). */
  userProtect(sheet: string, password?: string): HostResult<void> {
    const s = this.find(sheet);
    if (!s) return fail(hostErrors.sheetMissing(sheet));
    this.scan(s);
    s.protected = true;
    s.passwordProtected = Boolean(password);
    s.protection = {
      selectLockedCells: true,
      selectUnlockedCells: true,
      ...(password ? { password } : {}),
    };
    if (s.source) s.source.protectionChanged = true;
    this.touch();
    return ok(undefined);
  }

  /** A person sets a cell's format (tests of format round trips; grid formatting). */
  userFormat(sheet: string, cell: string, style: CellStyle): HostResult<void> {
    const s = this.find(sheet);
    const ref = fromA1(cell);
    if (!s || !ref)
      return fail(s ? hostErrors.invalidAddress(cell) : hostErrors.sheetMissing(sheet));
    this.scan(s);
    const c = cellFor(s, ref.row, ref.col);
    touchCell(s, c);
    c.style = style;
    this.touch();
    return ok(undefined);
  }

  /** A person adds a conditional format of their own (formula rule). */
  userAddConditionalFormat(
    sheet: string,
    address: string,
    formula: string,
    fillArgb: string,
  ): HostResult<void> {
    const s = this.find(sheet);
    const r = rangeFromA1(address);
    if (!s || !r)
      return fail(s ? hostErrors.invalidAddress(address) : hostErrors.sheetMissing(sheet));
    s.conditionalFormats.push({
      ranges: [r],
      rules: [
        {
          type: 'expression',
          formulae: [formula.replace(/^=/, '')],
          priority: s.conditionalFormats.length + 1,
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: fillArgb } } },
        },
      ],
    });
    this.touch();
    return ok(undefined);
  }

  // -------------------------------------------------------------------------------------------
  // Views for a grid and for tests

  /** Re-render when anything changes. */
  subscribe(listener: () => void): () => void {
    this.renderListeners.add(listener);
    return () => void this.renderListeners.delete(listener);
  }

  get activeSheet(): string {
    return this.sheets[this.activeIndex]?.name ?? '';
  }

  /** Cells of a window of a sheet (default: the used area) with their formats and highlights. */
  renderSheet(name: string, window?: Range): GridView | null {
    const s = this.find(name);
    if (!s) return null;
    this.scan(s);
    const size = this.size(s);
    const w = window ?? { top: 0, left: 0, bottom: size.rows - 1, right: size.cols - 1 };
    const covered = new Set<number>();
    const spans = new Map<number, { rows: number; cols: number }>();
    for (const m of s.merges) {
      if (m.bottom < w.top || m.top > w.bottom) continue;
      spans.set(key(m.top, m.left), { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++)
          if (r !== m.top || c !== m.left) covered.add(key(r, c));
    }
    const hl = this.highlights.get(s)?.map;
    const rows: GridCellView[][] = [];
    for (let r = w.top; r <= w.bottom; r++) {
      const row: GridCellView[] = [];
      for (let c = w.left; c <= w.right; c++) {
        const cell = getCell(s, r, c);
        const k = key(r, c);
        const style = this.styleOf(cell);
        row.push({
          row: r,
          col: c,
          value: cell?.value ?? null,
          text: cellText(cell?.value ?? null),
          ...(cell?.formula ? { formula: cell.formula } : {}),
          ...(style ? { style } : {}),
          highlight: hl?.get(r, c) ?? null,
          ...(spans.has(k) ? { span: spans.get(k) } : {}),
          ...(covered.has(k) ? { covered: true } : {}),
        });
      }
      rows.push(row);
    }
    return {
      sheet: name,
      rowCount: size.rows,
      colCount: size.cols,
      rows,
      top: w.top,
      left: w.left,
      columnWidths: [...s.columnWidths],
    };
  }

  /** The highlight of one cell (`E12`), or null. */
  highlightAt(sheet: string, cell: string): Severity | null {
    const ref = fromA1(cell);
    const s = this.find(sheet);
    if (!ref || !s) return null;
    return this.highlightState(s).map.get(ref.row, ref.col);
  }

  /**
   * Everything about a sheet's look, as plain data: per-cell formats and validations, merges,
   * widths, heights, protection and the conditional formats added in this session. Two snapshots
   * deep-equal means the sheet looks exactly the same.
   */
  formatSnapshot(sheet: string): unknown {
    const s = this.find(sheet);
    if (!s) return null;
    this.scan(s);
    const cells: Record<string, unknown> = {};
    s.rows.forEach((row, r) =>
      row?.forEach((c, col) => {
        const style = this.styleOf(c);
        if (c && (style || c.validation))
          cells[toA1({ row: r, col })] = JSON.parse(
            JSON.stringify({ style, validation: c.validation }),
          );
      }),
    );
    return JSON.parse(
      JSON.stringify({
        cells,
        merges: s.merges,
        conditionalFormats: s.conditionalFormats,
        columnWidths: s.columnWidths,
        rowHeights: s.rowHeights,
        protected: s.protected,
      }),
    );
  }

  // -------------------------------------------------------------------------------------------

  private find(name: string): MemSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /**
   * Reads, once, what a loaded sheet's part holds beyond values and formulas: formats, shared and
   * array formulas, widths, heights, protection and the add-in's highlights.
   */
  private scan(s: MemSheet): void {
    if (!this.unscanned.delete(s) || !s.source || !this.pkg) return;
    const xml = this.pkg.text(s.source.part);
    if (xml === null) return;
    const facts = scanSheet(xml);
    for (const c of facts.cells) {
      const cell = cellFor(s, c.row, c.col);
      if (c.xf > 0) cell.xf = c.xf;
      if (c.shared !== undefined) cell.shared = c.shared;
      if (c.arrayRef !== undefined) cell.arrayRef = c.arrayRef;
    }
    facts.columnWidths.forEach((w, i) => {
      if (w !== undefined) s.columnWidths[i] = w;
    });
    facts.rowHeights.forEach((h, i) => {
      if (h !== undefined) s.rowHeights[i] = h;
    });
    if (facts.protection) {
      s.protected = true;
      s.passwordProtected = facts.protection.passwordProtected;
    }
    const loaded = HighlightMap.from(facts.highlights);
    const st = this.highlights.get(s);
    if (st) st.loaded = loaded;
    else this.highlights.set(s, { map: HighlightMap.from(facts.highlights), loaded });
  }

  /** A loaded sheet's protection, without scanning its cells (listing sheets, highlighting). */
  private probe(s: MemSheet): void {
    if (!this.unscanned.has(s) || this.probed.has(s) || !s.source || !this.pkg) return;
    this.probed.add(s);
    const p = this.pkg.protectionOf(s.source.part);
    if (p) {
      s.protected = true;
      s.passwordProtected = p.passwordProtected;
    }
  }

  /**
   * A sheet's highlights; `whole` false when the caller replaces them all (then the file's need
   * not be read first).
   */
  private highlightState(s: MemSheet, whole = true): SheetHighlightState {
    if (whole) this.scan(s);
    let st = this.highlights.get(s);
    if (!st) {
      st = { map: new HighlightMap(), loaded: null };
      this.highlights.set(s, st);
    }
    return st;
  }

  private mark(
    map: HighlightMap,
    list: ReadonlyArray<{
      readonly row: number;
      readonly col: number;
      readonly severity: Severity;
    }>,
    cells: Record<Severity, number>,
  ): void {
    for (const [severity, group] of cellsBySeverity(list)) {
      cells[severity] += group.length;
      for (const c of group) map.set(c.row, c.col, severity);
    }
  }

  private styleOf(cell: { style?: CellStyle; xf?: number } | undefined): CellStyle | undefined {
    if (!cell) return undefined;
    if (cell.style) return cell.style;
    return cell.xf && this.pkg ? this.pkg.styles().style(cell.xf) : undefined;
  }

  private size(s: MemSheet): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    s.rows.forEach((row, r) => {
      if (!row) return;
      let last = -1;
      row.forEach((c, i) => {
        if (c && (c.value !== null || c.formula)) last = i;
      });
      if (last >= 0) {
        rows = r + 1;
        if (last + 1 > cols) cols = last + 1;
      }
    });
    for (const m of s.merges) {
      if (m.bottom + 1 > rows) rows = m.bottom + 1;
      if (m.right + 1 > cols) cols = m.right + 1;
    }
    return { rows, cols };
  }

  /**
   * Values and formulas of rows `top..bottom` (index 0 is row `top`; empty rows share one array,
   * so a re-read of a few rows far down costs those rows), and the hidden ones. From row 0, empty
   * rows at the end are left out.
   */
  private rowsOf(
    s: MemSheet,
    top: number,
    bottom: number,
  ): {
    cells: Array<ReadonlyArray<CellValue>>;
    formulas: Array<ReadonlyArray<string | undefined> | undefined> | null;
    hiddenRows: number[];
  } {
    const height = Math.max(0, bottom - top + 1);
    const cells = new Array<ReadonlyArray<CellValue>>(height).fill(NO_CELLS, 0, height);
    let formulas: Array<ReadonlyArray<string | undefined> | undefined> | null = null;
    const hiddenRows: number[] = [];
    for (let r = top; r <= bottom; r++) {
      if (s.hiddenRows.has(r)) hiddenRows.push(r);
      const row = s.rows[r];
      if (!row) continue;
      let last = -1;
      row.forEach((c, i) => {
        if (c && (c.value !== null || c.formula)) last = i;
      });
      if (last < 0) continue;
      const out: CellValue[] = new Array<CellValue>(last + 1).fill(null);
      let f: Array<string | undefined> | null = null;
      for (let c = 0; c <= last; c++) {
        const cell = row[c];
        if (!cell) continue;
        out[c] = cell.value;
        if (cell.formula) {
          f ??= new Array<string | undefined>(last + 1);
          f[c] = cell.formula;
        }
      }
      cells[r - top] = out;
      if (f) {
        formulas ??= new Array<ReadonlyArray<string | undefined> | undefined>(height);
        formulas[r - top] = f;
      }
    }
    if (top === 0) {
      let end = cells.length;
      const mergeBottom = s.merges.reduce((b, m) => Math.max(b, m.bottom + 1), 0);
      while (end > mergeBottom && end > 0 && cells[end - 1].length === 0) end--;
      cells.length = end;
      if (formulas) formulas.length = Math.min(formulas.length, end);
    }
    return { cells, formulas, hiddenRows };
  }

  /** Merged areas whose first row is in `top..bottom` (binary search on merges sorted by row). */
  private mergesFrom(s: MemSheet, top: number, bottom: number): Range[] {
    let sorted = this.mergeIndex.get(s);
    if (!sorted || sorted.source !== s.merges) {
      sorted = { source: s.merges, byTop: [...s.merges].sort((a, b) => a.top - b.top) };
      this.mergeIndex.set(s, sorted);
    }
    const list = sorted.byTop;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].top < top) lo = mid + 1;
      else hi = mid;
    }
    const out: Range[] = [];
    for (let i = lo; i < list.length && list[i].top <= bottom; i++) out.push(list[i]);
    return out;
  }

  private isLocked(s: MemSheet, row: number, col: number): boolean {
    this.scan(s);
    if (!s.protected) return false;
    return this.styleOf(getCell(s, row, col))?.protection?.locked !== false;
  }

  /** A value (a text stays a text), or with `formula` a formula with `value` as its result. */
  private write(s: MemSheet, row: number, col: number, value: CellValue, formula?: string): void {
    this.scan(s);
    const c = cellFor(s, row, col);
    touchCell(s, c);
    c.value = value;
    if (formula !== undefined && formula !== '') c.formula = formula.replace(/^=/, '');
    else delete c.formula;
    delete c.arrayRef;
  }

  private shiftRows(sheet: string, top: number, delta: number): HostResult<void> {
    const s = this.find(sheet);
    if (!s) return fail(hostErrors.sheetMissing(sheet));
    for (const t of this.sheets) this.scan(t);
    if (s.protected) return fail(hostErrors.sheetProtected(sheet));
    const shift: RowShift = { at: top, count: delta };
    if (delta > 0) s.rows.splice(top, 0, ...new Array<undefined>(delta).fill(undefined));
    else s.rows.splice(top, -delta);
    s.rowHeights =
      delta > 0
        ? [
            ...s.rowHeights.slice(0, top),
            ...new Array<undefined>(delta).fill(undefined),
            ...s.rowHeights.slice(top),
          ]
        : [...s.rowHeights.slice(0, top), ...s.rowHeights.slice(top - delta)];
    const hidden = new Set<number>();
    for (const r of s.hiddenRows) {
      const to = shiftSpan(r, r, shift);
      if (to) hidden.add(to.top);
    }
    s.hiddenRows = hidden;
    const move = (m: Range): Range | null => {
      const span = shiftSpan(m.top, m.bottom, shift);
      return span ? { ...m, ...span } : null;
    };
    s.merges = s.merges
      .map(move)
      .filter((m): m is Range => m !== null && !(m.top === m.bottom && m.left === m.right));
    s.conditionalFormats = s.conditionalFormats
      .map((cf) => ({ ...cf, ranges: cf.ranges.map(move).filter((m): m is Range => m !== null) }))
      .filter((cf) => cf.ranges.length > 0);
    this.highlightState(s).map.shift(shift);
    // formulas anywhere that refer to the moved rows follow them, as in Excel
    const name = s.name.toLowerCase();
    for (const t of this.sheets) {
      const refers = (q: string | null) => (q === null ? t === s : q.toLowerCase() === name);
      t.rows.forEach((row) =>
        row?.forEach((c) => {
          if (!c) return;
          if (c.formula) {
            const moved = shiftFormulaRows(c.formula, shift, refers);
            if (moved !== c.formula) {
              touchCell(t, c);
              c.formula = moved;
            }
          }
          if (t === s && c.arrayRef) {
            const r = parseSqref(c.arrayRef)[0];
            const m = r ? move(r) : null;
            if (m) c.arrayRef = rangeToA1(m);
          }
        }),
      );
    }
    s.source?.shifts.push(shift);
    this.touch();
    const count = Math.abs(delta);
    this.emit({
      sheet,
      kind: delta > 0 ? 'rows-inserted' : 'rows-deleted',
      address: `${top + 1}:${top + count}`,
      rows: { top, bottom: top + count - 1 },
    });
    return ok(undefined);
  }

  private emit(change: SheetChange): void {
    for (const h of this.changeHandlers) h(change);
  }

  private touch(): void {
    this.version++;
    for (const l of this.renderListeners) l();
  }
}

/** An in-memory sheet from plain sheet data. */
function sheetFromData(d: SheetData): MemSheet {
  const s = emptySheet(d.name);
  d.cells.forEach((row, r) => {
    const f = d.formulas?.[r];
    if (!row || (row.length === 0 && !f)) return;
    const width = Math.max(row.length, f?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const v = row[c] ?? null;
      const formula = f?.[c];
      if ((v === null || v === '') && !formula) continue;
      const cell = cellFor(s, r, c);
      cell.value = v === '' ? null : v;
      if (formula) cell.formula = formula;
    }
  });
  s.merges.push(...d.merges);
  for (const r of d.hiddenRows ?? []) s.hiddenRows.add(r);
  s.hiddenCols = [...(d.hiddenCols ?? [])];
  s.state = d.state ?? 'visible';
  return s;
}

/** Rough display width: CJK characters count double. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}
