/**
 * A typed fake of the part of the Excel object model Jixiao uses, with office-js's batching
 * semantics: property writes, method calls and loads are QUEUED and run in order at
 * `context.sync()`; a loaded property can be read only after the sync that loaded it; an error in a
 * queued operation rejects the sync and drops the rest of the batch. Every `context.sync()` is
 * counted, so tests can assert how many round trips an action costs.
 *
 * It is as strict as Excel where Excel can hurt the add-in:
 * - a request or a response over 5 MB fails the sync (Excel on the web's payload limit), counted in
 *   bytes of JSON with every non-ASCII character as a `\uXXXX` escape (the worse case);
 * - text written to `values` or `formulas` is read as Excel reads typed input: `=…`, `+…`, `-…` and
 *   `@…` become formulas, `12`, `15%`, `TRUE`, `2024-01-31` and `#N/A` become numbers, booleans,
 *   dates and errors; a leading apostrophe keeps the rest as text (quote prefix), and so does the
 *   text number format `@`;
 * - `formulas` returns a quote-prefixed text without its apostrophe (office-js issue #6687), so only
 *   `getSpecialCells('Formulas')` tells a formula from a text that looks like one;
 * - conditional formats follow rows inserted and deleted by the user as Excel's ranges do.
 *
 * The model behind it (sheets, cells with values and formats, merges, conditional formats,
 * validations, protection, page layout, hidden rows and columns, custom XML parts) is plain data
 * that tests build and inspect directly, and the "user" can edit it (raising change events like
 * Excel does). `saveFile` and `FakeExcel.open` save and reopen the workbook.
 */
import { columnName, fromA1, rangeFromA1, type Range } from '../../src/engine';
import { intersectRanges } from '../../src/office/cells';
import type { ExcelRun } from '../../src/office/run';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface FakeBorder {
  style?: string;
  weight?: string;
  color?: string;
}

export interface FakeFormat {
  fill?: string;
  fontName?: string;
  fontSize?: number;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  numberFormat?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  locked?: boolean;
  borders?: Record<string, FakeBorder>;
}

export interface FakeCell {
  value: string | number | boolean | null;
  /** `#REF!` etc. when the cell holds an error */
  error?: string;
  /** formula text without `=`; `value` is its cached result */
  formula?: string;
  /** text entered with a leading apostrophe (shown without it) */
  quotePrefix?: boolean;
  format: FakeFormat;
}

