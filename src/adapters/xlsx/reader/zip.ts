/**
 * Just enough of the zip format to read the parts of an .xlsx: the central directory, and each
 * entry inflated as a stream (fflate) in small steps, so that the inflated size is counted as it
 * grows and a zip bomb is stopped at the limit instead of filling memory.
 */
import { Inflate } from 'fflate';
import { corrupt, MESSAGES, WorkbookReadError } from './errors';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressedSize: number;
  /** as declared; the real size is counted while inflating */
  readonly size: number;
  readonly localOffset: number;
}

/** Inflated bytes allowed per part and for all parts of one file together. */
export class InflateBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  /** Counts `n` more bytes of one part whose running size is `partSoFar`; throws past the limit. */
  spend(n: number, partSoFar: number): void {
    this.used += n;
    if (this.used > this.limit || partSoFar > this.limit) {
      throw new WorkbookReadError('too-large', MESSAGES.tooLargeInflated(this.limit));
    }
  }

  remaining(): number {
    return Math.max(0, this.limit - this.used);
  }

  /** Refuses at once when a part declares more than the whole budget (an honest zip bomb). */
  checkDeclared(size: number): void {
    if (size > this.limit - this.used) {
      throw new WorkbookReadError('too-large', MESSAGES.tooLargeInflated(this.limit));
    }
  }
}

/** Bytes handed on per step. */
const STEP = 64 * 1024;
/** Compressed bytes handed to fflate per step: at most ~17 MB of output per step. */
const INFLATE_STEP = 16 * 1024;

/**
 * A one-shot raw-deflate inflater, such as Node's `zlib.inflateRawSync(data, { maxOutputLength })`:
 * it returns null when the output would pass `maxOutput` bytes and throws for broken data. Native
 * inflaters skip the JavaScript inflater's warm-up, which dominates for ordinary parts; a part that
 * inflates past `ONE_SHOT_LIMIT` is streamed through fflate instead, so memory stays bounded.
 */
export type OneShotInflate = (data: Uint8Array, maxOutput: number) => Uint8Array | null;

