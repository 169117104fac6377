import Big from 'big.js';
import type { ParsedValue } from './types';

/** Whether a value is a quantity in percent (`≥90%`, `100%`). */
export function isPercent(v: ParsedValue): boolean {
  return v.kind === 'quantitative' && v.unit === '%';
}

/** Whether a value is a rate: a quantity in percent or per mille (`3‰`). */
export function isRate(v: ParsedValue): boolean {
  return v.kind === 'quantitative' && (v.unit === '%' || v.unit === '‰');
}

/**
 * A rate in percent, exactly: `90%` → 90, `3‰` → 0.3 (the lower bound of a range); null for any
 * other value.
 */
export function percentOf(v: ParsedValue): Big | null {
  if (v.kind !== 'quantitative' || v.number === null) return null;
  if (v.unit === '%') return new Big(v.number);
  if (v.unit === '‰') return new Big(v.number).div(10);
  return null;
}
