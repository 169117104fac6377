/**
 * The one table of indicator-column labels (forms/common/columns, issue 8): every header spelling
 * of docs/domain.md §1.1 and the seeds, the ones clerks use, one normalisation for all of them, and labels
 * that must stay unassigned rather than be guessed.
 */
import { describe, expect, it } from '@jest/globals';
import { columnRole, headerKey, subHeaderPeriod } from '../../src/engine/forms/common/columns';

const role = (text: string) => {
  const m = columnRole(text);
  return m ? `${m.role}${m.period ? `/${m.period}` : ''}` : null;
};

describe('indicator column labels', () => {
  it.each([
    // the seeds: Tianjin (一级指标 … 指标值), Zhanjiang (三级指标目标值)
    ['一级指标', 'level1'],
    ['二级指标', 'level2'],
    ['三级指标', 'name'],
    ['绩效指标描述', 'description'],
    ['指标值', 'value'],
    ['三级指标目标值', 'value'],
    // docs/domain.md §1.1: two value columns and the basis column
    ['实施周期指标值', 'value/period'],
    ['年度指标值', 'value/annual'],
    ['指标值确定依据', 'basis'],
    // other spellings clerks use
    ['指标内容', 'name'],
    ['绩效指标', 'name'],
    ['指标名称', 'name'],
    ['三级指标名称', 'name'],
    ['年度目标值', 'value/annual'],
    ['实施期目标值', 'value/period'],
    ['目标值', 'value'],
    ['指标值（年度）', 'value/annual'],
    ['指标值(实施周期)', 'value/period'],
    ['序号', 'seq'],
    ['确定依据', 'basis'],
    ['指标解释', 'description'],
    // known columns that are not read
    ['评（计）分标准', 'ignored'],
    ['分值', 'ignored'],
    ['权重(分)', 'ignored'],
    ['备注', 'ignored'],
    ['指标方向性', 'direction'],
    ['计量单位', 'unit'],
    ['度量单位', 'unit'],
    ['指标性质', 'direction'],
  ])('%s → %s', (text, expected) => {
    expect(role(text)).toBe(expected);
  });

  it.each([
    ['一级 指标', 'level1'],
    ['一级\u3000指标', 'level1'],
    ['三级\n指标', 'name'],
    ['三级指标：', 'name'],
    ['三级指标:', 'name'],
    ['*三级指标', 'name'],
    ['＊指标值', 'value'],
    ['三级指标（必填）', 'name'],
    ['<p>指标值</p>', 'value'],
    ['指标值\n（年度）', 'value/annual'],
  ])('one normalisation: %j → %s', (text, expected) => {
    expect(role(text)).toBe(expected);
  });

  it.each([
    '考评要点',
    '完成情况',
    '物业保障人员数量',
    '≥90%',
    '产出指标',
    '数量指标',
    '项目名称',
    '',
  ])('%j is no indicator column: unassigned, not guessed', (text) => {
    expect(columnRole(text)).toBeNull();
  });

  it('marks the labels that give way to a strong one', () => {
    expect(columnRole('三级指标')?.strength).toBe('strong');
    expect(columnRole('指标内容')).toMatchObject({ strength: 'weak', fallback: 'description' });
    expect(columnRole('绩效指标')?.strength).toBe('weak');
  });

  it('reads the periods of a two-row value header, short or long', () => {
    expect(subHeaderPeriod('年度')).toBe('annual');
    expect(subHeaderPeriod('实施周期')).toBe('period');
    expect(subHeaderPeriod('年度指标值')).toBe('annual');
    expect(subHeaderPeriod('实施期指标值')).toBe('period');
    expect(subHeaderPeriod('三级指标')).toBeNull();
    // as a header of its own, `年度` says too little
    expect(columnRole('年度')).toBeNull();
  });

  it('normalises a label once for every role', () => {
    expect(headerKey(' *指标值（年度）： ')).toBe('指标值年度');
    expect(headerKey('评（计）分标准')).toBe('评计分标准');
    expect(headerKey('预算金额（万元）')).toBe('预算金额');
  });
});
