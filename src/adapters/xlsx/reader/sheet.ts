/**
 * One worksheet part → the engine's SheetData, in one pass over the XML: cell values (cached
 * results for formula cells), formula text with shared formulas moved to each cell, merges, hidden
 * rows and columns. Only stored cells cost anything: rows without values share one frozen empty
 * array, and a row's array is left with holes when its values are far apart.
 */
import type { CellValue, Range, SheetData, SheetState } from '../../../engine';
import { MESSAGES, ReadFailure, WorkbookReadError } from './errors';
import { shiftFormula } from './formula';
import type { Package } from './parts';
import { RichText } from './strings';
import { serialToIso } from './styles';
import type { Attrs, XmlSink } from './xml';

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
const EMPTY: ReadonlyArray<never> = Object.freeze([]);

/** What the workbook-level parts give every sheet. */
export interface SheetContext {
  readonly strings: ReadonlyArray<string>;
  readonly dateStyles: ReadonlyArray<boolean>;
  readonly date1904: boolean;
  /** rows past this are not read (the engine's row cap) */
  readonly maxRows: number;
  /** stored cells allowed in the whole workbook; shared by all sheets */
  readonly cells: CellBudget;
}

export class CellBudget {
  used = 0;
  /** rows covered by merges, which the engine indexes row by row */
  mergedRows = 0;
  /** characters of shared formulas expanded to their cells */
  expanded = 0;

  constructor(
    readonly limit: number,
    /** the inflate limit, in bytes: expanded text may not exceed it either */
    readonly textLimit: number,
  ) {}

  spendText(chars: number): void {
    this.expanded += chars;
    if (this.expanded > this.textLimit) {
      throw new WorkbookReadError('too-large', MESSAGES.tooLargeInflated(this.textLimit));
    }
  }

  spendCell(): void {
    if (++this.used > this.limit) {
      throw new WorkbookReadError('too-large', MESSAGES.tooManyCells(this.limit));
    }
  }

  spendMerge(rows: number): void {
    this.mergedRows += rows;
    if (this.mergedRows > this.limit) {
      throw new WorkbookReadError('too-large', MESSAGES.tooManyMerges(this.limit));
    }
  }
}

interface SharedFormula {
  readonly text: string;
  readonly row: number;
  readonly col: number;
}

/** Reads one worksheet part. */
export function readWorksheet(
  pkg: Package,
  part: string,
  name: string,
  state: SheetState,
  ctx: SheetContext,
): SheetData {
  const parser = new WorksheetParser(ctx);
  if (!pkg.parse(part, parser)) throw new WorkbookReadError('corrupt', MESSAGES.missingSheet(name));
  return parser.result(name, state);
}

class WorksheetParser implements XmlSink {
  capture = false;

  private readonly cells: Array<ReadonlyArray<CellValue>> = [];
  private formulas: Array<Array<string | undefined> | undefined> | null = null;
  private readonly merges: Range[] = [];
  private readonly hiddenRows: number[] = [];
  /** hidden column ranges as +1 at the first column, -1 after the last (any number of `<col>` costs O(1) each) */
  private hiddenColEdges: Int32Array | null = null;
  private readonly shared = new Map<string, SharedFormula>();
  private readonly rich = new RichText();

  private inSheetData = false;
  // the row being read
  private row = -1;
  /** the row number came from `<row r>`; otherwise a cell's own reference may give it */
  private rowFromAttr = false;
  private rowValues: CellValue[] | null = null;
  private rowFormulas: Array<string | undefined> | null = null;
  private rowStored = 0;
  // the cell being read
  private col = -1;
  private type = '';
  private style = 0;
  private value: string | null = null;
  private formula: string | null = null;
  private formulaAttrs: { t?: string; si?: string; ref?: string } | null = null;
  /** which element's text is being captured: v, f, or an inline string */
  private textOf: 'v' | 'f' | 'is' | null = null;
  private inInline = false;
  private textParts: string[] = [];

  constructor(private readonly ctx: SheetContext) {}

  open(name: string, attrs: Attrs): void {
    if (this.inInline) {
      this.rich.open(name);
      this.capture = this.rich.capture;
      return;
    }
    switch (name) {
      case 'c':
        this.startCell(attrs);
        return;
      case 'v':
        if (this.col >= 0) this.startText('v');
        return;
      case 'f':
        if (this.col >= 0) {
          this.formulaAttrs = { t: attrs.get('t'), si: attrs.get('si'), ref: attrs.get('ref') };
          this.formula = '';
          this.startText('f');
        }
        return;
      case 'is':
        if (this.col >= 0) {
          this.inInline = true;
          this.rich.start();
        }
        return;
      case 'row':
        this.startRow(attrs);
        return;
      case 'sheetData':
        this.inSheetData = true;
        return;
      case 'mergeCell':
        this.addMerge(attrs.get('ref'));
        return;
      case 'col':
        this.addCols(attrs);
        return;
      default:
        return;
    }
  }

