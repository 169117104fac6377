import { describe, expect, it } from '@jest/globals';
import {
  comparatorDirection,
  describeComparator,
  effectiveComparator,
  isPercent,
  isRate,
  moneyInWan,
  moneyUnitOf,
  numberOf,
  parseValue,
  percentOf,
  upperOf,
} from './index';

const str = (b: { toFixed(): string } | null): string | null => (b === null ? null : b.toFixed());

describe('numberOf / upperOf', () => {
  it.each([
    ['≥1,000元', '1000', null],
    ['0.5', '0.5', null],
    ['70-80个', '70', '80'],
    ['≥-5%', '-5', null],
    ['是', null, null],
    ['', null, null],
    ['2023年底前', null, null],
  ])('%j', (raw, n, u) => {
    const v = parseValue(raw);
    expect(str(numberOf(v))).toBe(n);
    expect(str(upperOf(v))).toBe(u);
  });
});

describe('isPercent / isRate / percentOf', () => {
  it.each([
    ['≥90%', true, true, '90'],
    ['》90%', true, true, '90'],
    ['100％', true, true, '100'],
    ['3‰', false, true, '0.3'],
    ['低于3‰', false, true, '0.3'],
    ['≥90', false, false, null],
    ['90家', false, false, null],
    ['饮用水水质100%达标', false, false, null],
  ])('%j', (raw, percent, rate, value) => {
    const v = parseValue(raw);
    expect(isPercent(v)).toBe(percent);
    expect(isRate(v)).toBe(rate);
    expect(str(percentOf(v))).toBe(value);
  });
});

describe('moneyInWan / moneyUnitOf', () => {
  it.each([
    ['≤120万元', '万元', '120', '120'],
    ['≤5000元', '元', '0.5', '0.5'],
    ['1.2亿元', '亿元', '12000', '12000'],
    ['≤0.1元', '元', '0.00001', '0.00001'],
    ['50-60万元', '万元', '50', '60'],
    ['《15万元', '万元', '15', '15'],
    ['≤2万元/天', null, null, null],
    ['≥15万个', null, null, null],
    ['≤330', null, null, null],
    ['按合同要求', null, null, null],
  ])('%j', (raw, unit, lower, upper) => {
    const v = parseValue(raw);
    expect(moneyUnitOf(v)).toBe(unit);
    expect(str(moneyInWan(v))).toBe(lower);
    expect(str(moneyInWan(v, 'upper'))).toBe(upper);
  });

  it('is exact where binary floats are not', () => {
    const a = moneyInWan(parseValue('≤0.1万元'))!;
    const b = moneyInWan(parseValue('≤2000元'))!;
    expect(a.plus(b).eq('0.3')).toBe(true);
  });
});

describe('comparators', () => {
  it('describes each comparison in Chinese', () => {
    expect(describeComparator('≥')).toBe('大于等于');
    expect(describeComparator('≤')).toBe('小于等于');
    expect(describeComparator('>')).toBe('大于');
    expect(describeComparator('<')).toBe('小于');
    expect(describeComparator('=')).toBe('等于');
    expect(describeComparator(null)).toBe('等于（未写比较符）');
  });

  it.each([
    ['≥90%', '≥', 'floor'],
    ['>1000家', '>', 'floor'],
    ['不超过6104万元', '≤', 'cap'],
    ['低于3‰', '<', 'cap'],
    ['2台', '=', 'exact'],
    ['70-80个', null, 'exact'],
    ['是', null, 'exact'],
  ])('%j', (raw, effective, direction) => {
    const c = effectiveComparator(parseValue(raw));
    expect(c).toBe(effective);
    expect(comparatorDirection(c)).toBe(direction);
  });
});
