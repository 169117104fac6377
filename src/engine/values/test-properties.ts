/**
 * What every parsed value must satisfy, as one function for the property tests, their kept
 * counterexamples and the exhaustive neighbourhood of signs, numbers and units.
 */
import { parseStrict } from './parse';
import type { ParsedValue, ValueProblem } from './types';

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function suggestionsOf(p: ValueProblem): ReadonlyArray<string> {
  return p.type === 'operator-typo' ? p.suggestions : [p.suggestion];
}

function reading(v: ParsedValue): unknown[] {
  return [v.kind, v.comparator, v.number, v.upper, v.unit, v.prefix];
}

/** The properties `s` breaks, by name; [] for a good parse. */
export function brokenProperties(s: string): string[] {
  let v: ParsedValue;
  try {
    v = parseStrict(s);
  } catch (e) {
    return [`throws: ${String(e)}`];
  }
  const broken: string[] = [];
  const again = parseStrict(v.normalised);
  if (again.normalised !== v.normalised) broken.push('normalising is idempotent');
  if (JSON.stringify(reading(again)) !== JSON.stringify(reading(v)))
    broken.push('the normalised text reads the same');
  if (v.problems.length > 1) broken.push('at most one problem');
  for (const p of v.problems) {
    const suggestions = suggestionsOf(p);
    if (suggestions.length === 0 || suggestions.some((t) => t.trim() === ''))
      broken.push('a suggestion is never empty');
    else if (suggestions.some((t) => parseStrict(t).problems.length > 0))
      broken.push('every suggestion parses with no problems');
    else if (parseStrict(suggestions[0]).normalised !== v.normalised)
      broken.push('the first suggestion keeps the reading');
  }
  if (v.number !== null && !DECIMAL.test(v.number)) broken.push('number is a decimal');
  if (v.upper !== null && !DECIMAL.test(v.upper)) broken.push('upper is a decimal');
  if (
    v.kind !== 'quantitative' &&
    [v.number, v.upper, v.unit, v.comparator].some((x) => x !== null)
  )
    broken.push('only a quantity has a number, unit or comparison');
  if (v.kind === 'quantitative' && v.number === null) broken.push('a quantity has a number');
  if (v.kind === 'empty' && v.problems.length > 0) broken.push('an empty value has no problem');
  if (v.raw !== s) broken.push('raw is the text as written');
  return broken;
}
