import { classify, type Classification, type IndicatorCategory } from '../../framework';
import type { Indicator, IndicatorValueField } from '../../model/forms';
import { COST_NAME, NOT_APPLICABLE, QUANTITY_NAME, SATISFACTION_NAME } from './words';

/** What the rules need to know about one indicator. */
export interface IndicatorFacts {
  readonly classification: Classification;
  /** the category from the framework, or from the name when the 二级 does not say */
  readonly category: IndicatorCategory | null;
  readonly name: string;
  readonly isCost: boolean;
  readonly isSatisfaction: boolean;
  readonly isQuantity: boolean;
  /** the 三级 name says "not applicable" (`此项目无经济效益`) */
  readonly notApplicable: boolean;
}

/**
 * Facts by indicator, for the rules that ask for the same indicator one after another. Bounded:
 * a map over a whole big workbook kept 12 MB per 100,000 indicators alive until its forms were gone.
 */
const FACTS_CACHE_LIMIT = 8192;
const cache = new Map<Indicator, IndicatorFacts>();

export function cleanName(text: string): string {
  return text
    .replace(/<\/?p>|&nbsp;/gi, '')
    .replace(/\s+/g, '')
    .replace(/[。；;，,]+$/, '');
}

export function factsOf(ind: Indicator): IndicatorFacts {
  const hit = cache.get(ind);
  if (hit) return hit;
  const classification = classify(ind.level1.text, ind.level2.text);
  const name = cleanName(ind.name.text);
  let category = classification.category;
  // packed style 1 and forms without 二级: only the 一级 is known, so read the name
  if (category === null) {
    if (COST_NAME.test(name)) category = 'cost';
    else if (QUANTITY_NAME.test(name)) category = 'quantity';
  }
  if (category === null || category === 'benefit') {
    if (SATISFACTION_NAME.test(name)) category = 'satisfaction';
  }
  const facts: IndicatorFacts = {
    classification,
    category,
    name,
    isCost: category === 'cost',
    isSatisfaction: category === 'satisfaction',
    isQuantity: category === 'quantity',
    notApplicable: NOT_APPLICABLE.some((re) => re.test(name)),
  };
  if (cache.size >= FACTS_CACHE_LIMIT) cache.clear();
  cache.set(ind, facts);
  return facts;
}

/** The value compared with the budget: the annual one when the form has both columns. */
export function budgetYearValues(ind: Indicator): IndicatorValueField[] {
  const annual = ind.values.filter((v) => v.period === 'annual');
  if (annual.length > 0) return annual;
  return ind.values.length === 1 ? [ind.values[0]] : [];
}

/** `年度指标值` / `实施周期指标值` when the indicator has both columns, else `指标值`. */
export function valueLabel(ind: Indicator, v: IndicatorValueField): string {
  if (ind.values.length < 2) return '指标值';
  return v.period === 'annual' ? '年度指标值' : '实施周期指标值';
}
