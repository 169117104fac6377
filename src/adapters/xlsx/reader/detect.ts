/**
 * What a file is, told by its content rather than its name: an .xlsx (or .xlsm) is a zip with a
 * workbook part; an encrypted .xlsx and an old .xls are both OLE compound files, told apart by
 * their streams; .xlsb, .ods, .docx are zips of other kinds; system exports named “.xls” are often
 * HTML. Each kind that is not an .xlsx gets a message that names it and says how to convert it.
 */
import { MESSAGES, WorkbookReadError } from './errors';
import { isRelType, type Package } from './parts';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function startsWith(data: Uint8Array, magic: ReadonlyArray<number>): boolean {
  return data.length >= magic.length && magic.every((b, i) => data[i] === b);
}

/** Throws the right message for anything that is not a zip; returns for a zip. */
export function checkNotZip(data: Uint8Array): void {
  if (data.length === 0) throw new WorkbookReadError('corrupt', MESSAGES.empty);
  if (startsWith(data, OLE_MAGIC)) throw oleError(data);
  if (data[0] === 0x50 && data[1] === 0x4b) return;
  const head = sniffText(data);
  if (/^<(!doctype html|html|table|meta|head|body)\b/.test(head) || /<html[\s>]/.test(head))
    throw new WorkbookReadError('unsupported-format', MESSAGES.html);
  if (head.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet'))
    throw new WorkbookReadError('unsupported-format', MESSAGES.xml2003);
  throw new WorkbookReadError('not-xlsx', MESSAGES.notXlsx);
}

/** The workbook part of an OOXML package, or the right message when the zip is something else. */
export function workbookPart(pkg: Package): string {
  let target: string | undefined;
  for (const rel of pkg.relationships('').values()) {
    if (isRelType(rel.type, 'officeDocument')) target = rel.target;
  }
  if (target === undefined && pkg.has('xl/workbook.xml')) target = 'xl/workbook.xml';
  if (target !== undefined && /\.bin$/i.test(target))
    throw new WorkbookReadError('unsupported-format', MESSAGES.xlsb);
  if (target !== undefined && pkg.has(target)) return target;
  throw otherZipError(pkg);
}

function otherZipError(pkg: Package): WorkbookReadError {
  const mimetype = pkg.zip.entry('mimetype');
  if (mimetype || pkg.has('content.xml')) {
    let type = '';
    if (mimetype && mimetype.size < 200) {
      pkg.zip.read(mimetype, pkg.budget, (b) => (type += new TextDecoder().decode(b)));
    }
    if (!type || type.includes('spreadsheet'))
      return new WorkbookReadError('unsupported-format', MESSAGES.ods);
    return new WorkbookReadError('not-xlsx', MESSAGES.otherOffice('OpenDocument 文档'));
  }
  if (pkg.has('xl/workbook.bin')) return new WorkbookReadError('unsupported-format', MESSAGES.xlsb);
  if (pkg.has('word/document.xml'))
    return new WorkbookReadError('not-xlsx', MESSAGES.otherOffice('Word 文档（.docx）'));
  if (pkg.has('ppt/presentation.xml'))
    return new WorkbookReadError('not-xlsx', MESSAGES.otherOffice('PowerPoint 演示文稿（.pptx）'));
  return new WorkbookReadError('not-xlsx', MESSAGES.noWorkbook);
}

/** The start of a text file, lower-cased, without a byte order mark or leading spaces. */
function sniffText(data: Uint8Array): string {
  const head = data.subarray(0, 4096);
  const utf16 = head[0] === 0xff && head[1] === 0xfe;
  return new TextDecoder(utf16 ? 'utf-16le' : 'utf-8')
    .decode(head)
    .replace(/^\ufeff/, '')
    .trimStart()
    .toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// OLE compound files (CFB): only the names of the streams are read.

function oleError(data: Uint8Array): WorkbookReadError {
  let names: Set<string>;
  try {
    names = streamNames(data);
  } catch {
    return new WorkbookReadError('encrypted', MESSAGES.encryptedOrXls);
  }
  if (names.has('EncryptionInfo') || names.has('EncryptedPackage'))
    return new WorkbookReadError('encrypted', MESSAGES.encrypted);
  if (names.has('Workbook') || names.has('Book'))
    return new WorkbookReadError('unsupported-format', MESSAGES.xls);
  if (names.size === 0) return new WorkbookReadError('encrypted', MESSAGES.encryptedOrXls);
  return new WorkbookReadError('not-xlsx', MESSAGES.otherOle);
}

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;

/** Names of the entries in a compound file's directory. Throws on a malformed file. */
export function streamNames(data: Uint8Array): Set<string> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw new Error('bad sector size');
  const size = 1 << shift;
  const sectorCount = Math.floor(data.length / size);
  const sector = (n: number) => {
    const at = (n + 1) * size;
    if (n >= sectorCount || at + size > data.length) throw new Error('sector out of range');
    return at;
  };
  // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = view.getUint32(0x4c + i * 4, true);
    if (s !== FREE) fatSectors.push(s);
  }
  let difat = view.getUint32(0x44, true);
  for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE && guard < sectorCount; guard++) {
    const at = sector(difat);
    for (let i = 0; i < size / 4 - 1; i++) {
      const s = view.getUint32(at + i * 4, true);
      if (s !== FREE) fatSectors.push(s);
    }
    difat = view.getUint32(at + size - 4, true);
  }
  const next = (n: number): number => {
    const perSector = size / 4;
    const fat = fatSectors[Math.floor(n / perSector)];
    if (fat === undefined) throw new Error('no FAT entry');
    return view.getUint32(sector(fat) + (n % perSector) * 4, true);
  };
  const names = new Set<string>();
  let dir = view.getUint32(0x30, true);
  for (let guard = 0; dir !== END_OF_CHAIN && guard < sectorCount; guard++) {
    const at = sector(dir);
    for (let e = 0; e < size / 128; e++) {
      const entry = at + e * 128;
      const len = view.getUint16(entry + 0x40, true);
      if (len < 2 || len > 64 || data[entry + 0x42] === 0) continue;
      let name = '';
      for (let i = 0; i < len - 2; i += 2)
        name += String.fromCharCode(view.getUint16(entry + i, true));
      names.add(name);
    }
    dir = next(dir);
  }
  return names;
}
