/**
 * Which cell styles show a number as a date: the engine gets `{ kind: 'date', iso }` for those
 * cells, as it did from exceljs. Read from styles.xml: the cell formats (`cellXfs`) and the custom
 * number formats they point to; built-in formats by id.
 */
import type { Package } from './parts';

/**
 * Built-in number formats that are dates or times: 14–22 and 45–47 everywhere, 27–36 and 50–58 in
 * the East Asian locales (`yyyy"年"m"月"` is 57, `m"月"d"日"` is 58).
 */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** For each cell style index, whether it formats numbers as dates. */
export function readDateStyles(pkg: Package, part: string | undefined): boolean[] {
  if (!part) return [];
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inNumFmts = false;
  let inCellXfs = false;
  pkg.parse(part, {
    capture: false,
    open(name, attrs) {
      if (name === 'numFmts') inNumFmts = true;
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'numFmt' && inNumFmts) {
        const id = Number(attrs.get('numFmtId'));
        custom.set(id, attrs.get('formatCode') ?? '');
      } else if (name === 'xf' && inCellXfs) xfs.push(Number(attrs.get('numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'numFmts') inNumFmts = false;
      else if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return xfs.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id);
  });
}

/**
 * True when a number format code shows a date or time: it has a y, m, d, h or s (or e, the era
 * year) outside quoted text, `[…]` sections (colours, locales, `[h]` elapsed hours count too) and
 * escaped characters. Only the first section (positive numbers) is looked at.
 */
export function isDateFormat(code: string): boolean {
  const first = splitSections(code)[0] ?? '';
  if (/\[(h+|m+|s+)\]/i.test(first)) return true;
  const bare = first
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '');
  if (/general/i.test(bare)) return false;
  return /[ymdhse]/i.test(bare.replace(/E[+-]/g, ''));
}

function splitSections(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') quoted = !quoted;
    if (c === '\\' && !quoted) {
      cur += code.slice(i, i + 2);
      i++;
      continue;
    }
    if (c === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** An Excel date serial as an ISO date, the way exceljs did (UTC, rounded to the millisecond). */
export function serialToIso(serial: number, date1904: boolean): string | null {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}
