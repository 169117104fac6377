/**
 * The zip container of an .xlsx, for saving: the entries of the original file as they are
 * (compressed bytes copied, never re-compressed, so an untouched part stays byte for byte), and new
 * or changed parts deflated with fflate. No Node APIs: runs in the browser.
 */
import { deflateSync, inflateSync } from 'fflate';

/** One entry of the original file: where its compressed bytes lie. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** offset of the compressed bytes in the file */
  readonly dataOffset: number;
}

/** An entry to write: copied from the original file, or new bytes. */
export type ZipItem =
  | { readonly name: string; readonly copy: ZipEntry }
  | { readonly name: string; readonly bytes: Uint8Array };

/** Thrown for a container that cannot be read; the caller turns it into a Chinese message. */
export class ZipFormatError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'ZipFormatError';
  }
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const END64_LOCATOR = 0x07064b50;

export class ZipFile {
  private readonly byName = new Map<string, ZipEntry>();

  private constructor(
    readonly bytes: Uint8Array,
    readonly entries: ReadonlyArray<ZipEntry>,
  ) {
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }

  /** Reads the central directory (zip64 sizes included). */
  static open(bytes: Uint8Array): ZipFile {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let eocd = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
      if (bytes[i] === 0x50 && view.getUint32(i, true) === END) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipFormatError('no end of central directory');
    let count = view.getUint16(eocd + 10, true);
    let offset = view.getUint32(eocd + 16, true);
    const loc = eocd - 20;
    if (loc >= 0 && view.getUint32(loc, true) === END64_LOCATOR) {
      const at = Number(view.getBigUint64(loc + 8, true));
      if (at + 56 <= bytes.length) {
        count = Number(view.getBigUint64(at + 32, true));
        offset = Number(view.getBigUint64(at + 48, true));
      }
    }
    const decoder = new TextDecoder('utf-8');
    const entries: ZipEntry[] = [];
    let p = offset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL)
        throw new ZipFormatError('bad central directory');
      const method = view.getUint16(p + 10, true);
      const crc = view.getUint32(p + 16, true);
      let compressedSize = view.getUint32(p + 20, true);
      let size = view.getUint32(p + 24, true);
      const nameLen = view.getUint16(p + 28, true);
      const extraLen = view.getUint16(p + 30, true);
      const commentLen = view.getUint16(p + 32, true);
      let local = view.getUint32(p + 42, true);
      const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
      for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen;) {
        const id = view.getUint16(x, true);
        const len = view.getUint16(x + 2, true);
        if (id === 0x0001) {
          let q = x + 4;
          const next = (): number => {
            const v = Number(view.getBigUint64(q, true));
            q += 8;
            return v;
          };
          if (size === 0xffffffff) size = next();
          if (compressedSize === 0xffffffff) compressedSize = next();
          if (local === 0xffffffff) local = next();
        }
        x += 4 + len;
      }
      if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL)
        throw new ZipFormatError(`bad local header: ${name}`);
      const dataOffset =
        local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      if (dataOffset + compressedSize > bytes.length)
        throw new ZipFormatError(`truncated entry: ${name}`);
      entries.push({
        name: name.replace(/^\/+/, '').replace(/\\/g, '/'),
        method,
        crc,
        compressedSize,
        size,
        dataOffset,
      });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return new ZipFile(bytes, entries);
  }

  /** An entry by part name (case-insensitive, as package part names are). */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\/+/, '').toLowerCase());
  }

  /** The inflated bytes of an entry. */
  read(entry: ZipEntry): Uint8Array {
    const data = this.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    if (entry.method === 0) return data;
    if (entry.method !== 8) throw new ZipFormatError(`compression method ${entry.method}`);
    return inflateSync(data, { out: new Uint8Array(entry.size) });
  }

  /** The compressed bytes of an entry, to copy as they are. */
  raw(entry: ZipEntry): Uint8Array {
    return this.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  }
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Written {
  readonly name: Uint8Array;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

/** A zip of `items`, in order: copied entries keep their compressed bytes. */
export function writeZip(source: ZipFile | null, items: ReadonlyArray<ZipItem>): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const written: Written[] = [];
  let offset = 0;
  // 1980-01-01 00:00: the same stamp every time, so that equal content gives equal files
  const time = 0;
  const date = (0 << 9) | (1 << 5) | 1;
  for (const item of items) {
    const name = encoder.encode(item.name);
    let data: Uint8Array;
    let method: number;
    let crc: number;
    let size: number;
    if ('copy' in item) {
      if (!source) throw new ZipFormatError('no source to copy from');
      data = source.raw(item.copy);
      method = item.copy.method;
      crc = item.copy.crc;
      size = item.copy.size;
    } else {
      size = item.bytes.length;
      crc = crc32(item.bytes);
      data = deflateSync(item.bytes, { level: 6 });
      method = 8;
      if (data.length >= size) {
        data = item.bytes;
        method = 0;
      }
    }
    const head = new Uint8Array(30 + name.length);
    const v = new DataView(head.buffer);
    v.setUint32(0, LOCAL, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 0x0800, true);
    v.setUint16(8, method, true);
    v.setUint16(10, time, true);
    v.setUint16(12, date, true);
    v.setUint32(14, crc, true);
    v.setUint32(18, data.length, true);
    v.setUint32(22, size, true);
    v.setUint16(26, name.length, true);
    v.setUint16(28, 0, true);
    head.set(name, 30);
    chunks.push(head, data);
    written.push({ name, method, crc, compressedSize: data.length, size, offset });
    offset += head.length + data.length;
  }
  const dirStart = offset;
  for (const w of written) {
    const rec = new Uint8Array(46 + w.name.length);
    const v = new DataView(rec.buffer);
    v.setUint32(0, CENTRAL, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 20, true);
    v.setUint16(8, 0x0800, true);
    v.setUint16(10, w.method, true);
    v.setUint16(12, time, true);
    v.setUint16(14, date, true);
    v.setUint32(16, w.crc, true);
    v.setUint32(20, w.compressedSize, true);
    v.setUint32(24, w.size, true);
    v.setUint16(28, w.name.length, true);
    v.setUint32(42, w.offset, true);
    rec.set(w.name, 46);
    chunks.push(rec);
    offset += rec.length;
  }
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, END, true);
  ev.setUint16(8, written.length, true);
  ev.setUint16(10, written.length, true);
  ev.setUint32(12, offset - dirStart, true);
  ev.setUint32(16, dirStart, true);
  chunks.push(end);
  const out = new Uint8Array(offset + end.length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
