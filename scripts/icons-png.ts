/**
 * Writes the add-in's icons (assets/icon-16.png … icon-80.png): a green rounded tile with a white
 * table grid and a check mark, drawn by supersampling and encoded as PNG with zlib. No image
 * libraries. Run: `npx tsx scripts/icons-png.ts`.
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type RGBA = [number, number, number, number];

const GREEN: RGBA = [33, 115, 70, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const LIGHT: RGBA = [200, 230, 210, 255];

/** Colour of a point (u, v in 0..1) of the icon, or null for transparent. */
function shade(u: number, v: number): RGBA | null {
  const r = 0.18;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return null; // rounded corners
  // check mark: two thick segments
  const onSegment = (ax: number, ay: number, bx: number, by: number, w: number): boolean => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)));
    return (u - (ax + t * dx)) ** 2 + (v - (ay + t * dy)) ** 2 < w * w;
  };
  if (onSegment(0.42, 0.66, 0.56, 0.8, 0.065) || onSegment(0.56, 0.8, 0.84, 0.44, 0.065))
    return WHITE;
  // the table: a white sheet with grid lines in the upper left
  if (u > 0.16 && u < 0.66 && v > 0.16 && v < 0.62) {
    const line = 0.035;
    const rows = [0.16, 0.31, 0.46, 0.62];
    const cols = [0.16, 0.33, 0.66];
    if (rows.some((y) => Math.abs(v - y) < line) || cols.some((x) => Math.abs(u - x) < line))
      return WHITE;
    return LIGHT;
  }
  return GREEN;
}

function render(size: number): Buffer {
  const ss = 4;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (!c) continue;
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round(a / (ss * ss));
    }
  }
  return png(size, size, raw);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(width: number, height: number, raw: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const ICON_SIZES = [16, 32, 64, 80] as const;

const out = path.resolve(__dirname, '..', 'assets');
mkdirSync(out, { recursive: true });
for (const size of ICON_SIZES) {
  const file = path.join(out, `icon-${size}.png`);
  writeFileSync(file, render(size));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
