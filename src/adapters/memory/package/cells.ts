/**
 * One cell as worksheet XML. A text is always written as a string (an inline string, or the
 * string result of a formula), never as a formula, whatever it starts with (`=`, `+`, `-`, `@`);
 * only a cell that holds a formula gets `<f>`.
 */
import { toA1, type CellValue } from '../../../engine';
import { cellText, escapeText } from './xml';

/** Days from 1899-12-30 (the 1900 date system) or 1904-01-01 to an ISO date. */
export function dateSerial(iso: string, date1904: boolean): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  const days = Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
  return date1904 ? days - 1462 : days;
}

function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}

export interface CellXmlOptions {
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
  /** formula without `=` */
  readonly formula?: string;
  /** an array formula's range (`A1:A3`), on its first cell */
  readonly arrayRef?: string;
  /** style index; 0 (default format) is left out */
  readonly xf: number;
  readonly date1904: boolean;
  /** element prefix of the sheet (`x` for `<x:c>`), '' when none */
  readonly prefix?: string;
}

/** `<c>` for one cell; '' for an empty cell with the default format. */
export function cellXml(o: CellXmlOptions): string {
  const p = o.prefix ? `${o.prefix}:` : '';
  const ref = toA1({ row: o.row, col: o.col });
  const s = o.xf > 0 ? ` s="${o.xf}"` : '';
  const v = o.value;
  if (o.formula !== undefined && o.formula !== '') {
    const f = o.arrayRef
      ? `<${p}f t="array" ref="${o.arrayRef}">${escapeText(o.formula)}</${p}f>`
      : `<${p}f>${escapeText(o.formula)}</${p}f>`;
    const [t, cached] = resultOf(v, o.date1904);
    return `<${p}c r="${ref}"${s}${t}>${f}${cached === null ? '' : `<${p}v>${cached}</${p}v>`}</${p}c>`;
  }
  if (v === null || v === undefined || v === '') return s ? `<${p}c r="${ref}"${s}/>` : '';
  if (typeof v === 'string')
    return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${cellText(v)}</${p}t></${p}is></${p}c>`;
  const [t, text] = resultOf(v, o.date1904);
  return `<${p}c r="${ref}"${s}${t}><${p}v>${text}</${p}v></${p}c>`;
}

/** The `t` attribute and `<v>` text of a value (a formula's cached result, or a constant). */
function resultOf(v: CellValue, date1904: boolean): [string, string | null] {
  if (v === null || v === undefined) return ['', null];
  if (typeof v === 'string') return [' t="str"', cellText(v)];
  if (typeof v === 'number') return ['', numberText(v)];
  if (typeof v === 'boolean') return [' t="b"', v ? '1' : '0'];
  if (v.kind === 'error') return [' t="e"', escapeText(v.code)];
  return ['', String(dateSerial(v.iso, date1904))];
}
