import { describe, expect, it } from '@jest/globals';
import { inUnit, parseAmount, type Amount, type MoneyUnit } from './amount';

/** The readable parts of an amount: value, decimals, unit (and what was written, if converted). */
function read(a: Amount) {
  if (!a.ok) return { problem: a.problem };
  return {
    value: a.value.toFixed(),
    decimals: a.decimals,
    unit: a.unit ?? null,
    ...(a.written ? { written: `${a.written.value.toFixed()}${a.written.unit}` } : {}),
  };
}

describe('parseAmount', () => {
  it.each<[string | number, ReturnType<typeof read>]>([
    // numbers as Excel shows them: the float noise of a cached formula result never enters
    [0.1 + 0.2, { value: '0.3', decimals: 1, unit: null }],
    [parseFloat('8254.2200000000012'), { value: '8254.22', decimals: 2, unit: null }],
    [2392.47, { value: '2392.47', decimals: 2, unit: null }],
    // text with thousands separators: comma, or a space of any width
    ['2,392.47', { value: '2392.47', decimals: 2, unit: null }],
    ['1 234.5', { value: '1234.5', decimals: 1, unit: null }],
    ['1\u00a0234.5', { value: '1234.5', decimals: 1, unit: null }],
    ['1\u2009234.5', { value: '1234.5', decimals: 1, unit: null }],
    ['1\u202f234', { value: '1234', decimals: 0, unit: null }],
    ['1\u3000234', { value: '1234', decimals: 0, unit: null }],
    ['12 345 678.90', { value: '12345678.9', decimals: 2, unit: null }],
    ['１，２３４．５', { value: '1234.5', decimals: 1, unit: null }],
    // a unit of its own, kept for the form to convert
    ['8254.22 万元', { value: '8254.22', decimals: 2, unit: '万元' }],
    ['300万', { value: '300', decimals: 0, unit: '万元' }],
    ['10000元', { value: '10000', decimals: 0, unit: '元' }],
    ['1 000 001元', { value: '1000001', decimals: 0, unit: '元' }],
    ['5千元', { value: '5', decimals: 0, unit: '千元' }],
    ['1.2亿元', { value: '1.2', decimals: 1, unit: '亿元' }],
    ['1.2亿', { value: '1.2', decimals: 1, unit: '亿元' }],
    // not numbers
    ['12 34', { problem: 'malformed' }],
    ['1,234 567', { problem: 'malformed' }],
    ['1  234', { problem: 'malformed' }],
    ['12.5.3', { problem: 'malformed' }],
    ['1O0', { problem: 'malformed' }],
    ['元', { problem: 'malformed' }],
    ['-5', { problem: 'negative' }],
    ['- 1 234', { problem: 'negative' }],
    [-0.5, { problem: 'negative' }],
    ['', { problem: 'empty' }],
    ['<p></p>', { problem: 'empty' }],
  ])('%j', (v, expected) => {
    expect(read(parseAmount(v))).toEqual(expected);
  });
});

describe('inUnit: an amount written in another unit, in the form’s unit', () => {
  it.each<[string, MoneyUnit, ReturnType<typeof read>]>([
    ['10000元', '万元', { value: '1', decimals: 4, unit: '万元', written: '10000元' }],
    ['1000001元', '万元', { value: '100.0001', decimals: 4, unit: '万元', written: '1000001元' }],
    ['2392.47元', '万元', { value: '0.239247', decimals: 6, unit: '万元', written: '2392.47元' }],
    ['1.5万元', '元', { value: '15000', decimals: 0, unit: '元', written: '1.5万元' }],
    ['1.23456万元', '元', { value: '12345.6', decimals: 1, unit: '元', written: '1.23456万元' }],
    ['3千元', '万元', { value: '0.3', decimals: 1, unit: '万元', written: '3千元' }],
    ['1.2345亿元', '万元', { value: '12345', decimals: 0, unit: '万元', written: '1.2345亿元' }],
    ['2亿元', '元', { value: '200000000', decimals: 0, unit: '元', written: '2亿元' }],
  ])('%s in %s', (text, unit, expected) => {
    expect(read(inUnit(parseAmount(text), unit))).toEqual(expected);
  });

  it('leaves an amount without a unit, or in the form’s unit, as it is', () => {
    for (const v of [104, '104.00', '104万元', null, '1O0']) {
      const a = parseAmount(v);
      expect(inUnit(a, '万元')).toBe(a);
    }
  });

  it('is exact where binary floats are not', () => {
    const a = inUnit(parseAmount('1000元'), '万元');
    const b = inUnit(parseAmount('2000元'), '万元');
    expect(a.ok && b.ok && a.value.plus(b.value).eq('0.3')).toBe(true);
  });
});