export interface FakeConditionalFormat {
  id: string;
  type: string;
  ranges: Range[];
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface FakeValidation {
  range: Range;
  rule?: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<number, FakeCell>;
  merges: Range[];
  conditionalFormats: FakeConditionalFormat[];
  protected: boolean;
  password?: string;
  protectionOptions: Record<string, unknown>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  validations: FakeValidation[];
  pageLayout: Record<string, unknown>;
  showGridlines: boolean;
  frozenRows: number;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
}

export interface FakeXmlPart {
  id: string;
  xml: string;
}

/** A saved workbook: what reopening it gives back. */
export interface FakeFile {
  readonly sheets: ReadonlyArray<FakeSheet>;
  readonly customXmlParts: ReadonlyArray<FakeXmlPart>;
}

/** Excel on the web's limit on a request and on a response. */
export const MAX_PAYLOAD_BYTES = 5 * 1024 * 1024;

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

const key = (row: number, col: number): number => row * MAX_COLS + col;

function a1(r: Range): string {
  const tl = `${columnName(r.left)}${r.top + 1}`;
  if (r.left === 0 && r.right === MAX_COLS - 1) return `${r.top + 1}:${r.bottom + 1}`;
  const br = `${columnName(r.right)}${r.bottom + 1}`;
  return tl === br ? tl : `${tl}:${br}`;
}

function quote(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `A1`, `A1:B2`, `5:7`, `C:D` → rectangle. */
export function parseAddress(address: string): Range {
  const a = address.replace(/^.*!/, '').replace(/\$/g, '').trim();
  const rows = /^(\d+):(\d+)$/.exec(a);
  if (rows)
    return { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: MAX_COLS - 1 };
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(a);
  if (cols) {
    const l = fromA1(`${cols[1]}1`);
    const r = fromA1(`${cols[2]}1`);
    if (l && r) return { top: 0, bottom: MAX_ROWS - 1, left: l.col, right: r.col };
  }
  const r = rangeFromA1(a);
  if (!r)
    throw new FakeOfficeError(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format: ${address}`,
    );
  return r;
}

/** Bytes of `v` as JSON, each non-ASCII UTF-16 unit counted as a `\uXXXX` escape. */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? '';
  let n = s.length;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) n += 5;
  return n;
}

const NUMBER_INPUT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$/;
const ERROR_INPUT = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!)$/i;
const ISO_DATE_INPUT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** What Excel stores for one value written through `values` or `formulas` (typed input rules). */
export function excelInput(
  val: unknown,
  cellFormat: FakeFormat,
): Pick<FakeCell, 'value' | 'error' | 'formula' | 'quotePrefix'> & { numberFormat?: string } {
  if (typeof val === 'number' || typeof val === 'boolean') return { value: val };
  if (val === null || val === undefined || val === '') return { value: null };
  const s = String(val);
  if (s.startsWith("'")) return { value: s.slice(1) === '' ? null : s.slice(1), quotePrefix: true };
  if (cellFormat.numberFormat === '@') return { value: s };
  if (s.startsWith('=') && s.length > 1) return { value: null, formula: s.slice(1) };
  const t = s.trim();
  if (NUMBER_INPUT.test(t)) {
    const n = Number(t.replace(/%$/, ''));
    return { value: t.endsWith('%') ? n / 100 : n };
  }
  if ((s.startsWith('+') || s.startsWith('-')) && s.length > 1) return { value: null, formula: s };
  // Lotus-style `@SUM(A1:A3)` is read as the formula `=SUM(A1:A3)`.
  if (s.startsWith('@') && s.length > 1) return { value: null, formula: s.slice(1) };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  if (ERROR_INPUT.test(t)) return { value: null, error: t.toUpperCase() };
  const d = ISO_DATE_INPUT.exec(t);
  if (d) {
    const serial =
      (Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])) - Date.UTC(1899, 11, 30)) /
      86_400_000;
    const general = !cellFormat.numberFormat || cellFormat.numberFormat === 'General';
    return { value: serial, ...(general ? { numberFormat: 'yyyy/m/d' } : {}) };
  }
  return { value: s };
}

/** Runs of consecutive indexes in `lo..hi` that are not in `skip`. */
function runs(lo: number, hi: number, skip: ReadonlySet<number>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const cut = [...skip].filter((i) => i >= lo && i <= hi).sort((a, b) => a - b);
  let start = lo;
  for (const i of cut) {
    if (i > start) out.push([start, i - 1]);
    start = i + 1;
  }
  if (start <= hi) out.push([start, hi]);
  return out;
}

/** A range after `count` rows are inserted at `at` (Excel moves it down, or grows it when inside). */
export function rangeAfterRowInsert(r: Range, at: number, count: number): Range {
  if (r.bottom < at) return r;
  if (r.top >= at) return { ...r, top: r.top + count, bottom: r.bottom + count };
  return { ...r, bottom: r.bottom + count };
}

/** A range after rows `top..bottom` are deleted; null when all its rows went. */
export function rangeAfterRowDelete(r: Range, top: number, bottom: number): Range | null {
  const n = bottom - top + 1;
  if (r.bottom < top) return r;
  if (r.top > bottom) return { ...r, top: r.top - n, bottom: r.bottom - n };
  if (r.top >= top && r.bottom <= bottom) return null;
  const t = r.top < top ? r.top : top;
  const b = r.bottom > bottom ? r.bottom - n : top - 1;
  return { ...r, top: t, bottom: b };
}

function copySheet(s: FakeSheet): FakeSheet {
  const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
  return {
    ...copy({ ...s, cells: undefined, columnWidths: undefined, rowHeights: undefined }),
    cells: new Map([...s.cells].map(([k, c]) => [k, copy(c)])),
    columnWidths: new Map(s.columnWidths),
    rowHeights: new Map(s.rowHeights),
    hiddenRows: new Set(s.hiddenRows),
    hiddenCols: new Set(s.hiddenCols),
  } as FakeSheet;
}

type Op = () => void;

interface ChangeEvent {
  worksheetId: string;
  address: string;
  changeType: string;
  source: 'Local';
  triggerSource: string;
  type: 'WorksheetChanged';
}

type Handler<A> = (args: A) => Promise<unknown> | void;

// ---------------------------------------------------------------------------------------------
// The workbook model and the user's side

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  /** every context.sync() of every batch */
  syncCount = 0;
  /** bytes of every request and every response so far (see `jsonBytes`) */
  bytesSent = 0;
  bytesReceived = 0;
  /**
   * longest `RangeAreas.address` returned; longer lists are cut at an area boundary (VBA's
   * `Range.Address` stops at 255 characters; office-js documents no limit, the host checks
   * `areaCount` in case it has one)
   */
  maxAddressChars = Infinity;
  /** options passed to each Excel.run */
  readonly runOptions: Excel.RunOptions[] = [];
  /** 1.14 hosts report `triggerSource: 'ThisLocalAddin'` for the add-in's own writes */
  reportsTriggerSource = true;
  /** Excel refuses a merged-areas query returning more than this */
  maxMergedAreasPerQuery = 512;
  /** bytes one sync may send (Excel on the web: 5 MB) */
  maxRequestBytes = MAX_PAYLOAD_BYTES;
  /** bytes one sync may return (Excel on the web: 5 MB) */
  maxResponseBytes = MAX_PAYLOAD_BYTES;
  /** the workbook's custom XML parts, in the order they were added */
  customXmlParts: FakeXmlPart[] = [];
  activeSheetId = '';
  selection: { sheetId: string; range: Range } | null = null;
  private nextId = 1;
  readonly changedHandlers = new Set<Handler<ChangeEvent>>();
  readonly addedHandlers = new Set<
    Handler<{ worksheetId: string; source: string; type: string }>
  >();
  readonly selectionHandlers = new Set<
    Handler<{ worksheetId: string; address: string; type: string }>
  >();

  addSheet(name: string): FakeSheet {
    const s: FakeSheet = {
      id: `{sheet-${this.nextId++}}`,
      name,
      cells: new Map(),
      merges: [],
      conditionalFormats: [],
      protected: false,
      protectionOptions: {},
      columnWidths: new Map(),
      rowHeights: new Map(),
      validations: [],
      pageLayout: {},
      showGridlines: true,
      frozenRows: 0,
      visibility: 'Visible',
      hiddenRows: new Set(),
      hiddenCols: new Set(),
    };
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  cell(sheet: FakeSheet, row: number, col: number): FakeCell {
    let c = sheet.cells.get(key(row, col));
    if (!c) {
      c = { value: null, format: {} };
      sheet.cells.set(key(row, col), c);
    }
    return c;
  }

  getCell(sheet: FakeSheet, row: number, col: number): FakeCell | undefined {
    return sheet.cells.get(key(row, col));
  }

  /** Fills a sheet from rows of values (tests). */
  setValues(
    sheet: FakeSheet,
    rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>,
    top = 0,
  ): void {
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== '') this.cell(sheet, top + r, c).value = v;
      }),
    );
  }

  /** The user types or pastes: values change and Excel raises `onChanged`. */
  userEdit(
    sheetName: string,
    address: string,
    values: ReadonlyArray<ReadonlyArray<string | number | null>>,
  ): void {
    const s = this.sheet(sheetName);
    const at = parseAddress(address);
    values.forEach((row, r) =>
      row.forEach((v, c) => (this.cell(s, at.top + r, at.left + c).value = v)),
    );
    const width = Math.max(...values.map((r) => r.length));
    const range = {
      top: at.top,
      left: at.left,
      bottom: at.top + values.length - 1,
      right: at.left + width - 1,
    };
    this.dispatchChanged([
      {
        worksheetId: s.id,
        address: a1(range),
        changeType: 'RangeEdited',
        source: 'Local',
        triggerSource: 'Unknown',
        type: 'WorksheetChanged',
      },
    ]);
  }

  /** The user inserts rows: cells, merges, hidden rows and conditional formats move as in Excel. */
  userInsertRows(sheetName: string, top: number, count: number): void {
    const s = this.sheet(sheetName);
    const moved = new Map<number, FakeCell>();
    for (const [k, c] of s.cells) {
      const row = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      moved.set(key(row >= top ? row + count : row, col), c);
    }
    s.cells = moved;
    s.merges = s.merges.map((m) =>
      m.top >= top ? { ...m, top: m.top + count, bottom: m.bottom + count } : m,
    );
    s.hiddenRows = new Set([...s.hiddenRows].map((r) => (r >= top ? r + count : r)));
    for (const cf of s.conditionalFormats)
      cf.ranges = cf.ranges.map((r) => rangeAfterRowInsert(r, top, count));
    this.dispatchChanged([
      {
        worksheetId: s.id,
        address: `${top + 1}:${top + count}`,
        changeType: 'RowInserted',
        source: 'Local',
        triggerSource: 'Unknown',
        type: 'WorksheetChanged',
      },
    ]);
  }

  /** The user deletes rows: cells, merges, hidden rows and conditional formats move up as in Excel. */
  userDeleteRows(sheetName: string, top: number, count: number): void {
    const s = this.sheet(sheetName);
    const bottom = top + count - 1;
    const moved = new Map<number, FakeCell>();
    for (const [k, c] of s.cells) {
      const row = Math.floor(k / MAX_COLS);
      if (row >= top && row <= bottom) continue;
      moved.set(key(row > bottom ? row - count : row, k % MAX_COLS), c);
    }
    s.cells = moved;
    s.merges = s.merges
      .filter((m) => m.top > bottom || m.bottom < top)
      .map((m) => (m.top > bottom ? { ...m, top: m.top - count, bottom: m.bottom - count } : m));
    s.hiddenRows = new Set(
      [...s.hiddenRows]
        .filter((r) => r < top || r > bottom)
        .map((r) => (r > bottom ? r - count : r)),
    );
    for (const cf of s.conditionalFormats)
      cf.ranges = cf.ranges
        .map((r) => rangeAfterRowDelete(r, top, bottom))
        .filter((r): r is Range => r !== null);
    s.conditionalFormats = s.conditionalFormats.filter((cf) => cf.ranges.length > 0);
    this.dispatchChanged([
      {
        worksheetId: s.id,
        address: `${top + 1}:${bottom + 1}`,
        changeType: 'RowDeleted',
        source: 'Local',
        triggerSource: 'Unknown',
        type: 'WorksheetChanged',
      },
    ]);
  }

  /** The user adds a sheet. */
  userAddSheet(name: string): FakeSheet {
    const s = this.addSheet(name);
    const args = { worksheetId: s.id, source: 'Local', type: 'WorksheetAdded' };
    setTimeout(() => this.addedHandlers.forEach((h) => void h(args)), 0);
    return s;
  }

  dispatchChanged(events: ChangeEvent[]): void {
    if (events.length === 0) return;
    setTimeout(() => {
      for (const e of events) for (const h of this.changedHandlers) void h(e);
    }, 0);
  }

  usedRect(s: FakeSheet, valuesOnly: boolean): Range | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of s.cells) {
      const has =
        c.value !== null ||
        c.error !== undefined ||
        c.formula !== undefined ||
        (!valuesOnly && Object.keys(c.format).length > 0);
      if (!has) continue;
      const r = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    if (!valuesOnly) {
      for (const m of s.merges) {
        top = Math.min(top, m.top);
        left = Math.min(left, m.left);
        bottom = Math.max(bottom, m.bottom);
        right = Math.max(right, m.right);
      }
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /**
   * Saves the workbook as a file: a copy of every sheet and custom XML part. Excel writes each part
   * as `customXml/itemN.xml` with an XML declaration, which `getXml` returns after reopening.
   */
  saveFile(): FakeFile {
    const declared = (xml: string): string =>
      xml.startsWith('<?xml')
        ? xml
        : `<?xml version="1.0" encoding="UTF-8" standalone="no"?>${xml}`;
    return {
      sheets: this.sheets.map(copySheet),
      customXmlParts: this.customXmlParts.map((p) => ({ id: p.id, xml: declared(p.xml) })),
    };
  }

  /** A workbook opened from a saved file (as on another machine: nothing but the file carries over). */
  static open(file: FakeFile): FakeExcel {
    const x = new FakeExcel();
    for (const s of file.sheets) x.sheets.push(copySheet(s));
    x.customXmlParts = file.customXmlParts.map((p) => ({ ...p }));
    x.activeSheetId = x.sheets[0]?.id ?? '';
    x.nextId = 10_000;
    return x;
  }

  /** `Excel.run` for the office host: a fresh request context per batch. */
  readonly run: ExcelRun = async (options, batch) => {
    this.runOptions.push(options);
    const ctx = new FakeContext(this);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.pending > 0) await ctx.sync(); // like Excel.run, flush what is left (counted)
    return result;
  };

  /** Plain-data copy of a sheet's look (formats, merges, widths, conditional formats, validations). */
  formatSnapshot(sheetName: string): unknown {
    const s = this.sheet(sheetName);
    const cells: Record<string, FakeFormat> = {};
    for (const [k, c] of s.cells) cells[`${Math.floor(k / MAX_COLS)},${k % MAX_COLS}`] = c.format;
    return JSON.parse(
      JSON.stringify({
        cells,
        merges: s.merges,
        conditionalFormats: s.conditionalFormats,
        columnWidths: [...s.columnWidths],
        validations: s.validations,
        protected: s.protected,
      }),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Request context and proxies

/** Bytes of one queued operation beside its data (object path, action, property name). */
const OP_BYTES = 120;

export class FakeContext {
  private queue: Op[] = [];
  private events: ChangeEvent[] = [];
  /** bytes of the request being built */
  private requestBytes = 0;
  /** bytes returned by the current sync */
  private responseBytes = 0;
  readonly workbook: FakeWorkbook;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Queues an operation; `dataBytes`: the JSON it sends (values written, an address). */
  enqueue(op: Op, dataBytes = 0): void {
    this.queue.push(op);
    this.requestBytes += OP_BYTES + dataBytes;
  }

  /** Counts data sent with an object path (an address argument) against the request limit. */
  sent(bytes: number): void {
    this.requestBytes += bytes;
  }

  /** Counts a loaded property's JSON against the response limit. */
  respond(value: unknown): void {
    const n = jsonBytes(value);
    this.responseBytes += n;
    this.excel.bytesReceived += n;
    if (this.responseBytes > this.excel.maxResponseBytes)
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        'The response payload size has exceeded the limit.',
      );
  }

  changed(e: Omit<ChangeEvent, 'source' | 'triggerSource' | 'type'>): void {
    this.events.push({
      ...e,
      source: 'Local',
      triggerSource: this.excel.reportsTriggerSource ? 'ThisLocalAddin' : 'Unknown',
      type: 'WorksheetChanged',
    });
  }

  async sync(): Promise<void> {
    this.excel.syncCount++;
    const ops = this.queue;
    const sent = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    this.excel.bytesSent += sent;
    if (sent > this.excel.maxRequestBytes)
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        'The request payload size has exceeded the limit.',
      );
    try {
      for (const op of ops) op();
    } finally {
      const events = this.events;
      this.events = [];
      this.excel.dispatchChanged(events);
    }
  }
}

type LoadSpec = string | string[] | { select?: string } | undefined;

function paths(spec: LoadSpec): string[][] {
  const s =
    typeof spec === 'string' ? spec : Array.isArray(spec) ? spec.join(',') : (spec?.select ?? '');
  return s
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split('/'));
}

abstract class FakeObject {
  private readonly loaded = new Map<string, unknown>();
  constructor(readonly ctx: FakeContext) {}

  get context(): FakeContext {
    return this.ctx;
  }

  load(spec?: LoadSpec): this {
    const list = paths(spec);
    this.ctx.enqueue(() => this.applyLoad(list));
    return this;
  }

  applyLoad(list: string[][]): void {
    this.loaded.set('isNullObject', this.isNull());
    for (const p of list) {
      const child = this.nav(p[0]);
      if (child) {
        if (p.length > 1) child.applyLoad([p.slice(1)]);
        else child.applyLoad([]);
      } else {
        const v = this.isNull() ? undefined : this.snapshot(p[0]);
        this.ctx.respond(v);
        this.loaded.set(p[0], v);
      }
    }
  }

  get isNullObject(): boolean {
    return this.prop<boolean>('isNullObject');
  }

  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Call load() and context.sync() first.`,
      );
    }
    if (name !== 'isNullObject' && this.loaded.get('isNullObject') === true) {
      throw new FakeOfficeError(
        'InvalidObjectPath',
        `The object is a null object; '${name}' has no value.`,
      );
    }
    return this.loaded.get(name) as T;
  }

