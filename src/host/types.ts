/**
 * What the app needs from a workbook, named after what the user does. Two implementations:
 * `src/office` (office-js, the only code that touches the `Excel`/`Office` globals) and
 * `src/adapters/memory` (an in-memory workbook that loads and saves .xlsx, for the standalone mode,
 * the end-to-end tests and the benchmark). The task pane imports this file, never office-js.
 *
 * Every action costs a bounded number of round trips to Excel whatever the workbook size; the
 * counts are documented per method and asserted by `test/office`.
 */
import type { CellValue, Finding, Range, SheetData, Severity } from '../engine';
import type { SheetSpec } from '../templates/spec';

/** Why an action failed; `message` is Simplified Chinese for the pane's message bar. */
export type HostErrorCode =
  | 'sheet-missing'
  | 'sheet-protected'
  | 'too-large'
  | 'invalid-address'
  | 'invalid-name'
  | 'unsupported'
  | 'busy'
  /** something the add-in kept in the workbook cannot be read (damaged, or from a newer version) */
  | 'unreadable'
  | 'unknown';

export interface HostError {
  readonly code: HostErrorCode;
  readonly message: string;
  readonly sheet?: string;
  /** the underlying error text (English, for logs), when there is one */
  readonly detail?: string;
}

export type HostResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: HostError };

export interface SheetInfo {
  readonly name: string;
  readonly visible: boolean;
  readonly protected: boolean;
}

/** Some rows of one sheet, read again after an edit. `cells[0]` is row `top`, columns from A. */
export interface RowsData {
  readonly sheet: string;
  readonly top: number;
  readonly bottom: number;
  readonly cells: ReadonlyArray<ReadonlyArray<CellValue>>;
  /** merged areas whose top-left cell lies in the rows, in sheet coordinates */
  readonly merges: ReadonlyArray<Range>;
  /** formula text (without `=`) in the shape of `cells`, where the host reads formulas */
  readonly formulas?: ReadonlyArray<ReadonlyArray<string | undefined> | undefined>;
  /** hidden rows among `top..bottom`, zero-based sheet rows */
  readonly hiddenRows?: ReadonlyArray<number>;
}

export interface CellEdit {
  readonly sheet: string;
  /** `E12` */
  readonly cell: string;
  /**
   * written as a value: a text is always written as text, so one starting with `=`, `+`, `-` or `@`
   * never becomes a formula
   */
  readonly value: CellValue;
  /** writes this formula (without `=`) instead of `value`: only to undo a change to a formula cell */
  readonly formula?: string;
}

/** A worksheet name and cell, as the pane shows and follows it. */
export interface CellLocation {
  readonly sheet: string;
  /** the selected area, `B3` or `B3:D9` */
  readonly address: string;
  /** top-left cell of the selection, zero-based */
  readonly row: number;
  readonly col: number;
}

export type ChangeKind =
  | 'edit'
  | 'rows-inserted'
  | 'rows-deleted'
  | 'columns-inserted'
  | 'columns-deleted'
  | 'cells-inserted'
  | 'cells-deleted'
  | 'sheet-added'
  | 'unknown';

/** One change a person made (never the add-in's own writes). */
export interface SheetChange {
  readonly sheet: string;
  readonly kind: ChangeKind;
  /** the changed area as Excel reports it (`B3`, `B3:D9`, `5:7`); '' for `sheet-added` */
  readonly address: string;
  /** rows touched, zero-based inclusive; null when unknown (whole columns, a new sheet) */
  readonly rows: { readonly top: number; readonly bottom: number } | null;
}

export type Unsubscribe = () => Promise<void>;

/**
 * The add-in's highlights for a band of rows of one sheet (live checking after an edit): those on
 * rows `top..bottom` are replaced by `findings`; the rest of the sheet's highlights stay.
 */
export interface RowHighlights {
  readonly sheet: string;
  readonly top: number;
  readonly bottom: number;
  /** every finding on rows `top..bottom` (any outside them is ignored) */
  readonly findings: ReadonlyArray<Pick<Finding, 'row' | 'col' | 'severity'>>;
}

/** Highlights to show, by sheet. Each listed sheet's highlights are replaced as a whole. */
export type FindingsBySheet = ReadonlyMap<
  string,
  ReadonlyArray<Pick<Finding, 'row' | 'col' | 'severity'>>
>;

export interface HighlightSummary {
  /** sheets whose highlights were written */
  readonly sheets: ReadonlyArray<string>;
  /** cells highlighted, per severity */
  readonly cells: Readonly<Record<Severity, number>>;
  /** sheets skipped, with why (protected, missing) */
  readonly skipped: ReadonlyArray<HostError>;
}

export interface WorkbookHost {
  /** `office` in Excel, `memory` in the standalone mode and the tests. */
  readonly kind: 'office' | 'memory';
  /** Round trips to Excel (`context.sync` calls) made so far; always 0 for the in-memory host. */
  readonly syncCount: number;

