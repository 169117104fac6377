import type { SheetData } from '../../src/engine';

/** A small project form with a book-title mark typo (E7), a missing value (E8) and a full-width sign. */
export function projectFormSheet(name = '项目表'): SheetData {
  const rows: Array<Array<string | number | null>> = [
    ['2024年项目支出绩效目标表'],
    ['项目名称', '办公设备购置', null, null, null],
    ['预算数', 100, null, '其中：财政资金', 100],
    ['资金用途', '购置办公设备'],
    ['绩效目标', '1.完成办公设备购置。'],
    ['一级指标', '二级指标', '三级指标', null, '指标值'],
    ['产出指标', '数量指标', '购置台数', null, '》20台'],
    ['产出指标', '质量指标', '验收合格率', null, null],
    ['产出指标', '时效指标', '完成时间', null, '2024年底前'],
    ['产出指标', '成本指标', '设备成本', null, '≤100万元'],
    ['效益指标', '社会效益指标', '保障办公', null, '有效保障'],
    ['满意度指标', '服务对象满意度指标', '使用人员满意度', null, '＞＝90%'],
  ];
  return { name, cells: rows, merges: [] };
}