  protected isNull(): boolean {
    return false;
  }

  protected snapshot(name: string): unknown {
    throw new Error(`fake: property ${name} not supported on ${this.constructor.name}`);
  }

  protected nav(_name: string): FakeObject | undefined {
    return undefined;
  }
}

class FakeEventHandlers<A> {
  constructor(
    private readonly ctx: FakeContext,
    private readonly set: Set<Handler<A>>,
  ) {}

  add(handler: Handler<A>): { context: FakeContext; remove: () => void } {
    this.ctx.enqueue(() => this.set.add(handler));
    return { context: this.ctx, remove: () => this.ctx.enqueue(() => this.set.delete(handler)) };
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.customXmlParts = new FakeCustomXmlPartCollection(ctx, () => true);
  }

  getSelectedRange(): FakeRange {
    const x = this.ctx.excel;
    return new FakeRange(this.ctx, () => {
      const sel = x.selection ?? {
        sheetId: x.activeSheetId,
        range: { top: 0, left: 0, bottom: 0, right: 0 },
      };
      const sheet = x.sheets.find((s) => s.id === sel.sheetId);
      if (!sheet) throw new FakeOfficeError('ItemNotFound', 'no selection');
      return { sheet, rect: sel.range };
    });
  }
}

class FakeWorksheetCollection extends FakeObject {
  private list: FakeWorksheet[] | null = null;
  readonly onChanged: FakeEventHandlers<ChangeEvent>;
  readonly onAdded: FakeEventHandlers<{ worksheetId: string; source: string; type: string }>;
  readonly onSelectionChanged: FakeEventHandlers<{
    worksheetId: string;
    address: string;
    type: string;
  }>;