  /** Sheets in tab order. 1 sync. */
  listSheets(): Promise<HostResult<SheetInfo[]>>;
  /**
   * Values, formulas, merged areas, hidden rows and columns and the tab state of one sheet, rows and
   * columns from A1. 2 syncs (size and where the formulas are, then contents).
   */
  readSheet(name: string): Promise<HostResult<SheetData>>;
  /**
   * Several sheets at once (the whole-workbook check): 2 syncs for any number of sheets (their sizes,
   * then all values, formulas and merged areas), plus one per further 80,000 cells (Excel on the
   * web's 5 MB response limit; a response still too large is read again in halves, and a list of
   * merged areas Excel shortens is read again as ranges, one more each).
   */
  readSheets(names: ReadonlyArray<string>): Promise<HostResult<SheetData[]>>;
  /**
   * Rows `top..bottom` (zero-based, inclusive) of one sheet, for re-reading an edited form: values,
   * formulas, hidden rows, merged areas. 1 sync (2 when Excel shortens a long list of areas).
   */
  readRows(sheet: string, top: number, bottom: number): Promise<HostResult<RowsData>>;

  /** Adds a new sheet built from a template spec, named uniquely from `preferredName`, and activates it. Never touches an existing sheet. 2 syncs. */
  insertSheetFromSpec(spec: SheetSpec, preferredName: string): Promise<HostResult<string>>;
  /**
   * Writes a table (export) into a NEW sheet with a unique name; returns the name. Every text lands as
   * text (never a formula, number or date). 2 syncs (one more per further ~4 MB of values).
   */
  writeTable(
    preferredName: string,
    headers: ReadonlyArray<string>,
    rows: ReadonlyArray<ReadonlyArray<CellValue>>,
  ): Promise<HostResult<string>>;

  /** Activates the sheet and selects the cell (clicking a finding). 1 sync. */
  selectCell(sheet: string, cell: string): Promise<HostResult<void>>;
  /** Writes one value (a suggestion the user clicked). 1 sync. Not reported to `onChanged`. */
  setCellValue(sheet: string, cell: string, value: CellValue): Promise<HostResult<void>>;
  /**
   * Writes many values at once (all findings of one rule, or an undo). 1 sync (one more per further
   * ~4 MB of edits). Not reported to `onChanged`.
   */
  setCellValues(edits: ReadonlyArray<CellEdit>): Promise<HostResult<void>>;

  /**
   * Replaces the add-in's highlights on each listed sheet: conditional formats per severity over the
   * finding cells (in Excel one per severity per band of 200 rows), marked so that clearing removes
   * only them. The user's fills, fonts, borders, number formats and own conditional formats are never
   * touched. 1 sync after a read of the same sheets, else 2.
   */
  applyHighlights(findings: FindingsBySheet): Promise<HostResult<HighlightSummary>>;
  /**
   * Replaces the add-in's highlights on a band of rows only, so that an edit costs the same on a
   * sheet of 10 forms and one of 1,000. In Excel: 1 sync while the host follows the workbook's
   * changes (`onChanged`, as the live checker does) and so knows where its highlights are; 2 when it
   * must read them back first (not following, or after inserted columns or moved cells); 3 on a
   * sheet it never read. (Optional while the hosts implement it; callers fall back to
   * `applyHighlights`.)
   */
  updateHighlightRows?(update: RowHighlights): Promise<HostResult<HighlightSummary>>;
  /** Removes the add-in's highlights from the given sheets (all sheets when omitted). ≤2 syncs. */
  clearHighlights(sheets?: ReadonlyArray<string>): Promise<HostResult<void>>;

  /** Changes people make on any sheet, including sheets added later. 1 sync to subscribe. */
  onChanged(handler: (change: SheetChange) => void): Promise<HostResult<Unsubscribe>>;
  /** The current selection. 1 sync. */
  activeSelection(): Promise<HostResult<CellLocation>>;
  /**
   * The review remarks kept in the workbook, as the versioned text of `encodeRemarks`; null when the
   * workbook has none; 'unreadable' when what is kept cannot be read (the caller says so). They live
   * in a custom XML part (`host/remarks-part.ts`), so they travel with the file. In Excel 1 sync when
   * there is none, 2 when there is (a part's XML is read by a call on the part). (Optional while the
   * hosts implement it.)
   */
  loadRemarks?(): Promise<HostResult<string | null>>;
  /** Keeps the remarks text in the workbook, replacing what was kept (all parts). ≤2 syncs. */
  saveRemarks?(text: string): Promise<HostResult<void>>;
  /** Follows the selection on any sheet. 1 sync to subscribe. */
  onSelectionChanged(handler: (selection: CellLocation) => void): Promise<HostResult<Unsubscribe>>;
}
