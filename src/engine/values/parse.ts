import { numberText } from '../grid/cell';
import { isDeadline } from './deadline';
import { removeDuplicates } from './duplicates';
import { formatQuantity, scanQuantity } from './quantity';
import { cleanText } from './text';
import type { ParsedValue, ValueProblem } from './types';
import { readTypos } from './typos';

/**
 * Parses an indicator value (指标值, docs/domain.md §3). Pure and total: any string gives a result.
 *
 * Steps: clean the text (markup, full-width characters, comparison spellings, whitespace, trailing
 * punctuation) → read book-title marks used as comparisons → remove glued duplicates → take the
 * clean text apart as `[label][comparison][约]number[-upper][unit]`, or keep it as text.
 *
 * Problems: at most one, the most specific cause found, in the order operator-typo, duplicated,
 * markup, not-normalised. Every suggestion is a complete replacement for the cell that fixes every
 * cause at once (so the same fix is never offered twice) and parses with no problem. Suggestions
 * keep the writer's wording (`不少于580家` stays); `normalised` is the standard spelling (`≥580家`).
 */
export function parseValue(text: string): ParsedValue {
  const raw =
    typeof text === 'string'
      ? text
      : typeof text === 'number'
        ? numberText(text)
        : String(text ?? '');
  try {
    return parseStrict(raw);
  } catch {
    // Never reached by any known input (see the property tests); a parser bug must not stop a check.
    const t = raw.trim();
    return {
      raw,
      normalised: t,
      kind: t ? 'qualitative' : 'empty',
      comparator: null,
      number: null,
      upper: null,
      unit: null,
      problems: [],
    };
  }
}

/**
 * Whether the strict reading of a typo is itself clean text: `<GB〉0` read strictly is `<GB>0`,
 * where `<GB>` is a tag, so only the inclusive `<GB≥0` is offered.
 */
function readsClean(text: string): boolean {
  const cleaned = cleanText(text);
  return !cleaned.markup && cleaned.text === text && readTypos(text) === null;
}

/** `parseValue` without its safety net, for the tests. */
export function parseStrict(raw: string): ParsedValue {
  const cleaned = cleanText(raw);
  const typos = readTypos(cleaned.text);
  const inclusive = removeDuplicates(typos?.inclusive ?? cleaned.text);
  const duplicated = typos === null && inclusive !== cleaned.text;

  if (inclusive === '') {
    return {
      raw,
      normalised: '',
      kind: 'empty',
      comparator: null,
      number: null,
      upper: null,
      unit: null,
      problems: [],
    };
  }

  const problems: ValueProblem[] = [];
  if (typos !== null) {
    const strict = removeDuplicates(typos.strict);
    problems.push({
      type: 'operator-typo',
      suggestions: strict === inclusive || !readsClean(strict) ? [inclusive] : [inclusive, strict],
    });
  } else if (duplicated) {
    problems.push({ type: 'duplicated', suggestion: inclusive });
  } else if (cleaned.markup) {
    problems.push({ type: 'markup', suggestion: inclusive });
  } else if (inclusive !== raw) {
    problems.push({ type: 'not-normalised', suggestion: inclusive });
  }

  const deadline = isDeadline(inclusive);
  const q = deadline ? null : scanQuantity(inclusive).quantity;
  if (q === null) {
    return {
      raw,
      normalised: inclusive,
      kind: 'qualitative',
      comparator: null,
      number: null,
      upper: null,
      unit: null,
      problems,
      ...(deadline ? { deadline: true as const } : {}),
    };
  }
  return {
    raw,
    normalised: formatQuantity(q),
    kind: 'quantitative',
    comparator: q.comparator,
    number: q.number,
    upper: q.upper,
    unit: q.unit === '' ? null : q.unit,
    problems,
    ...(q.prefix !== '' ? { prefix: q.prefix } : {}),
    ...(q.approximateWord !== '' || q.approximateSuffix ? { approximate: true as const } : {}),
  };
}
