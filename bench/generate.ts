/**
 * Generates large workbooks for benchmarks: project forms in the common published layout (title,
 * 单位, 项目名称, 预算规模及资金用途 block, 绩效目标, indicator table with a merged 一级 column),
 * with a sprinkling of the real mistakes (《 typos, doubled values) so that the rules have work.
 */
import type { CellValue, Range, SheetData, WorkbookData } from '../src/engine';

export const SKELETON: Array<[string, string, string, string]> = [
  ['产出指标', '数量指标', '完成监测点位数量', '≥20个'],
  ['产出指标', '数量指标', '出具报告份数', '≥12份'],
  ['产出指标', '数量指标', '开展培训次数', '4次'],
  ['产出指标', '数量指标', '巡查次数', '》=30次'],
  ['产出指标', '质量指标', '验收合格率', '100%'],
  ['产出指标', '质量指标', '数据有效率', '≥95%'],
  ['产出指标', '质量指标', '报告通过专家评审', '通过'],
  ['产出指标', '时效指标', '项目完成时限', '2026年12月底前'],
  ['产出指标', '时效指标', '报告提交及时率', '100%'],
  ['产出指标', '成本指标', '监测费用', '≤40万元'],
  ['产出指标', '成本指标', '报告编制费用', '《20万元'],
  ['产出指标', '成本指标', '项目总成本', '≤100万元'],
  ['效益指标', '社会效益指标', '公众环境意识', '有效提升'],
  ['效益指标', '社会效益指标', '信息公开率', '100%'],
  ['效益指标', '生态效益指标', '空气质量优良率', '≥90%'],
  ['效益指标', '生态效益指标', '水质达标率', '≥180≥180%'],
  ['效益指标', '可持续影响指标', '长效机制建立', '是'],
  ['效益指标', '经济效益指标', '带动企业投入', '≥500万元'],
  ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%'],
  ['满意度指标', '服务对象满意度指标', '公众满意度', '》85%'],
];

export interface GeneratedSheet {
  readonly sheet: SheetData;
  /** first row of each form */
  readonly formTops: number[];
}

/** One sheet of `forms` stacked project forms with `perForm` indicators each. */
export function projectFormsSheet(
  name: string,
  forms: number,
  perForm: number,
  offset = 0,
): GeneratedSheet {
  const cells: CellValue[][] = [];
  const merges: Range[] = [];
  const formTops: number[] = [];
  const row = (...v: CellValue[]) => cells.push(v);
  for (let f = 0; f < forms; f++) {
    const n = offset + f + 1;
    const top = cells.length;
    formTops.push(top);
    row(`${n}.2026年第${n}号环境监测项目绩效目标表`);
    merges.push({ top, left: 0, bottom: top, right: 4 });
    row('', '', '', '', '单位：万元');
    row('项目名称', `2026年第${n}号环境监测项目`);
    merges.push({ top: top + 2, left: 1, bottom: top + 2, right: 4 });
    const b = cells.length;
    row('预算规模及资金用途', '预算数', 100);
    row('', '其中：财政资金', 100);
    row('', '其他资金', null);
    row('', `用于第${n}号环境监测项目支出。`);
    merges.push({ top: b, left: 0, bottom: b + 3, right: 0 });
    merges.push({ top: b + 3, left: 1, bottom: b + 3, right: 4 });
    row('绩效目标', `1.完成第${n}号监测任务。\n2.出具监测报告。`);
    merges.push({ top: b + 4, left: 1, bottom: b + 4, right: 4 });
    row('一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值');
    let prev1 = '';
    let start1 = cells.length;
    for (let i = 0; i < perForm; i++) {
      const [l1, l2, l3, v] = SKELETON[i % SKELETON.length];
      const r = cells.length;
      if (l1 !== prev1) {
        if (prev1 && r - 1 > start1) merges.push({ top: start1, left: 0, bottom: r - 1, right: 0 });
        start1 = r;
        prev1 = l1;
        row(l1, l2, l3, l3, v);
      } else {
        row('', l2, l3, l3, v);
      }
    }
    if (cells.length - 1 > start1)
      merges.push({ top: start1, left: 0, bottom: cells.length - 1, right: 0 });
    row();
  }
  return { sheet: { name, cells, merges }, formTops };
}

/** A workbook of `forms` project forms spread over `sheets` sheets. */
export function projectFormsWorkbook(
  forms: number,
  perForm: number,
  sheets = 10,
): { workbook: WorkbookData; sheets: GeneratedSheet[] } {
  const out: GeneratedSheet[] = [];
  const per = Math.ceil(forms / sheets);
  for (let s = 0, done = 0; done < forms; s++) {
    const k = Math.min(per, forms - done);
    out.push(projectFormsSheet(`项目${s + 1}`, k, perForm, done));
    done += k;
  }
  return { workbook: { sheets: out.map((g) => g.sheet) }, sheets: out };
}
