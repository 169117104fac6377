/**
 * The .xlsx reader: bytes in, the engine's WorkbookData out. It reads only what the engine needs
 * (sheet names and visibility, values with cached formula results, formula text, merges, hidden
 * rows and columns) in one streaming pass per part, within limits on the inflated size and the
 * number of cells. No Node APIs: the same module runs in the browser.
 */
import type { SheetData, SheetState, WorkbookData } from '../../../engine';
import { corrupt, MESSAGES, ReadFailure, WorkbookReadError } from './errors';
import { checkNotZip, workbookPart } from './detect';
import { isRelType, Package } from './parts';
import { CellBudget, readWorksheet } from './sheet';
import { readSharedStrings } from './strings';
import { readDateStyles } from './styles';
import { InflateBudget, ZipArchive, type OneShotInflate } from './zip';

export { WorkbookReadError, type ReadFailureReason } from './errors';

export interface ReadOptions {
  /** sheets with more rows than this are cut there (the rest is not read) */
  readonly maxRows?: number;
  /** bytes allowed for the file and for its inflated parts, each and together; default 500 MB */
  readonly maxSize?: number;
  /**
   * stored cells (and rows covered by merges) allowed in the whole workbook; by default 2,000,000
   * per 500 MB of `maxSize`, so that raising the size limit raises this one with it
   */
  readonly maxCells?: number;
  /**
   * A native one-shot inflater for small parts (Node passes zlib's); fflate is used otherwise and
   * for every part that could inflate past 64 MB. See `OneShotInflate`.
   */
  readonly inflate?: OneShotInflate;
}

export type { OneShotInflate } from './zip';

export const DEFAULT_MAX_SIZE = 500 * 1024 * 1024;
export const DEFAULT_MAX_CELLS = 2_000_000;

function defaultMaxCells(maxSize = DEFAULT_MAX_SIZE): number {
  return Math.max(1000, Math.round((DEFAULT_MAX_CELLS * maxSize) / DEFAULT_MAX_SIZE));
}

interface SheetEntry {
  readonly name: string;
  readonly state: SheetState;
  readonly relId: string | undefined;
}

/** Reads .xlsx or .xlsm bytes. Throws `WorkbookReadError` with a Chinese message for anything else. */
export function readWorkbook(data: Uint8Array, options: ReadOptions = {}): WorkbookData {
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  if (data.length > maxSize)
    throw new WorkbookReadError('too-large', MESSAGES.tooLargeFile(maxSize));
  checkNotZip(data);
  try {
    const pkg = new Package(ZipArchive.open(data), new InflateBudget(maxSize), options.inflate);
    return readPackage(pkg, options);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    if (e instanceof ReadFailure) throw corrupt();
    // Anything else is a malformed file our checks did not foresee: never the library's words.
    throw corrupt();
  }
}

function readPackage(pkg: Package, options: ReadOptions): WorkbookData {
  const wbPart = workbookPart(pkg);
  const rels = pkg.relationships(wbPart);
  let sharedStrings: string | undefined;
  let styles: string | undefined;
  for (const rel of rels.values()) {
    if (isRelType(rel.type, 'sharedStrings')) sharedStrings = rel.target;
    else if (isRelType(rel.type, 'styles')) styles = rel.target;
  }

  const sheets: SheetEntry[] = [];
  let date1904 = false;
  pkg.parse(wbPart, {
    capture: false,
    open(name, attrs) {
      if (name === 'sheet') {
        const state = attrs.get('state');
        sheets.push({
          name: attrs.get('name') ?? `Sheet${sheets.length + 1}`,
          state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
          relId: attrs.getLocal('id'),
        });
      } else if (name === 'workbookPr') {
        const v = attrs.get('date1904');
        date1904 = v === '1' || v === 'true';
      }
    },
    close() {},
    text() {},
  });

  const cells = new CellBudget(
    options.maxCells ?? defaultMaxCells(options.maxSize),
    options.maxSize ?? DEFAULT_MAX_SIZE,
  );
  const ctx = {
    strings: readSharedStrings(pkg, sharedStrings, cells.limit),
    dateStyles: readDateStyles(pkg, styles),
    date1904,
    maxRows: options.maxRows ?? Infinity,
    cells,
  };
  const out: SheetData[] = [];
  for (const sheet of sheets) {
    const rel = sheet.relId === undefined ? undefined : rels.get(sheet.relId);
    if (!rel) throw new WorkbookReadError('corrupt', MESSAGES.missingSheet(sheet.name));
    // Chart sheets, dialog sheets and macro sheets hold no cells: they are skipped.
    if (!isRelType(rel.type, 'worksheet')) continue;
    out.push(readWorksheet(pkg, rel.target, sheet.name, sheet.state, ctx));
  }
  return { sheets: out };
}
