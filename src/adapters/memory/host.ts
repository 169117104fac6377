/**
 * The in-memory workbook host: the standalone mode's workbook (open an .xlsx from disk, check it,
 * download it) and what the end-to-end tests and the benchmark drive. Implements `WorkbookHost`
 * like the office-js host, plus the user's side of a spreadsheet (edit, paste, insert and delete
 * rows, select) that raises change events, and a render view of cells and highlights for a grid.
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
import {
  cellsBySeverity,
  coalesce,
  HIGHLIGHT_STYLES,
  markerFormula,
  markerSeverity,
  SEVERITIES,
} from '../../host/highlights';
import {
  cellFor,
  emptySheet,
  getCell,
  loadSheets,
  saveSheets,
  type CellStyle,
  type MemConditionalFormat,
  type MemSheet,
} from './model';
import { sheetFromSpec } from './spec';
import { uniqueSheetName } from '../../host/names';
import type {
  CellEdit,
  CellLocation,
  FindingsBySheet,
  HighlightSummary,
  HostError,
  HostResult,
  RowsData,
  SheetChange,
  SheetInfo,
  Unsubscribe,
  WorkbookHost,
} from '../../host/types';

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

export interface MemoryHostOptions {
  /** a sheet with more cells than this is refused by `readSheet` ('too-large') */
  readonly maxCells?: number;
}

