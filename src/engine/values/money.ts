import type Big from 'big.js';
import { toWan, type MoneyUnit } from '../money/amount';
import { numberOf, upperOf } from './number';
import type { ParsedValue } from './types';

const MONEY_UNITS: ReadonlySet<string> = new Set<MoneyUnit>(['万元', '元', '千元', '亿元']);

/** The money unit of a quantity (`万元`, `元`, `千元`, `亿元`); null for other units and for rates like `万元/天`. */
export function moneyUnitOf(v: ParsedValue): MoneyUnit | null {
  if (v.kind !== 'quantitative' || v.unit === null) return null;
  return MONEY_UNITS.has(v.unit) ? (v.unit as MoneyUnit) : null;
}

/**
 * A money quantity converted to 万元, exactly (`≤120万元` → 120, `5000元` → 0.5, `1.2亿元` → 12000).
 * For a range, `bound` picks the lower (default) or the upper bound. Null when the value is not an
 * amount of money.
 */
export function moneyInWan(v: ParsedValue, bound: 'lower' | 'upper' = 'lower'): Big | null {
  const unit = moneyUnitOf(v);
  if (unit === null) return null;
  const n = bound === 'upper' ? (upperOf(v) ?? numberOf(v)) : numberOf(v);
  return n === null ? null : toWan(n, unit);
}
