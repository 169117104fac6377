import type Big from 'big.js';
import type { AmountField } from '../../model/forms';
import type { Amount } from '../../money/amount';
import type { Report, RuleContext } from '../types';
import { cellKey } from './forms';

/**
 * A reporter that drops a second finding with the same cell and message (packed cells repeat the
 * same value under 实施周期 and 年度; a merged 一级 cell is shared by many rows).
 */
export function reportOnce(ctx: RuleContext): (r: Report) => void {
  const seen = new Set<string>();
  return (r) => {
    const key = `${cellKey(r.cell)}|${r.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    ctx.report(r);
  };
}

/** Longer cell texts are quoted by their start in messages (a pasted run can be 100,000 characters). */
const MAX_QUOTED = 60;

/** A cell's text for a message, between “ ”; cut to its first 60 characters (then `…`). */
export function quote(text: string): string {
  return `“${text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text}”`;
}

/** An amount for a message with the decimals shown in its cell (`300.00`); blank reads `0`. */
export function shown(field: AmountField | undefined | null): string {
  if (!field || !field.amount.ok) return '0';
  return amountText(field.amount);
}

/**
 * An amount in the form's unit as the clerk reads it: with the decimals written (`300.00`), or
 * exactly as converted from another unit (`10000元` in a 万元 form → `1`, not `1.0000`). Also the
 * number a fix writes into the cell.
 */
export function amountText(a: Amount & { ok: true }): string {
  return a.written ? a.value.toFixed() : a.value.toFixed(a.decimals);
}

/** A computed amount for a message, with `decimals` decimals. */
export function fixed(v: Big, decimals: number): string {
  return v.toFixed(decimals);
}

/** The decimals to show and compare with: the most shown among the amounts. */
export function maxDecimals(fields: ReadonlyArray<AmountField | undefined | null>): number {
  let d = 0;
  for (const f of fields) if (f && f.amount.ok) d = Math.max(d, f.amount.decimals);
  return d;
}
