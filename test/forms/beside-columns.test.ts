/**
 * Values split over 指标方向 | 指标值 | 计量单位 (the central departments' layout and system exports
 * modelled on it): the columns are read by their labels and complete the value, so `≥ | 95 | %`
 * is checked and normalised as `≥95%`, never reported as a value without a unit, and a fix writes
 * the value cell only (src/engine/values/beside.ts, docs/domain.md §3).
 */
import { describe, expect, it } from '@jest/globals';
import {
  checkSheet,
  completeValue,
  inspectSheet,
  valueCellSuggestion,
  type CellValue,
  type SheetData,
} from '../../src/engine';
import { normalise } from '../../src/engine/normalise/normalise';

const HEAD: CellValue[][] = [
  ['2024年职业技能培训项目绩效目标表'],
  ['项目名称', '职业技能培训'],
  ['预算数', 100],
  ['绩效目标', '完成年度培训任务'],
];

function sheet(header: CellValue[], rows: CellValue[][]): SheetData {
  return { name: '表1', cells: [...HEAD, header, ...rows], merges: [] };
}

const HEADER = ['一级指标', '二级指标', '三级指标', '指标方向', '指标值', '计量单位'];
const ROWS: CellValue[][] = [
  ['产出指标', '数量指标', '培训人数', '≥', '200', '人次'],
  [null, '质量指标', '培训合格率', '≥', '95', '%'],
  [null, '时效指标', '完成时间', '≤', '12', '月'],
  [null, '成本指标', '人均培训成本', '≤', '《0.3', '万元'],
  ['效益指标', '社会效益指标', '就业率', '大于等于', '80', '%'],
  ['满意度指标', '服务对象满意度指标', '学员满意度', '≥', '90', '%'],
];

const rulesAt = (s: SheetData) =>
  checkSheet(s).findings.map(
    (f) => `${f.cell} ${f.rule} ${f.suggestions.map((x) => x.text).join('|')}`,
  );

describe('指标方向 and 计量单位 columns', () => {
  it('are read by label and complete the value: no unit or comparison asked for', () => {
    const s = sheet(HEADER, ROWS);
    const r = checkSheet(s);
    expect(r.forms.map((f) => f.kind)).toEqual(['project-form']);
    expect(r.forms[0].indicators).toHaveLength(6);
    // only the typo; 95 beside % is not a value without a unit
    expect(rulesAt(s)).toEqual(['E9 value.operator-typo 0.3']);
  });

  it('a fix writes the value cell only, and the re-check is clean', () => {
    const s = sheet(HEADER, ROWS);
    const [typo] = checkSheet(s).findings;
    // 《 beside ≤ is the ≤ already in 指标方向: the cell gets the number, `<` would contradict it
    expect(typo.suggestions.map((x) => x.value)).toEqual(['0.3']);
    const fixed = s.cells.map((row) => [...row]);
    fixed[8][4] = typo.suggestions[0].value;
    expect(rulesAt({ ...s, cells: fixed })).toEqual([]);
  });

  it('normalises the three cells as one value', () => {
    const s = sheet(HEADER, ROWS);
    const indicators = normalise([{ source: 'a.xlsx', sheets: [checkSheet(s)] }]).indicators.rows;
    expect(
      indicators.map((r) => [r.rawValue, r.normalisedValue, r.comparator, r.number, r.measureUnit]),
    ).toEqual([
      ['200', '≥200人次', '≥', 200, '人次'],
      ['95', '≥95%', '≥', 95, '%'],
      ['12', '≤12月', '≤', 12, '月'],
      // an ambiguous book-title mark keeps its 比较符 blank, as everywhere (docs/domain.md §5)
      ['《0.3', '≤0.3万元', '', 0.3, '万元'],
      ['80', '≥80%', '≥', 80, '%'],
      ['90', '≥90%', '≥', 90, '%'],
    ]);
  });

  it('a cost cap over the budget is found through the unit column', () => {
    const rows = ROWS.map((r) => [...r]);
    rows[3] = [null, '成本指标', '培训总成本', '≤', '120', '万元'];
    const found = checkSheet(sheet(HEADER, rows)).findings.map((f) => `${f.cell} ${f.rule}`);
    expect(found.filter((f) => f.startsWith('E9 '))).toEqual(['E9 funding.cost-exceeds-budget']);
  });

  it('a comparison written the wrong way round is reported without a value-cell fix', () => {
    const rows = ROWS.map((r) => [...r]);
    rows[1] = [null, '质量指标', '培训合格率', '≤', '95', '%'];
    const f = checkSheet(sheet(HEADER, rows)).findings.find(
      (x) => x.rule === 'value.wrong-direction',
    );
    expect(f?.cell).toBe('E7');
    // the fix belongs in the 指标方向 cell, which a value fix does not write
    expect(f?.suggestions).toEqual([]);
  });

  it('with 指标性质 saying 定量 and a 度量单位 column: the unit is used, the 性质 is not', () => {
    const header = ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'];
    const rows = ROWS.map((r) => [r[0], r[1], r[2], '定量', r[4], r[5]]);
    const r = checkSheet(sheet(header, rows));
    expect(r.findings.filter((f) => f.rule === 'value.missing-unit')).toEqual([]);
    const indicators = normalise([{ source: 'a.xlsx', sheets: [r] }]).indicators.rows;
    expect(indicators[1].normalisedValue).toBe('95%');
  });

  it('the header roles show in inspect', () => {
    const [form] = inspectSheet(sheet(HEADER, ROWS)).forms;
    expect(form.table?.header.map((h) => h.roleLabel)).toEqual([
      '一级指标',
      '二级指标',
      '三级指标',
      '指标方向',
      '指标值（年度）',
      '计量单位',
    ]);
  });
});

describe('completeValue and valueCellSuggestion', () => {
  const beside = (direction: string, unit: string) => ({
    direction: { text: direction },
    unit: { text: unit },
  });
  it.each([
    ['95', '≥', '%', '≥95%'],
    ['95%', '≥', '%', '≥95%'],
    ['≥95', '≥', '%', '≥95%'],
    ['《95', '≤', '%', '《95%'],
    ['有效提升', '≥', '%', '有效提升'],
    ['', '≥', '%', ''],
    ['100', '正向指标', '%', '100%'],
    ['100', '不低于', '', '≥100'],
    ['3', '=', '次', '3次'],
  ])('%s beside %s and %s reads %s', (text, d, u, expected) => {
    expect(completeValue(text, beside(d, u)).text).toBe(expected);
  });

  it('takes a suggestion back to the cell, or refuses one that needs the other cells', () => {
    const c = completeValue('95', beside('≥', '%'));
    expect(valueCellSuggestion('≥95%', c)).toBe('95');
    expect(valueCellSuggestion('≤95%', c)).toBeNull();
    expect(valueCellSuggestion('95%', c)).toBeNull();
    expect(valueCellSuggestion('≥95', c)).toBeNull();
  });
});