  constructor(ctx: FakeContext) {
    super(ctx);
    this.onChanged = new FakeEventHandlers(ctx, ctx.excel.changedHandlers);
    this.onAdded = new FakeEventHandlers(ctx, ctx.excel.addedHandlers);
    this.onSelectionChanged = new FakeEventHandlers(ctx, ctx.excel.selectionHandlers);
  }

  override applyLoad(list: string[][]): void {
    this.list = this.ctx.excel.sheets.map((s) => {
      const ws = new FakeWorksheet(this.ctx, () => s);
      ws.applyLoad(
        list.map((p) => (p[0] === 'items' ? p.slice(1) : p)).filter((p) => p.length > 0),
      );
      return ws;
    });
  }

  get items(): FakeWorksheet[] {
    if (!this.list)
      throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.list;
  }

  getItem(nameOrId: string): FakeWorksheet {
    const find = (): FakeSheet => {
      const s = this.ctx.excel.sheets.find((x) => x.name === nameOrId || x.id === nameOrId);
      if (!s)
        throw new FakeOfficeError(
          'ItemNotFound',
          `The requested resource doesn't exist: ${nameOrId}`,
        );
      return s;
    };
    this.ctx.enqueue(() => void find());
    return new FakeWorksheet(this.ctx, find);
  }

  getItemOrNullObject(nameOrId: string): FakeWorksheet {
    return new FakeWorksheet(
      this.ctx,
      () => this.ctx.excel.sheets.find((x) => x.name === nameOrId || x.id === nameOrId) ?? null,
    );
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.ctx.enqueue(() => {
      if (this.ctx.excel.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
      }
      created = this.ctx.excel.addSheet(name);
      const args = { worksheetId: created.id, source: 'Local', type: 'WorksheetAdded' };
      setTimeout(() => this.ctx.excel.addedHandlers.forEach((h) => void h(args)), 0);
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw new Error('fake: sheet used before it was added');
      return created;
    });
  }
}

class FakeProtection extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }

  protected override snapshot(name: string): unknown {
    const s = this.sheet();
    if (name === 'protected') return s.protected;
    if (name === 'options') return { ...s.protectionOptions };
    return super.snapshot(name);
  }

  get protected(): boolean {
    return this.prop('protected');
  }

  get options(): Record<string, unknown> {
    return this.prop('options');
  }

  protect(options?: Record<string, unknown>, password?: string): void {
    this.ctx.enqueue(() => {
      const s = this.sheet();
      if (s.protected)
        throw new FakeOfficeError('InvalidOperation', 'The sheet is already protected.');
      s.protected = true;
      s.protectionOptions = { ...(options ?? {}) };
      s.password = password;
    });
  }

  unprotect(password?: string): void {
    this.ctx.enqueue(() => {
      const s = this.sheet();
      if (s.password && s.password !== password)
        throw new FakeOfficeError('InvalidPassword', 'The password is incorrect.');
      s.protected = false;
      s.password = undefined;
    });
  }
}

class FakeWorksheet extends FakeObject {
  private cached: FakeSheet | null | undefined;
  readonly protection: FakeProtection;
  readonly pageLayout: Record<string, unknown>;
  readonly freezePanes: { freezeRows: (n: number) => void };

  constructor(
    ctx: FakeContext,
    private readonly find: () => FakeSheet | null,
  ) {
    super(ctx);
    this.protection = new FakeProtection(ctx, () => this.sheet());
    const layout: Record<string, unknown> = {};
    this.pageLayout = Proxy_(layout, (k, v) => ctx.enqueue(() => (this.sheet().pageLayout[k] = v)));
    Object.assign(layout, {
      setPrintArea: (a: string) => ctx.enqueue(() => (this.sheet().pageLayout.printArea = a)),
      setPrintTitleRows: (a: string) =>
        ctx.enqueue(() => (this.sheet().pageLayout.printTitleRows = a)),
    });
    this.freezePanes = {
      freezeRows: (n: number) => ctx.enqueue(() => (this.sheet().frozenRows = n)),
    };
  }

  sheet(): FakeSheet {
    if (this.cached === undefined) this.cached = this.find();
    if (!this.cached) throw new FakeOfficeError('ItemNotFound', 'The worksheet does not exist.');
    return this.cached;
  }

  protected override isNull(): boolean {
    if (this.cached === undefined) this.cached = this.find();
    return this.cached === null;
  }

  protected override nav(name: string): FakeObject | undefined {
    return name === 'protection' ? this.protection : undefined;
  }

  protected override snapshot(name: string): unknown {
    const s = this.sheet();
    if (name === 'name') return s.name;
    if (name === 'id') return s.id;
    if (name === 'visibility') return s.visibility;
    return super.snapshot(name);
  }

  get name(): string {
    return this.prop('name');
  }
  get id(): string {
    return this.prop('id');
  }
  get visibility(): string {
    return this.prop('visibility');
  }

  set showGridlines(v: boolean) {
    this.ctx.enqueue(() => (this.sheet().showGridlines = v));
  }

