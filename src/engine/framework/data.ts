/**
 * The indicator framework of docs/domain.md §2 as data: standard names, codes, valid placements and
 * known synonyms. Chinese strings here are the standard names clerks write on the forms.
 */

/** What an indicator measures, as far as the checks care (the rows a complete form needs). */
export type IndicatorCategory =
  'quantity' | 'quality' | 'timeliness' | 'cost' | 'benefit' | 'satisfaction';

export interface Level1Def {
  /** standard name, always with the trailing 指标 */
  readonly name: string;
  readonly code: string;
  /** the category a 一级 name alone implies (产出指标 alone says nothing finer) */
  readonly category: IndicatorCategory | null;
}

export interface Level2Def {
  readonly name: string;
  readonly code: string;
  /** standard 一级 names this 二级 may sit under */
  readonly parents: ReadonlyArray<string>;
  readonly category: IndicatorCategory;
}

export const LEVEL1: ReadonlyArray<Level1Def> = [
  { name: '产出指标', code: '1', category: null },
  { name: '效益指标', code: '2', category: 'benefit' },
  { name: '满意度指标', code: '3', category: 'satisfaction' },
  // 财预〔2021〕101号: 成本指标 is a 一级 of its own; older frameworks keep it as 二级 under 产出指标 (14)
  { name: '成本指标', code: '4', category: 'cost' },
];

export const LEVEL2: ReadonlyArray<Level2Def> = [
  { name: '数量指标', code: '11', parents: ['产出指标'], category: 'quantity' },
  { name: '质量指标', code: '12', parents: ['产出指标'], category: 'quality' },
  { name: '时效指标', code: '13', parents: ['产出指标'], category: 'timeliness' },
  { name: '成本指标', code: '14', parents: ['产出指标'], category: 'cost' },
  { name: '经济效益指标', code: '21', parents: ['效益指标'], category: 'benefit' },
  { name: '社会效益指标', code: '22', parents: ['效益指标'], category: 'benefit' },
  { name: '生态效益指标', code: '23', parents: ['效益指标'], category: 'benefit' },
  { name: '可持续影响指标', code: '24', parents: ['效益指标'], category: 'benefit' },
  { name: '服务对象满意度指标', code: '31', parents: ['满意度指标'], category: 'satisfaction' },
  { name: '经济成本指标', code: '41', parents: ['成本指标'], category: 'cost' },
  { name: '社会成本指标', code: '42', parents: ['成本指标'], category: 'cost' },
  { name: '生态环境成本指标', code: '43', parents: ['成本指标'], category: 'cost' },
];

/** Names seen on real forms for a standard name (accepted with a warning and a suggestion). */
export const LEVEL1_SYNONYMS: Readonly<Record<string, string>> = {
  效果指标: '效益指标',
};

export const LEVEL2_SYNONYMS: Readonly<Record<string, string>> = {
  可持续性影响指标: '可持续影响指标',
  // the 2018 templates' wording
  社会公众或服务对象满意度指标: '服务对象满意度指标',
  满意度指标: '服务对象满意度指标',
};

/** Chinese label of each category, for messages. */
export const CATEGORY_LABEL: Readonly<Record<IndicatorCategory, string>> = {
  quantity: '数量指标',
  quality: '质量指标',
  timeliness: '时效指标',
  cost: '成本指标',
  benefit: '效益指标',
  satisfaction: '满意度指标',
};

/** The categories a complete project form has at least one indicator of (docs/domain.md §2). */
export const REQUIRED_CATEGORIES: ReadonlyArray<IndicatorCategory> = [
  'quantity',
  'quality',
  'timeliness',
  'cost',
  'benefit',
  'satisfaction',
];