const KEY_COLS = 16384;
const key = (row: number, col: number): number => row * KEY_COLS + col;

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
  /** sheet name → cell key → severity, kept in step with the add-in's conditional formats */
  private readonly highlightIndex = new Map<string, Map<number, Severity>>();
  private readonly maxCells: number;

  private constructor(sheets: MemSheet[], options: MemoryHostOptions = {}) {
    this.sheets = sheets;
    this.maxCells = options.maxCells ?? MAX_SHEET_CELLS;
    for (const s of sheets) this.indexHighlights(s);
  }

  /** A new workbook with empty sheets. */
  static create(
    names: ReadonlyArray<string> = ['Sheet1'],
    options?: MemoryHostOptions,
  ): MemoryWorkbookHost {
    return new MemoryWorkbookHost(
      names.map((n) => emptySheet(n)),
      options,
    );
  }

  /** A workbook from plain sheet data (tests, benchmarks). */
  static fromData(
    sheets: ReadonlyArray<SheetData>,
    options?: MemoryHostOptions,
  ): MemoryWorkbookHost {
    return new MemoryWorkbookHost(
      sheets.map((d) => {
        const s = emptySheet(d.name);
        d.cells.forEach((row, r) =>
          row?.forEach((v, c) => {
            if (v !== null && v !== undefined && v !== '') cellFor(s, r, c).value = v;
          }),
        );
        s.merges.push(...d.merges);
        return s;
      }),
      options,
    );
  }

  /** Opens .xlsx bytes. Throws `WorkbookReadError`-like errors from exceljs for broken files. */
  static async load(bytes: Uint8Array, options?: MemoryHostOptions): Promise<MemoryWorkbookHost> {
    return new MemoryWorkbookHost(await loadSheets(bytes), options);
  }

  /** The workbook as .xlsx bytes (values, formats, merges, conditional formats, highlights included). */
  save(): Promise<Uint8Array> {
    return saveSheets(this.sheets, this.activeIndex);
  }

  // -------------------------------------------------------------------------------------------
  // WorkbookHost

  async listSheets(): Promise<HostResult<SheetInfo[]>> {
    return ok(this.sheets.map((s) => ({ name: s.name, visible: true, protected: s.protected })));
  }

  async readSheet(name: string): Promise<HostResult<SheetData>> {
    const s = this.find(name);
    if (!s) return fail(hostErrors.sheetMissing(name));
    const size = this.size(s);
    if (size.rows * size.cols > this.maxCells)
      return fail(hostErrors.tooLarge(name, size.rows * size.cols));
    return ok(this.sheetData(s, 0, size.rows - 1));
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
    const data = this.sheetData(s, top, bottom);
    return ok({ sheet, top, bottom, cells: data.cells.slice(top), merges: data.merges });
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

  async setCellValues(edits: ReadonlyArray<CellEdit>): Promise<HostResult<void>> {
    // Check everything first: like an Excel batch, a refused edit leaves the workbook unchanged.
    const planned: Array<{ s: MemSheet; row: number; col: number; value: CellValue }> = [];
    for (const e of edits) {
      const s = this.find(e.sheet);
      if (!s) return fail(hostErrors.sheetMissing(e.sheet));
      const ref = fromA1(e.cell);
      if (!ref) return fail(hostErrors.invalidAddress(e.cell));
      if (this.isLocked(s, ref.row, ref.col)) return fail(hostErrors.sheetProtected(s.name));
      planned.push({ s, row: ref.row, col: ref.col, value: e.value });
    }
    for (const p of planned) this.write(p.s, p.row, p.col, p.value);
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
      if (s.passwordProtected) {
        skipped.push(hostErrors.sheetProtected(name));
        continue;
      }
      s.conditionalFormats = s.conditionalFormats.filter((cf) => !isOurs(cf));
      const index = new Map<number, Severity>();
      const groups = cellsBySeverity(list);
      // Ours go first (top priority), errors before warnings before infos.
      for (const severity of [...SEVERITIES].reverse()) {
        const group = groups.get(severity);
        if (!group || group.length === 0) continue;
        cells[severity] += group.length;
        for (const c of group) index.set(key(c.row, c.col), severity);
        s.conditionalFormats.unshift(ourConditionalFormat(severity, coalesce(group)));
      }
      this.highlightIndex.set(name, index);
      done.push(name);
    }
    this.touch();
    return ok({ sheets: done, cells, skipped });
  }

  async clearHighlights(sheets?: ReadonlyArray<string>): Promise<HostResult<void>> {
    const targets = sheets ? sheets.map((n) => this.find(n)) : this.sheets;
    for (const s of targets) {
      if (!s) continue;
      s.conditionalFormats = s.conditionalFormats.filter((cf) => !isOurs(cf));
      this.highlightIndex.delete(s.name);
    }
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
    s.protected = true;
    s.passwordProtected = Boolean(password);
    s.rawProtection = undefined;
    s.protection = {
      selectLockedCells: true,
      selectUnlockedCells: true,
      ...(password ? { password } : {}),
    } as typeof s.protection;
    this.touch();
    return ok(undefined);
  }

  /** A person sets a cell's format (tests of format round trips; grid formatting). */
  userFormat(sheet: string, cell: string, style: CellStyle): HostResult<void> {
    const s = this.find(sheet);
    const ref = fromA1(cell);
    if (!s || !ref)
      return fail(s ? hostErrors.invalidAddress(cell) : hostErrors.sheetMissing(sheet));
    cellFor(s, ref.row, ref.col).style = style;
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
    const hl = this.highlightIndex.get(name);
    const rows: GridCellView[][] = [];
    for (let r = w.top; r <= w.bottom; r++) {
      const row: GridCellView[] = [];
      for (let c = w.left; c <= w.right; c++) {
        const cell = getCell(s, r, c);
        const k = key(r, c);
        row.push({
          row: r,
          col: c,
          value: cell?.value ?? null,
          text: cellText(cell?.value ?? null),
          ...(cell?.formula ? { formula: cell.formula } : {}),
          ...(cell?.style ? { style: cell.style } : {}),
          highlight: hl?.get(k) ?? null,
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
    if (!ref) return null;
    return this.highlightIndex.get(sheet)?.get(key(ref.row, ref.col)) ?? null;
  }

  /**
   * Everything about a sheet's look, as plain data: per-cell formats and validations, merges,
   * widths, heights, protection and all conditional formats. Two snapshots deep-equal means the
   * sheet looks exactly the same.
   */
  formatSnapshot(sheet: string): unknown {
    const s = this.find(sheet);
    if (!s) return null;
    const cells: Record<string, unknown> = {};
    s.rows.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (c && (c.style || c.validation))
          cells[toA1({ row: r, col })] = JSON.parse(
            JSON.stringify({ style: c.style, validation: c.validation }),
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

  private size(s: MemSheet): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    s.rows.forEach((row, r) => {
      if (!row) return;
      let last = -1;
      row.forEach((c, i) => {
        if (c && c.value !== null) last = i;
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

  /** Values of rows `top..bottom` (earlier rows empty) and merges anchored there. */
  private sheetData(s: MemSheet, top: number, bottom: number): SheetData {
    const cells: CellValue[][] = [];
    for (let r = 0; r <= bottom; r++) {
      const out: CellValue[] = [];
      const row = r >= top ? s.rows[r] : undefined;
      if (row) {
        let last = -1;
        row.forEach((c, i) => {
          if (c && c.value !== null) last = i;
        });
        for (let c = 0; c <= last; c++) out.push(row[c]?.value ?? null);
      }
      cells.push(out);
    }
    while (
      top === 0 &&
      cells.length > 0 &&
      cells[cells.length - 1].length === 0 &&
      cells.length > this.mergeBottom(s)
    )
      cells.pop();
    const merges = s.merges.filter((m) => m.top >= top && m.top <= bottom);
    return { name: s.name, cells, merges };
  }

  private mergeBottom(s: MemSheet): number {
    let b = 0;
    for (const m of s.merges) if (m.bottom + 1 > b) b = m.bottom + 1;
    return b;
  }

  private isLocked(s: MemSheet, row: number, col: number): boolean {
    if (!s.protected) return false;
    return getCell(s, row, col)?.style?.protection?.locked !== false;
  }

  private write(s: MemSheet, row: number, col: number, value: CellValue): void {
    const c = cellFor(s, row, col);
    c.value = value;
    delete c.formula;
  }

  private shiftRows(sheet: string, top: number, delta: number): HostResult<void> {
    const s = this.find(sheet);
    if (!s) return fail(hostErrors.sheetMissing(sheet));
    if (s.protected) return fail(hostErrors.sheetProtected(sheet));
    const shift = (r: number): number | null =>
      r < top ? r : delta > 0 ? r + delta : r < top - delta ? null : r + delta;
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
    const move = (m: Range): Range | null => {
      const t = shift(m.top);
      const b = shift(m.bottom);
      if (t === null && b === null) return null;
      const nt = t ?? top;
      const nb = b ?? top - 1;
      return nb < nt ? null : { ...m, top: nt, bottom: nb };
    };
    s.merges = s.merges
      .map(move)
      .filter((m): m is Range => m !== null && !(m.top === m.bottom && m.left === m.right));
    s.conditionalFormats = s.conditionalFormats
      .map((cf) => ({ ...cf, ranges: cf.ranges.map(move).filter((m): m is Range => m !== null) }))
      .filter((cf) => cf.ranges.length > 0);
    this.indexHighlights(s);
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

  private indexHighlights(s: MemSheet): void {
    const index = new Map<number, Severity>();
    for (const cf of s.conditionalFormats) {
      const sev = ourSeverity(cf);
      if (!sev) continue;
      for (const r of cf.ranges)
        for (let row = r.top; row <= r.bottom; row++)
          for (let col = r.left; col <= r.right; col++) index.set(key(row, col), sev);
    }
    if (index.size > 0) this.highlightIndex.set(s.name, index);
    else this.highlightIndex.delete(s.name);
  }

  private emit(change: SheetChange): void {
    for (const h of this.changeHandlers) h(change);
  }

  private touch(): void {
    this.version++;
    for (const l of this.renderListeners) l();
  }
}

function ourSeverity(cf: MemConditionalFormat): Severity | null {
  for (const rule of cf.rules) {
    if (rule.type !== 'expression') continue;
    const sev = markerSeverity(String(rule.formulae?.[0] ?? ''));
    if (sev) return sev;
  }
  return null;
}

function isOurs(cf: MemConditionalFormat): boolean {
  return ourSeverity(cf) !== null;
}

function ourConditionalFormat(severity: Severity, ranges: Range[]): MemConditionalFormat {
  const st = HIGHLIGHT_STYLES[severity];
  return {
    ranges,
    rules: [
      {
        type: 'expression',
        priority: 1,
        formulae: [markerFormula(severity).slice(1)],
        style: {
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${st.fill.slice(1)}` } },
          font: { color: { argb: `FF${st.fontColor.slice(1)}` } },
        },
      },
    ],
  };
}

/** Rough display width: CJK characters count double. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}