  activate(): void {
    this.ctx.enqueue(() => (this.ctx.excel.activeSheetId = this.sheet().id));
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => ({
      sheet: this.sheet(),
      rect: address
        ? parseAddress(address)
        : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 },
    }));
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => ({
      sheet: this.sheet(),
      rect: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 },
    }));
  }

  getRanges(address: string): FakeRangeAreas {
    if (address.length > 8000)
      throw new FakeOfficeError(
        'InvalidArgument',
        'The argument is invalid or missing or has an incorrect format.',
      );
    this.ctx.sent(OP_BYTES + address.length);
    return new FakeRangeAreas(this.ctx, () => ({
      sheet: this.sheet(),
      rects: address.split(',').map(parseAddress),
    }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.sheet();
      const r = this.ctx.excel.usedRect(s, Boolean(valuesOnly));
      return r ? { sheet: s, rect: r } : null;
    });
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.sheet();
      return {
        sheet: s,
        rect: this.ctx.excel.usedRect(s, Boolean(valuesOnly)) ?? {
          top: 0,
          left: 0,
          bottom: 0,
          right: 0,
        },
      };
    });
  }
}

/** Records property writes on a plain object as queued operations. */
function Proxy_(
  target: Record<string, unknown>,
  onSet: (k: string, v: unknown) => void,
): Record<string, unknown> {
  return new globalThis.Proxy(target, {
    set(_t, k, v) {
      onSet(String(k), v);
      return true;
    },
  });
}

type Resolved = { sheet: FakeSheet; rect: Range } | null;

function checkWritable(
  s: FakeSheet,
  rect: Range | null,
  excel: FakeExcel,
  what: 'values' | 'format',
): void {
  if (!s.protected) return;
  if (what === 'format') throw new FakeOfficeError('AccessDenied', 'The sheet is protected.');
  if (!rect) return;
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      if (excel.getCell(s, r, c)?.format.locked !== false)
        throw new FakeOfficeError(
          'AccessDenied',
          'The cell or chart you are trying to change is protected.',
        );
    }
  }
}

class FakeRange extends FakeObject {
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly dataValidation: Record<string, unknown>;
  private cached: Resolved | undefined;

  constructor(
    ctx: FakeContext,
    private readonly resolver: () => Resolved,
  ) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, () => this.resolved());
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, () => {
      const r = this.resolved();
      return { sheet: r.sheet, rects: [r.rect] };
    });
    this.dataValidation = Proxy_({}, (k, v) =>
      ctx.enqueue(() => {
        const r = this.resolved();
        checkWritable(r.sheet, null, ctx.excel, 'format');
        let dv = r.sheet.validations.find(
          (x) => JSON.stringify(x.range) === JSON.stringify(r.rect),
        );
        if (!dv) {
          dv = { range: r.rect };
          r.sheet.validations.push(dv);
        }
        (dv as unknown as Record<string, unknown>)[k] = v;
      }),
    );
  }

  resolve(): Resolved {
    if (this.cached === undefined) this.cached = this.resolver();
    return this.cached;
  }

  resolved(): { sheet: FakeSheet; rect: Range } {
    const r = this.resolve();
    if (!r) throw new FakeOfficeError('InvalidObjectPath', 'The range is a null object.');
    return r;
  }

  protected override isNull(): boolean {
    return this.resolve() === null;
  }

  protected override nav(name: string): FakeObject | undefined {
    if (name === 'worksheet') return this.worksheet;
    return undefined;
  }

  private ws: FakeWorksheet | undefined;
  get worksheet(): FakeWorksheet {
    this.ws ??= new FakeWorksheet(this.ctx, () => this.resolved().sheet);
    return this.ws;
  }

  protected override snapshot(name: string): unknown {
    const { sheet, rect } = this.resolved();
    const x = this.ctx.excel;
    switch (name) {
      case 'rowIndex':
        return rect.top;
      case 'columnIndex':
        return rect.left;
      case 'rowCount':
        return rect.bottom - rect.top + 1;
      case 'columnCount':
        return rect.right - rect.left + 1;
      case 'address':
        return `${quote(sheet.name)}!${a1(rect)}`;
      case 'values':
      case 'valueTypes':
      case 'formulas': {
        const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
        if (cells > 5_000_000)
          throw new FakeOfficeError(
            'ResponsePayloadSizeLimitExceeded',
            'The response payload size has exceeded the limit.',
          );
        const out: unknown[][] = [];
        for (let r = rect.top; r <= rect.bottom; r++) {
          const row: unknown[] = [];
          for (let c = rect.left; c <= rect.right; c++) {
            const cell = x.getCell(sheet, r, c);
            if (name === 'values') row.push(cell?.error ?? cell?.value ?? '');
            else if (name === 'formulas')
              // a quote-prefixed text comes back without its apostrophe (office-js #6687)
              row.push(cell?.formula ? `=${cell.formula}` : (cell?.error ?? cell?.value ?? ''));
            else row.push(valueType(cell));
          }
          out.push(row);
        }
        return out;
      }
      case 'rowHidden':
      case 'columnHidden': {
        const hidden = name === 'rowHidden' ? sheet.hiddenRows : sheet.hiddenCols;
        const [lo, hi] = name === 'rowHidden' ? [rect.top, rect.bottom] : [rect.left, rect.right];
        let n = 0;
        for (const i of hidden) if (i >= lo && i <= hi) n++;
        return n === 0 ? false : n === hi - lo + 1 ? true : null;
      }
      default:
        return super.snapshot(name);
    }
  }

  get values(): unknown[][] {
    return this.prop('values');
  }
  set values(v: unknown[][]) {
    this.write(v);
  }
  get valueTypes(): string[][] {
    return this.prop('valueTypes');
  }
  set formulas(v: unknown[][]) {
    this.write(v);
  }
  get formulas(): unknown[][] {
    return this.prop('formulas');
  }
  get rowHidden(): boolean | null {
    return this.prop('rowHidden');
  }
  get columnHidden(): boolean | null {
    return this.prop('columnHidden');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get address(): string {
    return this.prop('address');
  }

  set numberFormat(v: unknown[][]) {
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.resolved();
      checkWritable(sheet, rect, this.ctx.excel, 'format');
      dims(v, rect);
      v.forEach((row, r) =>
        row.forEach(
          (f, c) =>
            (this.ctx.excel.cell(sheet, rect.top + r, rect.left + c).format.numberFormat =
              String(f)),
        ),
      );
    });
  }

  /** Values and formulas are both read as typed input (see `excelInput`). */
  private write(v: unknown[][]): void {
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.resolved();
      checkWritable(sheet, rect, this.ctx.excel, 'values');
      dims(v, rect);
      v.forEach((row, r) =>
        row.forEach((val, c) => {
          const cell = this.ctx.excel.cell(sheet, rect.top + r, rect.left + c);
          const { numberFormat, ...stored } = excelInput(val, cell.format);
          delete cell.formula;
          delete cell.error;
          delete cell.quotePrefix;
          Object.assign(cell, stored);
          if (numberFormat) cell.format.numberFormat = numberFormat;
        }),
      );
      this.ctx.changed({ worksheetId: sheet.id, address: a1(rect), changeType: 'RangeEdited' });
    }, jsonBytes(v));
  }

  getSpecialCellsOrNullObject(cellType: 'Formulas' | 'Visible'): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const { sheet, rect } = this.resolved();
      const rects = cellType === 'Visible' ? visibleRects(sheet, rect) : formulaRects(sheet, rect);
      return rects.length === 0 ? null : { sheet, rects };
    });
  }

  merge(_across?: boolean): void {
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.resolved();
      checkWritable(sheet, rect, this.ctx.excel, 'format');
      if (sheet.merges.some((m) => intersectRanges(m, rect)))
        throw new FakeOfficeError('InvalidOperation', 'Cannot merge overlapping ranges.');
      sheet.merges.push(rect);
    });
  }

  select(): void {
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.resolved();
      this.ctx.excel.activeSheetId = sheet.id;
      this.ctx.excel.selection = { sheetId: sheet.id, range: rect };
    });
  }

  getEntireColumn(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, rect } = this.resolved();
      return { sheet, rect: { top: 0, bottom: MAX_ROWS - 1, left: rect.left, right: rect.right } };
    });
  }

  getIntersectionOrNullObject(other: FakeRange): FakeRange {
    return new FakeRange(this.ctx, () => {
      const a = this.resolved();
      const b = other.resolve();
      if (!b) throw new FakeOfficeError('InvalidArgument', 'The argument is a null object.');
      const r = intersectRanges(a.rect, b.rect);
      return r ? { sheet: a.sheet, rect: r } : null;
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const { sheet, rect } = this.resolved();
      const found = sheet.merges.filter(
        (m) =>
          m.top >= rect.top && m.top <= rect.bottom && m.left >= rect.left && m.left <= rect.right,
      );
      if (found.length > this.ctx.excel.maxMergedAreasPerQuery)
        throw new FakeOfficeError('GeneralException', 'Too many merged areas.');
      return found.length === 0 ? null : { sheet, rects: found };
    });
  }
}

