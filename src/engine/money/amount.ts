import Big from 'big.js';
import { isCellDate, isCellError, numberText, type CellValue } from '../grid/cell';

/** Money units forms and amount cells use; amounts are compared in 万元. */
export type MoneyUnit = '万元' | '元' | '千元' | '亿元';

const TO_WAN: Record<MoneyUnit, Big> = {
  万元: new Big(1),
  元: new Big('0.0001'),
  千元: new Big('0.1'),
  亿元: new Big(10000),
};

/** The result of reading an amount cell. Values are exact decimals, never binary floats. */
export type Amount =
  | {
      readonly ok: true;
      /**
       * the number, in `unit` when the cell names one, else in the form's unit; once a form is read
       * (`inUnit`) always in the form's unit
       */
      readonly value: Big;
      /** decimals shown in the cell (`2,392.47` → 2), for the comparison tolerance */
      readonly decimals: number;
      /** the number was typed as text (`2,392.47` stored as a string) */
      readonly fromText: boolean;
      /** the money unit the cell itself names (`300万元`, `10000元`); absent when it names none */
      readonly unit?: MoneyUnit;
      /**
       * the number and unit as written, kept when `inUnit` converted a cell written in another unit
       * than the form's (`10000元` in a 万元 form reads as 1 万元)
       */
      readonly written?: { readonly value: Big; readonly unit: MoneyUnit };
    }
  | { readonly ok: false; readonly problem: AmountProblem; readonly text: string };

export type AmountProblem = 'empty' | 'malformed' | 'negative' | 'error-value' | 'date';

/** An optional trailing unit written into an amount cell: `8254.22 万元`, `300万`, `5千元`. */
const UNIT_SUFFIX = /\s*(万元|万|千元|亿元|亿|元)\s*$/;

const SUFFIX_UNIT: Readonly<Record<string, MoneyUnit>> = {
  万元: '万元',
  万: '万元',
  千元: '千元',
  亿元: '亿元',
  亿: '亿元',
  元: '元',
};

/**
 * A plain decimal with optional thousands separators: a comma, or a space (ordinary, no-break, thin,
 * narrow or ideographic) as many locales and some budget systems write it (`1 234.5`). One kind of
 * separator per number.
 */
const PLAIN_NUMBER = /^(\d{1,3}(?:([, \u00a0\u2009\u202f\u3000])\d{3}(?:\2\d{3})*)|\d+)(\.\d+)?$/;

/**
 * Reads an amount from a cell value. Numbers are read as Excel shows them (`numberText`: 15
 * significant digits, so the float noise of a cached formula result never enters). Text is accepted
 * when it is a plain decimal with optional thousands separators and an optional money unit, which
 * is kept in `unit` (the form converts it, see `inUnit`).
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
    const value = new Big(text);
    return { ok: true, value, decimals: decimalsOf(text), fromText: false };
  }
  const text = v.replace(/<\/?p>|&nbsp;/gi, '').trim();
  if (text === '' || text === '-' || text === '—' || text === '/') {
    return { ok: false, problem: 'empty', text };
  }
  const half = toHalfWidth(text);
  const suffix = UNIT_SUFFIX.exec(half);
  const unit = suffix ? SUFFIX_UNIT[suffix[1]] : undefined;
  const body = (suffix ? half.slice(0, suffix.index) : half).trim();
  if (/^-\s*[\d,.\s]+$/.test(body)) return { ok: false, problem: 'negative', text };
  const m = PLAIN_NUMBER.exec(body);
  if (m === null) return { ok: false, problem: 'malformed', text };
  const plain = m[2] === undefined ? body : body.split(m[2]).join('');
  const value = new Big(plain);
  return {
    ok: true,
    value,
    decimals: decimalsOf(plain),
    fromText: true,
    ...(unit ? { unit } : {}),
  };
}

/**
 * The amount in `unit` (the form's unit), exactly: `10000元` in a 万元 form reads as 1 万元, shown
 * with 4 more decimals (1 元 is 0.0001 万元). An amount without a unit of its own, or already in
 * `unit`, is returned as it is.
 */
export function inUnit(a: Amount, unit: MoneyUnit): Amount {
  if (!a.ok || a.unit === undefined || a.unit === unit) return a;
  const factor = TO_WAN[a.unit].div(TO_WAN[unit]);
  return {
    ok: true,
    value: a.value.times(factor),
    // the factor is a power of ten: its exponent moves the decimal point
    decimals: Math.max(0, a.decimals - factor.e),
    fromText: a.fromText,
    unit,
    written: { value: a.value, unit: a.unit },
  };
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
