import Big from 'big.js';
import type { ParsedValue } from './types';

/** The number of a quantitative value as an exact decimal (the lower bound of a range); else null. */
export function numberOf(v: ParsedValue): Big | null {
  return v.kind === 'quantitative' && v.number !== null ? new Big(v.number) : null;
}

/** The upper bound of a range (`70-80个` → 80); null when the value is not a range. */
export function upperOf(v: ParsedValue): Big | null {
  return v.kind === 'quantitative' && v.upper !== null ? new Big(v.upper) : null;
}
