import Big from 'big.js';
import { isCellDate, isCellError, numberText, type CellValue } from '../grid/cell';

/** Money units forms use; amounts are compared in 万元. */
export type MoneyUnit = '万元' | '元' | '亿元';

const TO_WAN: Record<MoneyUnit, Big> = {
  万元: new Big(1),
  元: new Big('0.0001'),
  亿元: new Big(10000),
};

/** The result of reading an amount cell. Values are exact decimals, never binary floats. */
export type Amount =
  | {
      readonly ok: true;
      readonly value: Big;
      /** decimals shown in the cell (`2,392.47` → 2), for the comparison tolerance */
      readonly decimals: number;
      /** the number was typed as text (`2,392.47` stored as a string) */
      readonly fromText: boolean;
    }
  | { readonly ok: false; readonly problem: AmountProblem; readonly text: string };

export type AmountProblem = 'empty' | 'malformed' | 'negative' | 'error-value' | 'date';

/** An optional trailing unit written into an amount cell: `8254.22 万元`, `300万`. */
const UNIT_SUFFIX = /\s*(万元|万|亿元|元)\s*$/;

/**
 * Reads an amount from a cell value. Numbers keep the decimal digits a clerk would see (the float is
 * turned into its shortest decimal text first, so 0.1 + 0.2 problems never enter). Text is accepted
 * when it is a plain decimal with optional thousands separators and an optional unit suffix.
 */
export function parseAmount(v: CellValue): Amount {
  if (v === null || v === undefined) return { ok: false, problem: 'empty', text: '' };
  if (isCellError(v)) return { ok: false, problem: 'error-value', text: v.code };
  if (isCellDate(v)) return { ok: false, problem: 'date', text: v.iso };
  if (typeof v === 'boolean') return { ok: false, problem: 'malformed', text: String(v) };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { ok: false, problem: 'malformed', text: String(v) };
    const text = numberText(v);
    if (v < 0) return { ok: false, problem: 'negative', text };
    return { ok: true, value: new Big(text), decimals: decimalsOf(text), fromText: false };
  }
  const text = v.replace(/<\/?p>|&nbsp;/gi, '').trim();
  if (text === '' || text === '-' || text === '—' || text === '/') {
    return { ok: false, problem: 'empty', text };
  }
  const body = toHalfWidth(text).replace(UNIT_SUFFIX, '').trim();
  if (/^-\s*[\d,.]+$/.test(body)) return { ok: false, problem: 'negative', text };
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(body))
    return { ok: false, problem: 'malformed', text };
  const plain = body.replace(/,/g, '');
  return { ok: true, value: new Big(plain), decimals: decimalsOf(plain), fromText: true };
}

function decimalsOf(s: string): number {
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** Full-width digits, comma, point and minus to ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff10-\uff19\uff0c\uff0e\uff0d]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Converts an amount in `unit` to 万元. */
export function toWan(value: Big, unit: MoneyUnit): Big {
  return value.times(TO_WAN[unit]);
}

/**
 * Whether two amounts differ by more than half a unit of the last decimal shown (0.005 万元 for two
 * decimals). `decimals` is the larger number of decimals shown among the amounts compared.
 */
export function differs(a: Big, b: Big, decimals: number): boolean {
  const tolerance = new Big(5).times(new Big(10).pow(-(decimals + 1)));
  return a.minus(b).abs().gt(tolerance);
}

/** Sums amounts exactly. */
export function sum(values: Iterable<Big>): Big {
  let total = new Big(0);
  for (const v of values) total = total.plus(v);
  return total;
}

/** Plain text of an amount for a message: `2392.47`. */
export function formatAmount(v: Big): string {
  return v.toFixed();
}
