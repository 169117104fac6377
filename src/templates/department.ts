/** 部门整体支出绩效目标表 (docs/domain.md §1.3): one department, one year. */
import { A4_MARGINS, a1, rangeA1, SheetBuilder, sumOrBlank } from './builder';
import {
  amountValidation,
  countValidation,
  highlightBookTitleMarks,
  highlightTotal,
  levelValidations,
  yearValidation,
} from './checks';
import { skeletonRows, type CostPlacement, type RowsPerLevel2 } from './framework';
import type { TemplateSpec } from './spec';
import { absoluteA1 } from '../engine';
import { HIGHLIGHT } from './styles';

export interface DepartmentTemplateOptions {
  /** 预算安排年度, also shown under the title */
  readonly year?: number;
  readonly cost?: CostPlacement;
  /** indicator rows per 二级 (default 1) */
  readonly rows?: RowsPerLevel2;
  /** rows of 年度重点工作任务 (default 5) */
  readonly tasks?: number;
}

/** One pair of 预算整体情况 (docs/domain.md §1.3), with the fields of its parts. */
interface SplitLayout {
  readonly key: string;
  readonly label: string;
  readonly parts: readonly [
    { readonly label: string; readonly field: string },
    { readonly label: string; readonly field: string },
  ];
}

export const DEPARTMENT_SPLITS: ReadonlyArray<readonly [SplitLayout, SplitLayout]> = [
  [
    {
      key: 'expenseType',
      label: '按支出类型',
      parts: [
        { label: '基本支出', field: 'split.basic' },
        { label: '项目支出', field: 'split.project' },
      ],
    },
    {
      key: 'revenueSource',
      label: '按收入来源',
      parts: [
        { label: '财政拨款', field: 'split.fiscal' },
        { label: '其他资金', field: 'split.other' },
      ],
    },
  ],
  [
    {
      key: 'expenseNature',
      label: '按支出性质',
      parts: [
        { label: '运转性支出', field: 'split.operating' },
        { label: '事业发展性支出', field: 'split.development' },
      ],
    },
    {
      key: 'budgetLevel',
      label: '按预算级次',
      parts: [
        { label: '市本级预算', field: 'split.cityLevel' },
        { label: '转移支付市县', field: 'split.transfer' },
      ],
    },
  ],
];

const LAST = 7; // the form is A:G; H holds the checks, outside the print area
const CHECK_COL = 8;