  close(name: string): void {
    if (this.inInline) {
      if (name === 'is') {
        this.inInline = false;
        this.value = this.rich.value();
        this.capture = false;
      } else {
        this.rich.close(name);
        this.capture = this.rich.capture;
      }
      return;
    }
    switch (name) {
      case 'v':
        if (this.textOf === 'v') this.value = this.endText();
        return;
      case 'f':
        if (this.textOf === 'f') this.formula = this.endText();
        return;
      case 'c':
        this.endCell();
        return;
      case 'row':
        this.endRow();
        return;
      case 'sheetData':
        this.inSheetData = false;
        return;
      default:
        return;
    }
  }

  text(s: string): void {
    if (this.inInline) this.rich.text(s);
    else this.textParts.push(s);
  }

  private startText(of: 'v' | 'f'): void {
    this.textOf = of;
    this.textParts = [];
    this.capture = true;
  }

  private endText(): string {
    this.capture = false;
    this.textOf = null;
    const parts = this.textParts;
    return parts.length === 0 ? '' : parts.length === 1 ? parts[0] : parts.join('');
  }

  private startRow(attrs: Attrs): void {
    if (!this.inSheetData) return;
    const r = attrs.get('r');
    const row = r === undefined ? this.row + 1 : Number(r) - 1;
    if (!(row >= 0 && row < MAX_ROWS) || !Number.isInteger(row)) throw new ReadFailure('corrupt');
    this.row = row;
    this.rowFromAttr = r !== undefined;
    this.col = -1;
    const hidden = attrs.get('hidden');
    if ((hidden === '1' || hidden === 'true') && row < this.ctx.maxRows) this.hiddenRows.push(row);
  }

  private startCell(attrs: Attrs): void {
    if (!this.inSheetData) return;
    const ref = attrs.get('r');
    let col: number;
    if (ref === undefined) col = this.col + 1;
    else {
      col = 0;
      let i = 0;
      for (; i < ref.length; i++) {
        const c = ref.charCodeAt(i) | 0x20; // lower-case letters
        if (c < 0x61 || c > 0x7a) break;
        col = col * 26 + (c - 0x60);
      }
      if (i === 0 || i > 3) throw new ReadFailure('corrupt');
      col -= 1;
      // A `<row>` without a number takes its number from its cells.
      if (!this.rowFromAttr && i < ref.length) {
        const row = Number(ref.slice(i)) - 1;
        if (!(row >= 0 && row < MAX_ROWS) || !Number.isInteger(row))
          throw new ReadFailure('corrupt');
        this.row = row;
      }
    }
    if (col < 0 || col >= MAX_COLS || this.row < 0) throw new ReadFailure('corrupt');
    this.col = col;
    this.type = attrs.get('t') ?? 'n';
    const s = attrs.get('s');
    this.style = s === undefined ? 0 : Number(s);
    this.value = null;
    this.formula = null;
    this.formulaAttrs = null;
  }

  private endCell(): void {
    const { row, col } = this;
    if (col < 0 || row >= this.ctx.maxRows) return;
    const v = this.cellValue();
    const f = this.formulaText();
    if (v !== null || f !== undefined) this.ctx.cells.spendCell();
    if (v !== null) {
      if (!this.rowValues) this.rowValues = [];
      this.rowValues[col] = v;
      this.rowStored++;
    }
    if (f !== undefined) {
      if (!this.rowFormulas) this.rowFormulas = [];
      this.rowFormulas[col] = f;
    }
  }

  private cellValue(): CellValue {
    const raw = this.value;
    switch (this.type) {
      case 's': {
        if (raw === null) return null;
        const s = this.ctx.strings[Number(raw)];
        return s === undefined ? null : s;
      }
      case 'inlineStr':
        return raw;
      case 'str':
        // a formula whose cached text is empty shows nothing: blank, as exceljs read it
        return raw === null || raw === '' ? null : raw;
      case 'b':
        return raw === null ? null : raw.trim() === '1' || raw.trim() === 'true';
      case 'e':
        return raw === null ? null : { kind: 'error', code: raw.trim() };
      case 'd': {
        if (raw === null) return null;
        const iso = raw.trim().slice(0, 10);
        return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? { kind: 'date', iso } : raw;
      }
      default: {
        if (raw === null || raw === '') return null;
        const n = Number(raw);
        if (!Number.isFinite(n)) return null;
        if (this.ctx.dateStyles[this.style]) {
          const iso = serialToIso(n, this.ctx.date1904);
          return iso === null ? null : { kind: 'date', iso };
        }
        return n;
      }
    }
  }

