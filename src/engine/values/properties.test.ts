import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseStrict, parseValue } from './parse';

/** Characters that matter to the parser, so random strings hit its branches often. */
const ALPHABET = [
  ...'0123456789０１２３４５６７８９.,，．-～~至到',
  ...'≥≤=<>＞＜＝≧≦》《〉〈〈〉=',
  ...'%％‰万元个份家次台套人小时天条吨平/·（）()',
  ...'约不少于超过低于大于以上以下以内内左右达到为的第前底年月日季度',
  ...'是否有效提升合格车标箱',
  ...' \n\t\u3000\u00a0。；;、：:',
  '<p>',
  '</p>',
  '&nbsp;',
  '&lt;',
  '<br/>',
  '&#65310;',
  '&amp;',
  'PM',
  'GB',
];
const valueLike = fc
  .array(fc.constantFrom(...ALPHABET), { maxLength: 24 })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(
  valueLike,
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
);

const RUNS = 3000;
const DECIMAL = /^-?\d+(\.\d+)?$/;

describe('parseValue properties', () => {
  it('never throws, on any string', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        parseStrict(s);
      }),
      { numRuns: RUNS },
    );
  });

  it('normalising is idempotent', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = parseStrict(s).normalised;
        expect(parseStrict(once).normalised).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });

  it('the normalised text of a value parses to the same reading', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const v = parseStrict(s);
        const w = parseStrict(v.normalised);
        expect([w.kind, w.comparator, w.number, w.upper, w.unit, w.prefix]).toEqual([
          v.kind,
          v.comparator,
          v.number,
          v.upper,
          v.unit,
          v.prefix,
        ]);
      }),
      { numRuns: RUNS },
    );
  });

  it('every suggestion parses with no problems', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        for (const p of parseStrict(s).problems) {
          const suggestions = p.type === 'operator-typo' ? p.suggestions : [p.suggestion];
          expect(suggestions.length).toBeGreaterThan(0);
          for (const t of suggestions) expect(parseStrict(t).problems).toEqual([]);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('applying a suggestion keeps the reading (the inclusive one for a typo)', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const v = parseStrict(s);
        const p = v.problems[0];
        if (p === undefined) return;
        const fix = p.type === 'operator-typo' ? p.suggestions[0]! : p.suggestion;
        expect(parseStrict(fix).normalised).toBe(v.normalised);
      }),
      { numRuns: RUNS },
    );
  });

  it('number and upper are exact decimal strings or null; fields agree with kind', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const v = parseStrict(s);
        if (v.number !== null) expect(v.number).toMatch(DECIMAL);
        if (v.upper !== null) expect(v.upper).toMatch(DECIMAL);
        if (v.kind !== 'quantitative') {
          expect([v.number, v.upper, v.unit, v.comparator]).toEqual([null, null, null, null]);
        } else {
          expect(v.number).not.toBeNull();
          if (v.upper !== null) expect(v.comparator).toBeNull();
        }
        if (v.kind === 'empty') expect(v.problems).toEqual([]);
        expect(v.problems.length).toBeLessThanOrEqual(1);
        expect(v.raw).toBe(s);
      }),
      { numRuns: RUNS },
    );
  });

  it('parseValue agrees with parseStrict (the safety net is never used)', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(parseValue(s)).toEqual(parseStrict(s));
      }),
      { numRuns: 500 },
    );
  });

  it('stays fast on long input', () => {
    const long =
      '≥'.repeat(5000) + '9'.repeat(5000) + '《'.repeat(5000) + '<p>'.repeat(3000) + '次';
    const started = Date.now();
    parseStrict(long);
    parseStrict('约'.repeat(20000) + '1' + '个'.repeat(20000));
    parseStrict('1-'.repeat(20000));
    parseStrict('≥1'.repeat(20000) + '≥1.' + '2,'.repeat(5000));
    parseStrict('&#'.repeat(10000) + '<a '.repeat(10000));
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