export const ONE_SHOT_LIMIT = 64 * 1024 * 1024;

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();

  private constructor(
    private readonly bytes: Uint8Array,
    entries: ZipEntry[],
  ) {
    // Part names in a package are case-insensitive.
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }

  /** Reads the central directory. Throws a corrupt-file error when there is none. */
  static open(bytes: Uint8Array): ZipArchive {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = findEndOfDirectory(bytes, view);
    if (eocd < 0) throw corrupt();
    let count = view.getUint16(eocd + 10, true);
    let dirSize = view.getUint32(eocd + 12, true);
    let dirOffset = view.getUint32(eocd + 16, true);
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
      const z64 = zip64Directory(bytes, view, eocd);
      if (z64) ({ count, dirSize, dirOffset } = z64);
    }
    if (dirOffset + dirSize > bytes.length) throw corrupt();
    const decoder = new TextDecoder('utf-8');
    const entries: ZipEntry[] = [];
    let p = dirOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw corrupt();
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      let compressedSize = view.getUint32(p + 20, true);
      let size = view.getUint32(p + 24, true);
      const nameLen = view.getUint16(p + 28, true);
      const extraLen = view.getUint16(p + 30, true);
      const commentLen = view.getUint16(p + 32, true);
      let localOffset = view.getUint32(p + 42, true);
      const nameEnd = p + 46 + nameLen;
      if (nameEnd + extraLen > bytes.length) throw corrupt();
      const name = decoder.decode(bytes.subarray(p + 46, nameEnd));
      // Zip64 sizes live in extra field 0x0001, in this order, for the fields that overflowed.
      let x = nameEnd;
      while (x + 4 <= nameEnd + extraLen) {
        const id = view.getUint16(x, true);
        const len = view.getUint16(x + 2, true);
        if (id === 0x0001) {
          let q = x + 4;
          const u64 = () => {
            const v = Number(view.getBigUint64(q, true));
            q += 8;
            return v;
          };
          if (size === 0xffffffff && q + 8 <= x + 4 + len) size = u64();
          if (compressedSize === 0xffffffff && q + 8 <= x + 4 + len) compressedSize = u64();
          if (localOffset === 0xffffffff && q + 8 <= x + 4 + len) localOffset = u64();
        }
        x += 4 + len;
      }
      entries.push({
        name: name.replace(/^\/+/, '').replace(/\\/g, '/'),
        method,
        encrypted: (flags & 1) !== 0,
        compressedSize,
        size,
        localOffset,
      });
      p = nameEnd + extraLen + commentLen;
    }
    return new ZipArchive(bytes, entries);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\/+/, '').toLowerCase());
  }

  /**
   * Streams the inflated bytes of one entry to `onChunk`, counting them against `budget`. Throws a
   * corrupt-file error for a broken entry and a too-large error past the budget.
   */
  read(
    entry: ZipEntry,
    budget: InflateBudget,
    onChunk: (bytes: Uint8Array) => void,
    oneShot?: OneShotInflate,
  ): void {
    if (entry.encrypted) throw new WorkbookReadError('encrypted', MESSAGES.encrypted);
    budget.checkDeclared(entry.size);
    const data = this.data(entry);
    let total = 0;
    const emit = (chunk: Uint8Array) => {
      if (chunk.length === 0) return;
      total += chunk.length;
      budget.spend(chunk.length, total);
      onChunk(chunk);
    };
    if (entry.method === 0) {
      for (let i = 0; i < data.length; i += STEP) emit(data.subarray(i, i + STEP));
      return;
    }
    if (entry.method !== 8) throw corrupt(entry.name);
    if (oneShot) {
      let out: Uint8Array | null;
      try {
        out = oneShot(data, Math.min(ONE_SHOT_LIMIT, budget.remaining() + 1));
      } catch {
        throw corrupt(entry.name);
      }
      if (out) {
        for (let i = 0; i < out.length; i += STEP) emit(out.subarray(i, i + STEP));
        return;
      }
    }
    let ended = false;
    const inflater = new Inflate((chunk, final) => {
      emit(chunk);
      if (final) ended = true;
    });
    try {
      for (let i = 0; i < data.length && !ended; i += INFLATE_STEP) {
        inflater.push(data.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= data.length);
      }
      if (!ended) inflater.push(new Uint8Array(0), true);
    } catch (e) {
      if (e instanceof WorkbookReadError) throw e;
      // fflate's reasons are English ("invalid block type"); the clerk gets ours.
      throw corrupt(entry.name);
    }
  }

  /** The compressed bytes of an entry, located through its local header. */
  private data(entry: ZipEntry): Uint8Array {
    const b = this.bytes;
    const at = entry.localOffset;
    if (at + 30 > b.length) throw corrupt(entry.name);
    const view = new DataView(b.buffer, b.byteOffset + at, 30);
    if (view.getUint32(0, true) !== 0x04034b50) throw corrupt(entry.name);
    const start = at + 30 + view.getUint16(26, true) + view.getUint16(28, true);
    const end = start + entry.compressedSize;
    if (end > b.length) throw corrupt(entry.name);
    return b.subarray(start, end);
  }
}

function findEndOfDirectory(bytes: Uint8Array, view: DataView): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}

function zip64Directory(
  bytes: Uint8Array,
  view: DataView,
  eocd: number,
): { count: number; dirSize: number; dirOffset: number } | null {
  const loc = eocd - 20;
  if (loc < 0 || view.getUint32(loc, true) !== 0x07064b50) return null;
  const at = Number(view.getBigUint64(loc + 8, true));
  if (at + 56 > bytes.length || view.getUint32(at, true) !== 0x06064b50) return null;
  return {
    count: Number(view.getBigUint64(at + 32, true)),
    dirSize: Number(view.getBigUint64(at + 40, true)),
    dirOffset: Number(view.getBigUint64(at + 48, true)),
  };
}
