import { scanQuantity, validUnit } from './quantity';

/**
 * Systems that store sign, number and unit apart sometimes glue them twice on export
 * (docs/domain.md §3): `≥180≥180万条`, `≥2000≥2000份`, `13969.56标箱标箱`, `2台2台`, `≥≥90%`.
 */

/** `≥≥90%`, `≥=90%`, `==5`: signs typed twice before a number. */
const SIGN_RUN = /[≥≤<>=]{2,}(?=-?\d)/g;

/**
 * One sign for a run of signs that agree: `≥≥` and `≥=` → `≥`, `>>` → `>`, `==` → `=`. A run that
 * points both ways (`≤>`) is left as written: no reading of it is safe.
 */
function collapseSigns(run: string): string {
  const greater = /[>≥]/.test(run);
  const less = /[<≤]/.test(run);
  if (greater && less) return run;
  const inclusive = /[=≥≤]/.test(run);
  if (greater) return inclusive ? '≥' : '>';
  if (less) return inclusive ? '≤' : '<';
  return '=';
}
/** `≥180≥180万条`: sign and number glued twice (not `≥5≥55`). */
const GLUED_TWICE = /([≥≤<>=]-?\d+(?:[.,]\d+)*)\1+(?!\d|[.,]\d)/g;

/** `2台2台`, `≥90%≥90%≥90%`: the whole value repeated (a half must mix digits and other text). */
function repeatedWhole(s: string): string {
  for (const copies of [2, 3]) {
    if (s.length % copies !== 0) continue;
    const part = s.slice(0, s.length / copies);
    if (!/\d/.test(part) || !/\D/.test(part)) continue;
    if (part.repeat(copies) === s) return part;
  }
  return s;
}

/** `13969.56标箱标箱`: the unit written twice (or more). */
function repeatedUnit(s: string): string {
  const span = scanQuantity(s).unitSpan;
  if (span === null) return s;
  const unit = s.slice(span.start, span.end);
  for (let size = 1; size <= Math.min(unit.length / 2, 10); size++) {
    if (unit.length % size !== 0) continue;
    const once = unit.slice(0, size);
    if (once.repeat(unit.length / size) === unit && validUnit(once)) {
      return s.slice(0, span.start) + once + s.slice(span.end);
    }
  }
  return s;
}

function dedupeOnce(s: string): string {
  return repeatedUnit(repeatedWhole(s.replace(SIGN_RUN, collapseSigns).replace(GLUED_TWICE, '$1')));
}

/** Removes every duplicate; the result has none left (each step only shortens the text). */
export function removeDuplicates(s: string): string {
  let text = s;
  for (;;) {
    const next = dedupeOnce(text);
    if (next === text) return text;
    text = next;
  }
}
