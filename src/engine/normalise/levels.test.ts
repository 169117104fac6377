import { describe, expect, it } from '@jest/globals';
import { standardLevel1, standardLevel2, standardLevels } from './levels';

describe('standard level names', () => {
  it.each([
    ['产出指标', '产出指标'],
    ['产出', '产出指标'],
    ['1-产出指标', '产出指标'],
    ['效果指标', '效益指标'],
    ['2-效益指标', '效益指标'],
    ['3-满意度指标', '满意度指标'],
    ['成本指标', '成本指标'],
    [' 满意度指标 ', '满意度指标'],
    ['产出指标：统一行使生态和城乡各类污染排放监管', '产出指标'],
    ['其他', '其他'],
    ['', ''],
  ])('一级 %s → %s', (written, standard) => {
    expect(standardLevel1(written)).toBe(standard);
  });

  it.each([
    ['数量指标', '数量指标'],
    ['11-数量指标', '数量指标'],
    ['22-社会效益', '社会效益指标'],
    ['24-可持续影响', '可持续影响指标'],
    ['可持续性影响', '可持续影响指标'],
    ['31-服务对象满意度', '服务对象满意度指标'],
    ['服务对象满意度指标', '服务对象满意度指标'],
    ['14-成本指标', '成本指标'],
    ['经济成本指标', '经济成本指标'],
    ['生态效益指标：坚决打好污染防治攻坚战', '生态效益指标'],
    ['强化水质达标攻坚', '强化水质达标攻坚'],
  ])('二级 %s → %s', (written, standard) => {
    expect(standardLevel2(written)).toBe(standard);
  });
});

describe('standardLevels', () => {
  it('takes a blank 一级 from the 二级 and keeps unknown names as written', () => {
    expect(standardLevels('', '质量指标')).toEqual(['产出指标', '质量指标']);
    expect(standardLevels('2-效果指标', '22-社会效益')).toEqual(['效益指标', '社会效益指标']);
    expect(standardLevels('效益指标', '数量指标')).toEqual(['效益指标', '数量指标']);
    expect(standardLevels(' 自定义 ', '强化水质达标攻坚')).toEqual(['自定义', '强化水质达标攻坚']);
  });
});
