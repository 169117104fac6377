import { describe, expect, it } from '@jest/globals';
import { parseValue } from '../../values';
import { costCapWan, replaceInPacked } from './values';

describe('replaceInPacked', () => {
  const panyu =
    '1、1-产出指标；11-数量指标；食堂数量；实施周期指标值:3个；年度指标值:3个。2、3-满意度指标；31-服务对象满意度；食堂服务满意度；实施周期指标值:≥90；年度指标值:≥90。';

  it('replaces the value of one item only, under both periods', () => {
    expect(replaceInPacked(panyu, 1, '≥90', '≥90%')).toBe(
      '1、1-产出指标；11-数量指标；食堂数量；实施周期指标值:3个；年度指标值:3个。2、3-满意度指标；31-服务对象满意度；食堂服务满意度；实施周期指标值:≥90%；年度指标值:≥90%。',
    );
  });

  it('handles style 1, full-width colons and markup', () => {
    expect(
      replaceInPacked('<p>1、产出指标：评审会成本，年度指标值：《330。</p>', 0, '《330', '≤330'),
    ).toBe('<p>1、产出指标：评审会成本，年度指标值：≤330。</p>');
  });

  it('gives up rather than guess', () => {
    expect(replaceInPacked(panyu, 5, '≥90', '≥90%')).toBeNull();
    expect(replaceInPacked(panyu, 0, '≥90', '≥90%')).toBeNull();
  });
});

describe('costCapWan', () => {
  it.each([
    ['≤120万元', '120'],
    ['≤300万', '300'],
    ['≤800000元', '80'],
    ['≤1.2亿元', '12000'],
    ['不超过6104万元', '6104'],
    ['120万元', '120'],
  ])('%s → %s 万元', (text, wan) => {
    expect(costCapWan(parseValue(text))?.toFixed()).toBe(wan);
  });

  it('is null for floors and non-money', () => {
    expect(costCapWan(parseValue('≥10万元'))).toBeNull();
    expect(costCapWan(parseValue('100%'))).toBeNull();
  });
});
