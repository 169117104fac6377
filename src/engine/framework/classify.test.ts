import { describe, expect, it } from '@jest/globals';
import { classify, matchLevel1, matchLevel2, standardiseLevelText } from './classify';
import { LEVEL1, LEVEL2 } from './data';

describe('matchLevel1 / matchLevel2', () => {
  it.each([
    ['产出指标', '产出指标', '1'],
    ['产出', '产出指标', '1'],
    ['1-产出指标', '产出指标', '1'],
    [' 2-效益指标 ', '效益指标', '2'],
    ['产出指标：统一行使生态和城乡各类污染排放监管与行政执法职责。', '产出指标', '1'],
    ['满意度指标', '满意度指标', '3'],
    ['成本指标', '成本指标', '4'],
    ['<p>产出指标', '产出指标', '1'],
  ])('一级 %s → %s', (text, standard, code) => {
    expect(matchLevel1(text)).toMatchObject({ status: 'ok', standard, code });
  });

  it.each([
    ['数量指标', '数量指标', '11'],
    ['11-数量指标', '数量指标', '11'],
    ['22-社会效益', '社会效益指标', '22'],
    ['24-可持续影响', '可持续影响指标', '24'],
    ['31-服务对象满意度', '服务对象满意度指标', '31'],
    ['14-成本指标', '成本指标', '14'],
    ['经济成本指标', '经济成本指标', '41'],
    ['生态效益指标：坚决打好污染防治攻坚战', '生态效益指标', '23'],
  ])('二级 %s → %s', (text, standard, code) => {
    expect(matchLevel2(text)).toMatchObject({ status: 'ok', standard, code });
  });

  it('accepts synonyms with the standard name', () => {
    expect(matchLevel1('效果指标')).toMatchObject({
      status: 'synonym',
      standard: '效益指标',
      written: '效果指标',
    });
    expect(matchLevel2('可持续性影响')).toMatchObject({
      status: 'synonym',
      standard: '可持续影响指标',
    });
    expect(matchLevel2('24-可持续性影响指标')).toMatchObject({
      status: 'synonym',
      writtenCode: '24',
    });
  });

  it('reports unknown and blank names', () => {
    expect(matchLevel1('效率指标').status).toBe('unknown');
    expect(matchLevel1('数量指标').status).toBe('unknown');
    expect(matchLevel2('社会指标').status).toBe('unknown');
    expect(matchLevel1('  ').status).toBe('empty');
  });
});

describe('classify', () => {
  it('accepts both placements of 成本指标', () => {
    expect(classify('产出指标', '成本指标')).toMatchObject({
      status: 'ok',
      category: 'cost',
      code: '14',
    });
    expect(classify('成本指标', '经济成本指标')).toMatchObject({
      status: 'ok',
      category: 'cost',
      code: '41',
    });
    expect(classify('成本指标', '')).toMatchObject({ status: 'ok', category: 'cost', code: '4' });
  });

  it('finds a 二级 under the wrong 一级', () => {
    expect(classify('效益指标', '数量指标')).toMatchObject({
      status: 'mismatch',
      placement: 'mismatch',
    });
    expect(classify('产出指标', '经济成本指标').status).toBe('mismatch');
  });

  it('reads the packed style with codes (Panyu)', () => {
    expect(classify('2-效益指标', '22-社会效益')).toMatchObject({
      status: 'ok',
      standardLevel1: '效益指标',
      standardLevel2: '社会效益指标',
      category: 'benefit',
      code: '22',
    });
  });

  it('reports synonyms and unknown names', () => {
    expect(classify('效果指标', '社会效益指标')).toMatchObject({
      status: 'synonym',
      standardLevel1: '效益指标',
    });
    expect(classify('产出指标', '效率指标')).toMatchObject({
      status: 'unknown',
      standardLevel2: null,
    });
  });

  it('infers the 一级 of a known 二级 when the 一级 is blank', () => {
    expect(classify('', '时效指标')).toMatchObject({
      standardLevel1: '产出指标',
      category: 'timeliness',
    });
    expect(classify('', '')).toMatchObject({ status: 'empty', category: null });
  });

  it('gives a category for a 一级 alone (packed style 1)', () => {
    expect(classify('满意度指标', '').category).toBe('satisfaction');
    expect(classify('效益指标', '').category).toBe('benefit');
    expect(classify('产出指标', '').category).toBeNull();
  });

  it('covers every standard name', () => {
    for (const l2 of LEVEL2) {
      for (const parent of l2.parents) expect(classify(parent, l2.name).status).toBe('ok');
    }
    expect(LEVEL1.map((l) => l.code)).toEqual(['1', '2', '3', '4']);
  });
});

describe('standardiseLevelText', () => {
  it('keeps the writer style', () => {
    expect(standardiseLevelText(matchLevel1('效果指标'))).toBe('效益指标');
    expect(standardiseLevelText(matchLevel1('2-效果'))).toBe('2-效益');
    expect(standardiseLevelText(matchLevel2('24-可持续性影响'))).toBe('24-可持续影响');
    expect(standardiseLevelText(matchLevel1('产出指标'))).toBeNull();
  });
});
