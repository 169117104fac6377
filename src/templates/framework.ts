/**
 * The indicator framework of docs/domain.md §2 as the templates pre-fill it, and the other lists the
 * templates offer in dropdowns.
 */

/** Where 成本指标 sits: under 产出指标 (older and local frameworks) or as a 一级 (财预〔2021〕101号). */
export type CostPlacement = 'output' | 'first-level';

export interface Level1Block {
  readonly level1: string;
  readonly level2: ReadonlyArray<string>;
}

const OUTPUT_WITH_COST: Level1Block = {
  level1: '产出指标',
  level2: ['数量指标', '质量指标', '时效指标', '成本指标'],
};
const OUTPUT: Level1Block = { level1: '产出指标', level2: ['数量指标', '质量指标', '时效指标'] };
const COST: Level1Block = {
  level1: '成本指标',
  level2: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
};
const BENEFIT: Level1Block = {
  level1: '效益指标',
  level2: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
};
const SATISFACTION: Level1Block = { level1: '满意度指标', level2: ['服务对象满意度指标'] };

/** The standard 一级/二级 skeleton, in the order the forms list it. */
export function skeleton(cost: CostPlacement): ReadonlyArray<Level1Block> {
  return cost === 'output'
    ? [OUTPUT_WITH_COST, BENEFIT, SATISFACTION]
    : [OUTPUT, COST, BENEFIT, SATISFACTION];
}

/** The names a 一级 dropdown offers. */
export function level1Names(cost: CostPlacement): string[] {
  return skeleton(cost).map((b) => b.level1);
}

/** The names a 二级 dropdown offers. */
export function level2Names(cost: CostPlacement): string[] {
  return skeleton(cost).flatMap((b) => b.level2);
}

/** 指标值确定依据 as budget systems offer it (free text is allowed too, docs/domain.md §1.1). */
export const BASIS_CHOICES: ReadonlyArray<string> = [
  '计划标准',
  '行业标准',
  '历史标准',
  '国际标准',
  '其他标准',
];

/**
 * How many indicator rows each 二级 gets: one number for all, or per 二级 name (missing names get
 * `fallback`). 0 leaves a 二级 out; a 一级 with no rows left is left out.
 */
export type RowsPerLevel2 = number | Readonly<Record<string, number>>;

export interface SkeletonRow {
  readonly level1: string;
  readonly level2: string;
  /** first row of its 一级 block */
  readonly startsBlock: boolean;
  /** rows in its 一级 block (set on every row of the block) */
  readonly blockSize: number;
}

/** The skeleton expanded into indicator rows. */
export function skeletonRows(
  cost: CostPlacement,
  rows: RowsPerLevel2,
  fallback = 1,
): SkeletonRow[] {
  const out: SkeletonRow[] = [];
  for (const block of skeleton(cost)) {
    const names: string[] = [];
    for (const l2 of block.level2) {
      const n = typeof rows === 'number' ? rows : (rows[l2] ?? fallback);
      for (let i = 0; i < n; i++) names.push(l2);
    }
    names.forEach((l2, i) =>
      out.push({
        level1: block.level1,
        level2: l2,
        startsBlock: i === 0,
        blockSize: names.length,
      }),
    );
  }
  return out;
}
