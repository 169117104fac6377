import { fixLabel } from './fix-label';

describe('fixLabel', () => {
  it('shows short suggestions whole', () => {
    expect(fixLabel('》90%', '≥90%')).toEqual({ verb: '改为', text: '≥90%' });
  });
  it('shows the changed part of a long packed cell with context', () => {
    const before =
      '1、满意度指标：服务对象满意度，年度指标值：≥90%。4、产出指标：评审会成本，年度指标值：《330。';
    expect(fixLabel(before, before.replace('《330', '≤330'))).toEqual({
      verb: '改为',
      text: '…年度指标值：≤330。',
    });
  });
  it('says what is removed', () => {
    const after = '完成 2020 年度湛江市地表水 25 个断面的水质监测工作';
    expect(fixLabel(`<p>${after}`, after)).toEqual({ verb: '删除', text: '<p>' });
  });
});
