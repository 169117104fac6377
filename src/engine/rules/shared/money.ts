import Big from 'big.js';
import { differs } from '../../money/amount';
import type { AmountField } from '../../model/forms';
import { maxDecimals } from './report';

/** A blank cell counts as 0 in sums; a malformed one makes the sum unknown. */
export function valueOrZero(field: AmountField | undefined | null): Big | null {
  if (!field) return new Big(0);
  if (field.amount.ok) return field.amount.value;
  return field.amount.problem === 'empty' ? new Big(0) : null;
}

export function isBlank(field: AmountField | undefined | null): boolean {
  return !field || (!field.amount.ok && field.amount.problem === 'empty');
}

/**
 * Compares a total with the sum of its parts, exactly, within half a unit of the last decimal shown.
 * Null when an operand is malformed (amount.malformed reports it) or when all cells are blank.
 */
export function sumCheck(
  total: AmountField,
  parts: ReadonlyArray<AmountField | undefined | null>,
): { sum: Big; total: Big; diff: Big; decimals: number; differs: boolean } | null {
  if ([total, ...parts].every(isBlank)) return null;
  const t = valueOrZero(total);
  const values = parts.map(valueOrZero);
  if (t === null || values.some((v) => v === null)) return null;
  const sum = values.reduce<Big>((a, v) => a.plus(v as Big), new Big(0));
  const decimals = maxDecimals([total, ...parts]);
  return { sum, total: t, diff: t.minus(sum).abs(), decimals, differs: differs(t, sum, decimals) };
}
