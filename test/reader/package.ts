/**
 * Builds workbook files byte by byte for the reader's tests: zips with any parts (and, for zip
 * bombs, pre-compressed data with a declared size of our choosing), minimal .xlsx packages around
 * given sheet XML, and OLE compound files with given stream names (.xls, encrypted .xlsx).
 */
import zlib from 'node:zlib';

export interface ZipPart {
  readonly name: string;
  /** the part's content; deflated unless `stored` */
  readonly data?: Uint8Array | string;
  /** raw deflate data used as is (with `size` as the declared inflated size) */
  readonly deflated?: Uint8Array;
  readonly size?: number;
  readonly stored?: boolean;
}

/** A zip file of the given parts, in order. */
export function zip(parts: ReadonlyArray<ZipPart>): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const raw = p.data === undefined ? undefined : Buffer.from(p.data as Uint8Array | string);
    const body = p.deflated
      ? Buffer.from(p.deflated)
      : p.stored
        ? raw!
        : zlib.deflateRawSync(raw ?? Buffer.alloc(0));
    const method = p.stored ? 0 : 8;
    const size = p.size ?? raw?.length ?? 0;
    const crc = raw ? crc32(raw) : 0;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(method, 8);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(size >>> 0, 22);
    head.writeUInt16LE(name.length, 26);
    local.push(head, name, body);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size >>> 0, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += head.length + name.length + body.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, dirBytes, end]));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetPart {
  readonly name: string;
  /** the worksheet's `<sheetData>` content */
  readonly rows?: string;
  /** what comes before `<sheetData>` (`<cols>`) and after it (`<mergeCells>`) */
  readonly before?: string;
  readonly after?: string;
  /** a ready part (e.g. a zip bomb) instead of the above */
  readonly part?: Omit<ZipPart, 'name'>;
  readonly kind?: 'worksheet' | 'chartsheet' | 'dialogsheet';
  readonly state?: 'hidden' | 'veryHidden';
}

/** A minimal .xlsx package: workbook, relationships and one part per sheet; no styles. */
export function xlsxParts(
  sheets: ReadonlyArray<SheetPart>,
  extra: { sharedStrings?: string[]; styles?: string } = {},
): ZipPart[] {
  const folder = {
    worksheet: 'worksheets',
    chartsheet: 'chartsheets',
    dialogsheet: 'dialogsheets',
  };
  const rels = sheets.map((s, i) => {
    const kind = s.kind ?? 'worksheet';
    return `<Relationship Id="rId${i + 1}" Type="${REL}/${kind}" Target="${folder[kind]}/sheet${i + 1}.xml"/>`;
  });
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${sheets
        .map(
          (s, i) =>
            `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
        )
        .join('')}</sheets></workbook>`,
    },
  ];
  if (extra.sharedStrings) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    parts.push({
      name: 'xl/sharedStrings.xml',
      data: `<sst xmlns="${NS}">${extra.sharedStrings.map((t) => `<si>${t}</si>`).join('')}</sst>`,
    });
  }
  if (extra.styles) {
    rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
    parts.push({
      name: 'xl/styles.xml',
      data: `<styleSheet xmlns="${NS}">${extra.styles}</styleSheet>`,
    });
  }
  parts.push({
    name: 'xl/_rels/workbook.xml.rels',
    data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  });
  sheets.forEach((s, i) => {
    const kind = s.kind ?? 'worksheet';
    const name = `xl/${folder[kind]}/sheet${i + 1}.xml`;
    if (s.part) parts.push({ name, ...s.part });
    else if (kind === 'worksheet')
      parts.push({
        name,
        data: `<worksheet xmlns="${NS}">${s.before ?? ''}<sheetData>${s.rows ?? ''}</sheetData>${s.after ?? ''}</worksheet>`,
      });
    else parts.push({ name, data: `<${kind} xmlns="${NS}"><sheetPr/></${kind}>` });
  });
  return parts;
}

/** A minimal .xlsx file. */
export function xlsx(
  sheets: ReadonlyArray<SheetPart>,
  extra?: { sharedStrings?: string[]; styles?: string },
): Uint8Array {
  return zip(xlsxParts(sheets, extra));
}

/**
 * Raw deflate data that inflates to `mb` megabytes of spaces without ever holding them: one
 * fully flushed block of 1 MB, repeated (each block stands alone), then an empty final block.
 */
export function deflatedSpaces(mb: number): Uint8Array {
  const block = zlib.deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), {
    finishFlush: zlib.constants.Z_FULL_FLUSH,
  });
  const last = Buffer.from([0x03, 0x00]);
  return new Uint8Array(Buffer.concat([...Array<Buffer>(mb).fill(block), last]));
}

/** An OLE compound file whose directory holds the given stream names (all empty). */
export function compoundFile(streams: ReadonlyArray<string>): Uint8Array {
  const entries = ['Root Entry', ...streams];
  const dirSectors = Math.ceil(entries.length / 4);
  const out = Buffer.alloc(512 * (2 + dirSectors), 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out, 0);
  out.writeUInt16LE(0x3e, 0x18);
  out.writeUInt16LE(3, 0x1a);
  out.writeUInt16LE(0xfffe, 0x1c);
  out.writeUInt16LE(9, 0x1e);
  out.writeUInt16LE(6, 0x20);
  out.writeUInt32LE(1, 0x2c); // one FAT sector
  out.writeUInt32LE(1, 0x30); // directory starts at sector 1
  out.writeUInt32LE(4096, 0x38);
  out.writeUInt32LE(0xfffffffe, 0x3c);
  out.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) out.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);
  const fat = 512;
  out.writeUInt32LE(0xfffffffd, fat); // sector 0: the FAT itself
  for (let s = 1; s <= dirSectors; s++)
    out.writeUInt32LE(s === dirSectors ? 0xfffffffe : s + 1, fat + s * 4);
  for (let s = dirSectors + 1; s < 128; s++) out.writeUInt32LE(0xffffffff, fat + s * 4);
  entries.forEach((name, i) => {
    const at = 1024 + i * 128;
    out.write(name, at, 'utf16le');
    out.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    out[at + 0x42] = i === 0 ? 5 : 2; // root storage, then streams
    out.writeUInt32LE(0xffffffff, at + 0x44);
    out.writeUInt32LE(0xffffffff, at + 0x48);
    out.writeUInt32LE(i === 0 && entries.length > 1 ? 1 : 0xffffffff, at + 0x4c);
    out.writeUInt32LE(0xfffffffe, at + 0x74);
  });
  return new Uint8Array(out);
}