function dims(v: unknown[][], rect: Range): void {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (v.length !== rows || v.some((r) => r.length !== cols)) {
    throw new FakeOfficeError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`,
    );
  }
}

/** Visible cells of `rect`: its visible row runs by its visible column runs. */
function visibleRects(sheet: FakeSheet, rect: Range): Range[] {
  const out: Range[] = [];
  const cols = runs(rect.left, rect.right, sheet.hiddenCols);
  for (const [top, bottom] of runs(rect.top, rect.bottom, sheet.hiddenRows))
    for (const [left, right] of cols) out.push({ top, bottom, left, right });
  return out;
}

/** Formula cells of `rect` as rectangles (runs in a row, equal runs of adjacent rows joined). */
function formulaRects(sheet: FakeSheet, rect: Range): Range[] {
  const rows = new Map<number, number[]>();
  for (const [k, c] of sheet.cells) {
    if (c.formula === undefined) continue;
    const r = Math.floor(k / MAX_COLS);
    const col = k % MAX_COLS;
    if (r < rect.top || r > rect.bottom || col < rect.left || col > rect.right) continue;
    rows.set(r, [...(rows.get(r) ?? []), col]);
  }
  type Area = { top: number; bottom: number; left: number; right: number };
  const out: Area[] = [];
  const open = new Map<string, Area>();
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const cols = rows.get(r)!.sort((a, b) => a - b);
    for (let i = 0; i < cols.length;) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
      const k = `${cols[i]}:${cols[j]}`;
      const prev = open.get(k);
      if (prev && prev.bottom === r - 1) prev.bottom = r;
      else {
        const area = { top: r, bottom: r, left: cols[i], right: cols[j] };
        open.set(k, area);
        out.push(area);
      }
      i = j + 1;
    }
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

function valueType(cell: FakeCell | undefined): string {
  if (!cell) return 'Empty';
  if (cell.error) return 'Error';
  const v = cell.value;
  if (v === null || v === '') return 'Empty';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Double';
  return 'String';
}

class FakeRangeAreas extends FakeObject {
  readonly conditionalFormats: FakeConditionalFormatCollection;
  /** the rectangles, as a collection of ranges */
  readonly areas: FakeRangeCollection;
  private cached: { sheet: FakeSheet; rects: Range[] } | null | undefined;

  constructor(
    ctx: FakeContext,
    private readonly resolver: () => { sheet: FakeSheet; rects: Range[] } | null,
  ) {
    super(ctx);
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, () => {
      const r = this.resolve();
      if (!r) throw new FakeOfficeError('InvalidObjectPath', 'null RangeAreas');
      return r;
    });
    this.areas = new FakeRangeCollection(ctx, () => {
      const r = this.resolve();
      if (!r) throw new FakeOfficeError('InvalidObjectPath', 'null RangeAreas');
      return r;
    });
  }

  protected override nav(name: string): FakeObject | undefined {
    return name === 'areas' ? this.areas : undefined;
  }

  private resolve(): { sheet: FakeSheet; rects: Range[] } | null {
    if (this.cached === undefined) this.cached = this.resolver();
    return this.cached;
  }

  protected override isNull(): boolean {
    return this.resolve() === null;
  }

  protected override snapshot(name: string): unknown {
    const r = this.resolve();
    if (!r) return undefined;
    if (name === 'address') {
      let out = '';
      for (const x of r.rects) {
        const next = `${out ? `${out}, ` : ''}${quote(r.sheet.name)}!${a1(x)}`;
        if (next.length > this.ctx.excel.maxAddressChars) break;
        out = next;
      }
      return out;
    }
    if (name === 'areaCount') return r.rects.length;
    if (name === 'cellCount')
      return r.rects.reduce((n, x) => n + (x.bottom - x.top + 1) * (x.right - x.left + 1), 0);
    return super.snapshot(name);
  }

  get address(): string {
    return this.prop('address');
  }
  get areaCount(): number {
    return this.prop('areaCount');
  }
  get cellCount(): number {
    return this.prop('cellCount');
  }
}

/** `RangeAreas.areas`: one range per rectangle. */
class FakeRangeCollection extends FakeObject {
  private list: FakeRange[] | null = null;

  constructor(
    ctx: FakeContext,
    private readonly target: () => { sheet: FakeSheet; rects: Range[] },
  ) {
    super(ctx);
  }

  override applyLoad(list: string[][]): void {
    const { sheet, rects } = this.target();
    this.list = rects.map((rect) => {
      const range = new FakeRange(this.ctx, () => ({ sheet, rect }));
      range.applyLoad(list.map((p) => (p[0] === 'items' ? p.slice(1) : p)).filter((p) => p.length));
      return range;
    });
  }

  get items(): FakeRange[] {
    if (!this.list)
      throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.list;
  }
}

class FakeRangeFormat {
  readonly font: Record<string, unknown>;
  readonly fill: Record<string, unknown>;
  readonly protection: Record<string, unknown>;
  readonly borders: { getItem: (edge: string) => Record<string, unknown> };

  constructor(
    private readonly ctx: FakeContext,
    private readonly target: () => { sheet: FakeSheet; rect: Range },
  ) {
    const each = (fn: (f: FakeFormat, r: number, c: number) => void): void => {
      const { sheet, rect } = this.target();
      checkWritable(sheet, rect, ctx.excel, 'format');
      for (let r = rect.top; r <= rect.bottom && r < 200_000; r++)
        for (let c = rect.left; c <= rect.right && c < 1000; c++)
          fn(ctx.excel.cell(sheet, r, c).format, r, c);
    };
    const setter =
      (map: Record<string, keyof FakeFormat>) =>
      (k: string, v: unknown): void => {
        const field = map[k];
        if (!field) throw new Error(`fake: format property ${k} not supported`);
        ctx.enqueue(() => each((f) => ((f as Record<string, unknown>)[field] = v)));
      };
    this.font = Proxy_(
      {},
      setter({
        name: 'fontName',
        size: 'fontSize',
        bold: 'bold',
        italic: 'italic',
        color: 'fontColor',
      }),
    );
    this.fill = Proxy_({}, setter({ color: 'fill' }));
    this.protection = Proxy_({}, setter({ locked: 'locked' }));
    this.borders = {
      getItem: (edge: string) =>
        Proxy_({}, (k, v) =>
          ctx.enqueue(() =>
            each((f) => {
              f.borders = {
                ...(f.borders ?? {}),
                [edge]: { ...(f.borders?.[edge] ?? {}), [k]: v as string },
              };
            }),
          ),
        ),
    };
  }

  set horizontalAlignment(v: string) {
    this.ctx.enqueue(() => this.each((f) => (f.horizontal = v)));
  }
  set verticalAlignment(v: string) {
    this.ctx.enqueue(() => this.each((f) => (f.vertical = v)));
  }
  set wrapText(v: boolean) {
    this.ctx.enqueue(() => this.each((f) => (f.wrap = v)));
  }
  set columnWidth(v: number) {
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.target();
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, v);
    });
  }
  set rowHeight(v: number) {
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.target();
      for (let r = rect.top; r <= Math.min(rect.bottom, rect.top + 10_000); r++)
        sheet.rowHeights.set(r, v);
    });
  }
  autofitColumns(): void {
    this.ctx.enqueue(() => void this.target());
  }

  private each(fn: (f: FakeFormat) => void): void {
    const { sheet, rect } = this.target();
    checkWritable(sheet, rect, this.ctx.excel, 'format');
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) fn(this.ctx.excel.cell(sheet, r, c).format);
  }
}

type Areas = { sheet: FakeSheet; rects: Range[] };

class FakeConditionalFormatCollection extends FakeObject {
  private list: FakeConditionalFormatProxy[] | null = null;

  constructor(
    ctx: FakeContext,
    private readonly target: () => Areas,
  ) {
    super(ctx);
  }

  override applyLoad(list: string[][]): void {
    const { sheet, rects } = this.target();
    const hits = sheet.conditionalFormats.filter((cf) =>
      cf.ranges.some((r) => rects.some((x) => intersectRanges(r, x))),
    );
    this.list = hits.map((cf) => {
      const p = new FakeConditionalFormatProxy(
        this.ctx,
        () => sheet,
        () => cf,
      );
      p.applyLoad(list.map((x) => (x[0] === 'items' ? x.slice(1) : x)).filter((x) => x.length > 0));
      return p;
    });
  }

  get items(): FakeConditionalFormatProxy[] {
    if (!this.list)
      throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.list;
  }

  add(type: string): FakeConditionalFormatProxy {
    let created: FakeConditionalFormat | null = null;
    let sheet: FakeSheet | null = null;
    this.ctx.enqueue(() => {
      const t = this.target();
      if (t.sheet.protected) throw new FakeOfficeError('AccessDenied', 'The sheet is protected.');
      sheet = t.sheet;
      created = { id: this.ctx.excel.newId('cf'), type, ranges: t.rects.map((r) => ({ ...r })) };
      t.sheet.conditionalFormats.unshift(created);
    });
    return new FakeConditionalFormatProxy(
      this.ctx,
      () => {
        if (!sheet) throw new Error('fake: used before added');
        return sheet;
      },
      () => {
        if (!created) throw new Error('fake: used before added');
        return created;
      },
    );
  }

  getItem(id: string): FakeConditionalFormatProxy {
    const find = (): { sheet: FakeSheet; cf: FakeConditionalFormat } => {
      const { sheet } = this.target();
      const cf = sheet.conditionalFormats.find((x) => x.id === id);
      if (!cf) throw new FakeOfficeError('ItemNotFound', `No conditional format ${id}.`);
      return { sheet, cf };
    };
    this.ctx.enqueue(() => void find());
    return new FakeConditionalFormatProxy(
      this.ctx,
      () => find().sheet,
      () => find().cf,
    );
  }
}

class FakeConditionalFormatProxy extends FakeObject {
  readonly custom: FakeCustom;
  readonly customOrNullObject: FakeCustom;

  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly cf: () => FakeConditionalFormat,
  ) {
    super(ctx);
    this.custom = new FakeCustom(ctx, sheet, cf, false);
    this.customOrNullObject = new FakeCustom(ctx, sheet, cf, true);
  }

  protected override nav(name: string): FakeObject | undefined {
    if (name === 'custom') return this.custom;
    if (name === 'customOrNullObject') return this.customOrNullObject;
    return undefined;
  }

  protected override snapshot(name: string): unknown {
    const cf = this.cf();
    if (name === 'id') return cf.id;
    if (name === 'type') return cf.type;
    return super.snapshot(name);
  }

  get id(): string {
    return this.prop('id');
  }
  get type(): string {
    return this.prop('type');
  }

  getRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => ({
      sheet: this.sheet(),
      rects: this.cf().ranges.map((r) => ({ ...r })),
    }));
  }

  delete(): void {
    this.ctx.enqueue(() => {
      const s = this.sheet();
      if (s.protected) throw new FakeOfficeError('AccessDenied', 'The sheet is protected.');
      const cf = this.cf();
      s.conditionalFormats = s.conditionalFormats.filter((x) => x !== cf);
    });
  }
}

class FakeCustom extends FakeObject {
  readonly rule: FakeRule;
  readonly format: { fill: Record<string, unknown>; font: Record<string, unknown> };

  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly cf: () => FakeConditionalFormat,
    private readonly orNull: boolean,
  ) {
    super(ctx);
    this.rule = new FakeRule(ctx, cf, () => this.isNull());
    const set = (field: 'fill' | 'fontColor' | 'bold') => (_k: string, v: unknown) =>
      ctx.enqueue(() => {
        const c = this.cf();
        if (c.type !== 'Custom')
          throw new FakeOfficeError('InvalidOperation', 'not a custom format');
        (c as unknown as Record<string, unknown>)[field] = v;
      });
    this.format = {
      fill: Proxy_({}, (k, v) => set('fill')(k, v)),
      font: Proxy_({}, (k, v) => set(k === 'bold' ? 'bold' : 'fontColor')(k, v)),
    };
    void this.sheet;
  }

  protected override isNull(): boolean {
    const isCustom = this.cf().type === 'Custom';
    if (!isCustom && !this.orNull)
      throw new FakeOfficeError(
        'InvalidOperation',
        'The conditional format is not of type Custom.',
      );
    return !isCustom;
  }

  protected override nav(name: string): FakeObject | undefined {
    return name === 'rule' ? this.rule : undefined;
  }
}

class FakeRule extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly cf: () => FakeConditionalFormat,
    private readonly parentNull: () => boolean,
  ) {
    super(ctx);
  }

  protected override isNull(): boolean {
    return this.parentNull();
  }

  protected override snapshot(name: string): unknown {
    if (name === 'formula') return this.cf().formula;
    return super.snapshot(name);
  }

  get formula(): string {
    return this.prop('formula');
  }
  set formula(v: string) {
    this.ctx.enqueue(() => {
      const c = this.cf();
      c.formula = v;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Custom XML parts

/** A value returned by a method (`getXml`, `getCount`), readable after the sync. */
class FakeClientResult<T> {
  private done = false;
  private v: T | undefined;

  resolve(v: T): void {
    this.v = v;
    this.done = true;
  }

  get value(): T {
    if (!this.done)
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        'The value of the result object has not been loaded yet. Call context.sync() first.',
      );
    return this.v as T;
  }
}

/**
 * The root element's namespace of a well-formed XML document, '' when it has none; null when the
 * text is not well-formed XML (Excel refuses it).
 */
export function xmlRootNamespace(xml: string): string | null {
  const body = xml.replace(/^\uFEFF/, '');
  const stack: string[] = [];
  let root: { name: string; attrs: string } | null = null;
  let i = 0;
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<\/?([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);|&/g;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    const text = body.slice(i, m.index);
    i = m.index + m[0].length;
    if (stack.length === 0 && text.trim() !== '') return null;
    const t = m[0];
    if (t === '<' || t === '&') return null;
    if (t.startsWith('&') || t.startsWith('<!--') || t.startsWith('<?')) {
      if (t.startsWith('&') && stack.length === 0) return null;
      continue;
    }
    if (t.startsWith('<![CDATA[')) {
      if (stack.length === 0) return null;
      continue;
    }
    if (t.startsWith('<!DOCTYPE')) continue;
    const name = m[1];
    if (t.startsWith('</')) {
      if (stack.pop() !== name) return null;
      continue;
    }
    if (stack.length === 0) {
      if (root) return null;
      root = { name, attrs: m[2] };
    }
    if (m[3] !== '/') stack.push(name);
  }
  if (body.slice(i).trim() !== '' || stack.length > 0 || !root) return null;
  const prefix = root.name.includes(':') ? root.name.split(':')[0] : '';
  const attr = new RegExp(
    `\\s${prefix ? `xmlns:${prefix}` : 'xmlns'}\\s*=\\s*("([^"]*)"|'([^']*)')`,
  );
  const ns = attr.exec(root.attrs);
  return ns ? (ns[2] ?? ns[3]) : '';
}

