import { fixLabel } from './fix-label';

const PACKED =
  '1、满意度指标：服务对象满意度，年度指标值：≥90%。4、产出指标：评审会成本，年度指标值：《330。';

describe('fixLabel', () => {
  it('shows a short cell whole, before → after', () => {
    expect(fixLabel('》90%', '≥90%')).toMatchObject({
      verb: '改为',
      text: '》90% → ≥90%',
      name: '将“》90%”改为“≥90%”',
    });
    expect(fixLabel('≥180≥180万条', '≥180万条').text).toBe('≥180≥180万条 → ≥180万条');
  });

  it('shows only the changed value of a packed cell, so that ≤ and < differ', () => {
    const le = fixLabel(PACKED, PACKED.replace('《330', '≤330'));
    const lt = fixLabel(PACKED, PACKED.replace('《330', '<330'));
    expect(le).toMatchObject({ before: '《330', after: '≤330', text: '《330 → ≤330' });
    expect(lt.text).toBe('《330 → <330');
    expect(le.name).toBe('将“《330”改为“≤330”');
  });

  it('keeps a short unit with its number', () => {
    const before = '项目一：购置设备数量，年度指标值：《15万元，其他';
    expect(fixLabel(before, before.replace('《15', '≤15')).text).toBe('《15万元 → ≤15万元');
  });

  it('says what is removed: markup, a full stop, spaces', () => {
    const after = '完成 2020 年度湛江市地表水 25 个断面的水质监测工作';
    expect(fixLabel(`<p>${after}`, after)).toMatchObject({ verb: '删除', text: '删除“<p>”' });
    expect(fixLabel(`${after}。`, after).text).toBe('删除“。”');
    expect(fixLabel(`${after}   `, after).text).toBe('删除空格');
  });

  it('shows the new value, cut short, while the cell is not read yet', () => {
    const label = fixLabel(undefined, PACKED);
    expect(label.text.startsWith('改为“1、满意度指标')).toBe(true);
    expect([...label.text].length).toBeLessThan(24);
  });
});