  /** The cell's formula without `=`; shared formulas moved from their first cell. */
  private formulaText(): string | undefined {
    const f = this.formula;
    const a = this.formulaAttrs;
    if (f === null || !a) return undefined;
    if (a.t === 'shared' && a.si !== undefined) {
      if (f !== '') {
        this.shared.set(a.si, { text: f, row: this.row, col: this.col });
        return f;
      }
      const master = this.shared.get(a.si);
      if (!master) return '';
      // A short reference can stand for a long formula: count the text it expands to.
      this.ctx.cells.spendText(master.text.length);
      return shiftFormula(master.text, this.row - master.row, this.col - master.col);
    }
    return f;
  }

  private endRow(): void {
    const row = this.row;
    const values = this.rowValues;
    if (values) {
      // Dense rows get null in their holes (the shape exceljs gave); far-apart values keep holes.
      if (values.length <= this.rowStored * 4 + 64) {
        for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
      }
      place(this.cells, row, values, EMPTY);
    }
    if (this.rowFormulas) {
      if (!this.formulas) this.formulas = [];
      place(this.formulas, row, this.rowFormulas, undefined);
    }
    this.rowValues = null;
    this.rowFormulas = null;
    this.rowStored = 0;
    this.col = -1;
  }

  private addMerge(ref: string | undefined): void {
    const r = ref ? parseRange(ref) : null;
    if (!r) throw new ReadFailure('corrupt');
    if (r.top >= this.ctx.maxRows) return;
    this.ctx.cells.spendMerge(r.bottom - r.top + 1);
    this.merges.push(r);
  }

  private addCols(attrs: Attrs): void {
    const hidden = attrs.get('hidden');
    if (hidden !== '1' && hidden !== 'true') return;
    const min = Math.max(1, Math.floor(Number(attrs.get('min'))));
    const max = Math.min(MAX_COLS, Math.floor(Number(attrs.get('max'))));
    if (!(min <= max)) return;
    const edges = (this.hiddenColEdges ??= new Int32Array(MAX_COLS + 1));
    edges[min - 1]++;
    edges[max]--;
  }

  result(name: string, state: SheetState): SheetData {
    if (this.rowValues || this.rowFormulas) this.endRow();
    return {
      name,
      cells: this.cells,
      merges: this.merges,
      ...(this.formulas ? { formulas: this.formulas } : {}),
      ...(this.hiddenRows.length ? { hiddenRows: this.hiddenRows } : {}),
      ...(this.hiddenColEdges ? { hiddenCols: coveredColumns(this.hiddenColEdges) } : {}),
      ...(state !== 'visible' ? { state } : {}),
    };
  }
}

/** The columns inside at least one range of an edge array (see `hiddenColEdges`). */
function coveredColumns(edges: Int32Array): number[] {
  const out: number[] = [];
  for (let c = 0, depth = 0; c < MAX_COLS; c++) {
    depth += edges[c];
    if (depth > 0) out.push(c);
  }
  return out;
}

/**
 * Puts a row at index `at` of a row list that is filled up to there with `filler`, so that the
 * list stays a plain packed array. Rows come in order; one that comes again is merged into the first.
 */
function place<T extends ReadonlyArray<unknown> | undefined>(
  list: T[],
  at: number,
  row: NonNullable<T>,
  filler: T,
): void {
  if (at >= list.length) {
    while (list.length < at) list.push(filler);
    list.push(row);
    return;
  }
  const old = list[at];
  if (old === filler || old === undefined || old.length === 0) {
    list[at] = row;
    return;
  }
  const merged = [...old];
  row.forEach((v, i) => {
    if (v !== undefined && v !== null) merged[i] = v;
  });
  list[at] = merged as unknown as T;
}

/** `A1:C3` or `B2` → a zero-based range; null when it is not a range inside the sheet. */
export function parseRange(ref: string): Range | null {
  const colon = ref.indexOf(':');
  const p = parseCell(colon < 0 ? ref : ref.slice(0, colon));
  const q = colon < 0 ? p : parseCell(ref.slice(colon + 1));
  if (!p || !q) return null;
  return {
    top: Math.min(p[0], q[0]),
    left: Math.min(p[1], q[1]),
    bottom: Math.max(p[0], q[0]),
    right: Math.max(p[1], q[1]),
  };
}

function parseCell(a1: string): [row: number, col: number] | null {
  let i = 0;
  const n = a1.length;
  if (a1.charCodeAt(i) === 0x24) i++;
  let col = 0;
  const colStart = i;
  for (; i < n; i++) {
    const c = a1.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  if (i === colStart || i - colStart > 3) return null;
  if (a1.charCodeAt(i) === 0x24) i++;
  let row = 0;
  const rowStart = i;
  for (; i < n; i++) {
    const c = a1.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return null;
    row = row * 10 + c;
  }
  if (i === rowStart || row < 1 || row > MAX_ROWS || col > MAX_COLS) return null;
  return [row - 1, col - 1];
}