class FakeCustomXmlPart extends FakeObject {
  private cached: FakeXmlPart | null | undefined;

  constructor(
    ctx: FakeContext,
    private readonly find: () => FakeXmlPart | null,
  ) {
    super(ctx);
  }

  private part(): FakeXmlPart | null {
    if (this.cached === undefined) this.cached = this.find();
    return this.cached;
  }

  private existing(): FakeXmlPart {
    const p = this.part();
    // office-js documents no result for a method on a null object: the fake refuses it
    if (!p) throw new FakeOfficeError('InvalidObjectPath', 'The custom XML part does not exist.');
    if (!this.ctx.excel.customXmlParts.includes(p))
      throw new FakeOfficeError('ItemNotFound', 'The custom XML part was deleted.');
    return p;
  }

  protected override isNull(): boolean {
    return this.part() === null;
  }

  protected override snapshot(name: string): unknown {
    const p = this.existing();
    if (name === 'id') return p.id;
    if (name === 'namespaceUri') return xmlRootNamespace(p.xml) ?? '';
    return super.snapshot(name);
  }

  get id(): string {
    return this.prop('id');
  }
  get namespaceUri(): string {
    return this.prop('namespaceUri');
  }

  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.ctx.enqueue(() => {
      const xml = this.existing().xml;
      this.ctx.respond(xml);
      result.resolve(xml);
    });
    return result;
  }

  setXml(xml: string): void {
    this.ctx.enqueue(() => {
      const p = this.existing();
      if (xmlRootNamespace(xml) === null)
        throw new FakeOfficeError('InvalidArgument', 'The XML is not well-formed.');
      p.xml = xml;
    }, jsonBytes(xml));
  }

  delete(): void {
    this.ctx.enqueue(() => {
      const p = this.existing();
      this.ctx.excel.customXmlParts = this.ctx.excel.customXmlParts.filter((x) => x !== p);
    });
  }
}