export function departmentTemplate(options: DepartmentTemplateOptions = {}): TemplateSpec {
  const cost = options.cost ?? 'output';
  const taskCount = options.tasks ?? 5;
  if (!Number.isInteger(taskCount) || taskCount < 1) throw new Error('tasks must be ≥ 1');
  const rows = skeletonRows(cost, options.rows ?? 1, 1);
  const b = new SheetBuilder('部门整体支出绩效目标表', [12, 6, 18, 14, 6, 18, 20, 34]);

  b.put(1, 1, '部门整体支出绩效目标表', 'title', { right: LAST });
  b.height(1, 32);
  b.put(1, 2, options.year ? `（${options.year}年度）` : '（    年度）', 'subtitle', {
    right: LAST,
  });
  b.put(1, 3, '单位：万元', 'unit', { right: LAST });
  b.put(CHECK_COL, 3, '校验（不打印）', 'check-header');

  // 部门名称, 基本情况
  b.put(1, 4, '部门名称', 'label');
  b.input('department.name', 2, 4, 'text', { right: LAST });
  b.height(4, 24);
  b.put(1, 5, '基本情况', 'label', { bottom: 6 });
  b.put(2, 5, '财政供养人员数量', 'label', { right: 3 });
  const staff = b.input('department.staff', 4, 5, 'number');
  b.put(5, 5, '预算安排年度', 'label', { right: 6 });
  const year = b.input('department.year', 7, 5, 'number', undefined, options.year ?? null);
  b.put(2, 6, '下属单位数量', 'label', { right: 3 });
  const subunits = b.input('department.subunits', 4, 6, 'number');
  b.put(5, 6, '部门预算金额', 'label', { right: 6 });
  const budget = b.input('budget.total', 7, 6, 'amount');
  countValidation(b, [staff], '财政供养人员数量');
  countValidation(b, [subunits], '下属单位数量');
  yearValidation(b, [year]);
  b.put(1, 7, '年度整体绩效目标概述', 'label');
  b.input('summary', 2, 7, 'text', { right: LAST });
  b.height(7, 80);

  // 预算整体情况: two blocks of two splits side by side, laid out as on the published forms (no
  // 小计 rows, which readers would take for amounts); the checks sit in column H, outside the print
  const splitTop = 8;
  b.put(1, splitTop, '预算整体情况', 'label', { bottom: splitTop + 5 });
  const amountCells: string[] = [budget];
  let projectCell = '';
  DEPARTMENT_SPLITS.forEach((pair, bi) => {
    const top = splitTop + bi * 3;
    pair.forEach((split, si) => {
      const col = si === 0 ? 2 : 5; // B or E
      b.put(col, top, split.label, 'header', { right: col + 1 });
      b.put(col + 2, top, '预算金额（万元）', 'header');
      b.put(col, top + 1, '其中', 'label', { bottom: top + 2 });
      const parts = split.parts.map((part, k) => {
        b.put(col + 1, top + 1 + k, part.label, 'label');
        return b.input(part.field, col + 2, top + 1 + k, 'amount');
      });
      if (split.key === 'expenseType') projectCell = parts[1];
      amountCells.push(...parts);
      const [p, q] = parts;
      const message = `${split.label}：${split.parts[0].label}与${split.parts[1].label}之和不等于部门预算金额`;
      b.output(
        `check.${split.key}`,
        CHECK_COL,
        top + 1 + si,
        `IF(COUNT(${p},${q})=0,"",IF(ROUND(${p}+${q}-${budget},2)=0,"",` + `"${message}"))`,
        'check',
      );
      highlightTotal(
        b,
        rangeA1(col + 2, top + 1, col + 2, top + 2),
        budget,
        [p, q],
        `${split.label}两项之和不等于部门预算金额`,
      );
    });
  });

  // 年度重点工作任务
  const taskTop = splitTop + 6;
  const taskFirst = taskTop + 1;
  const taskLast = taskTop + taskCount;
  const sumRow = taskLast + 1;
  b.put(1, taskTop, '年度重点工作任务', 'label', { bottom: sumRow });
  b.put(2, taskTop, '名称', 'header', { right: 3 });
  b.put(4, taskTop, '主要实施内容', 'header', { right: 5 });
  b.put(6, taskTop, '拟投入的资金（万元）', 'header');
  b.put(7, taskTop, '期望达到的目标', 'header');
  b.height(taskTop, 30);
  for (let i = 0; i < taskCount; i++) {
    const rr = taskFirst + i;
    b.input(`task[${i}].name`, 2, rr, 'text', { right: 3 });
    b.input(`task[${i}].content`, 4, rr, 'text', { right: 5 });
    amountCells.push(b.input(`task[${i}].amount`, 6, rr, 'amount'));
    b.input(`task[${i}].goal`, 7, rr, 'text');
    b.height(rr, 48);
  }
  b.put(2, sumRow, '合计', 'label', { right: 3 });
  b.put(4, sumRow, null, 'blank', { right: 5 });
  const taskRange = rangeA1(6, taskFirst, 6, taskLast);
  const tasksTotal = b.output('tasks.total', 6, sumRow, sumOrBlank(taskRange), 'amount-calc');
  b.put(7, sumRow, null, 'blank');
  b.output(
    'check.tasks',
    CHECK_COL,
    sumRow,
    `IF(COUNT(${taskRange})=0,"",IF(ROUND(${tasksTotal}-${projectCell},2)>0,` +
      `"重点工作任务拟投入资金合计超过项目支出",IF(ROUND(${tasksTotal}-${budget},2)>0,` +
      `"重点工作任务拟投入资金合计超过部门预算金额","")))`,
    'check',
  );
  const abs = absoluteA1;
  b.highlight(
    tasksTotal,
    `AND(ISNUMBER(${abs(projectCell)}),ROUND(${tasksTotal}-${abs(projectCell)},2)>0)`,
    HIGHLIGHT.warning,
    '重点工作任务拟投入资金合计超过项目支出',
  );
  amountValidation(b, amountCells, '万元');

  // 绩效指标
  const headRow = sumRow + 1;
  const first = headRow + 1;
  const bottom = first + rows.length - 1;
  b.put(1, headRow, '绩效指标', 'label', { bottom });
  b.put(2, headRow, '一级指标', 'header', { right: 3 });
  b.put(4, headRow, '二级指标', 'header', { right: 5 });
  b.put(6, headRow, '三级指标', 'header');
  b.put(7, headRow, '指标值', 'header');
  b.height(headRow, 24);
  const level1Cells: string[] = [];
  const level2Cells: string[] = [];
  let blockTop = a1(2, first);
  rows.forEach((row, i) => {
    const rr = first + i;
    const p = `indicator[${i}]`;
    if (row.startsBlock) {
      blockTop = b.input(
        `${p}.level1`,
        2,
        rr,
        'text-center',
        { right: 3, bottom: rr + row.blockSize - 1 },
        row.level1,
      );
      level1Cells.push(blockTop);
    } else {
      b.alias(`${p}.level1`, blockTop);
    }
    level2Cells.push(b.input(`${p}.level2`, 4, rr, 'text-center', { right: 5 }, row.level2));
    b.input(`${p}.name`, 6, rr, 'text');
    b.input(`${p}.value`, 7, rr, 'text-center');
    b.height(rr, 24);
  });
  levelValidations(b, level1Cells, level2Cells, cost);
  highlightBookTitleMarks(b, rangeA1(7, first, 7, bottom));

  return {
    kind: 'department',
    name: '部门整体支出绩效目标表',
    sheet: b.build({
      paper: 'A4',
      orientation: 'portrait',
      fitToPageWidth: true,
      titleRows: '1:3',
      area: rangeA1(1, 1, LAST, bottom),
      gridlines: false,
      horizontalCentered: true,
      margins: A4_MARGINS,
    }),
  };
}