/** `workbook.customXmlParts`, or the parts of one namespace (`getByNamespace`). */
class FakeCustomXmlPartCollection extends FakeObject {
  private list: FakeCustomXmlPart[] | null = null;

  constructor(
    ctx: FakeContext,
    private readonly accepts: (part: FakeXmlPart) => boolean,
  ) {
    super(ctx);
  }

  private parts(): FakeXmlPart[] {
    return this.ctx.excel.customXmlParts.filter(this.accepts);
  }

  override applyLoad(list: string[][]): void {
    this.list = this.parts().map((part) => {
      const p = new FakeCustomXmlPart(this.ctx, () => part);
      p.applyLoad(list.map((x) => (x[0] === 'items' ? x.slice(1) : x)).filter((x) => x.length));
      return p;
    });
  }

  get items(): FakeCustomXmlPart[] {
    if (!this.list)
      throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.list;
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.ctx.enqueue(() => result.resolve(this.parts().length));
    return result;
  }

  getItem(id: string): FakeCustomXmlPart {
    const find = (): FakeXmlPart => {
      const p = this.parts().find((x) => x.id === id);
      if (!p) throw new FakeOfficeError('ItemNotFound', `No custom XML part ${id}.`);
      return p;
    };
    this.ctx.enqueue(() => void find());
    return new FakeCustomXmlPart(this.ctx, find);
  }

  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.ctx, () => this.parts().find((x) => x.id === id) ?? null);
  }

  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.ctx, () => {
      const list = this.parts();
      return list.length === 1 ? list[0] : null;
    });
  }

  getByNamespace(namespaceUri: string): FakeCustomXmlPartCollection {
    return new FakeCustomXmlPartCollection(
      this.ctx,
      (p) => this.accepts(p) && xmlRootNamespace(p.xml) === namespaceUri && namespaceUri !== '',
    );
  }

  add(xml: string): FakeCustomXmlPart {
    let created: FakeXmlPart | null = null;
    this.ctx.enqueue(() => {
      if (xmlRootNamespace(xml) === null)
        throw new FakeOfficeError('InvalidArgument', 'The XML is not well-formed.');
      created = { id: this.ctx.excel.newId('xml'), xml };
      this.ctx.excel.customXmlParts.push(created);
    }, jsonBytes(xml));
    return new FakeCustomXmlPart(this.ctx, () => {
      if (!created) throw new Error('fake: part used before it was added');
      return created;
    });
  }
}
