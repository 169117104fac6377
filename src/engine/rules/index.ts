import type { Rule } from './types';
import { valueEmpty } from './value/empty';
import { valueOperatorTypo } from './value/operator-typo';
import { valueDuplicated } from './value/duplicated';
import { valueRateOutOfRange } from './value/rate-out-of-range';
import { valueMissingUnit } from './value/missing-unit';
import { valueNotNormalised } from './value/not-normalised';
import { valueMarkup } from './value/markup';
import { valueNotQuantified } from './value/not-quantified';
import { valuePeriodAnnualMismatch } from './value/period-annual-mismatch';
import { valueLowSatisfaction } from './value/low-satisfaction';
import { valueWrongDirection } from './value/wrong-direction';
import { indicatorUnknownLevel } from './indicator/unknown-level';
import { indicatorLevelMismatch } from './indicator/level-mismatch';
import { indicatorMissingName } from './indicator/missing-name';
import { indicatorMissingCategory } from './indicator/missing-category';
import { indicatorDuplicate } from './indicator/duplicate';
import { fundingRowSum } from './funding/row-sum';
import { fundingColumnSum } from './funding/column-sum';
import { fundingCostExceedsBudget } from './funding/cost-exceeds-budget';
import { fundingCostPartsExceedTotal } from './funding/cost-parts-exceed-total';
import { fundingSpendingPlan } from './funding/spending-plan';
import { fundingDepartmentSplit } from './funding/department-split';
import { fundingTasksExceedBudget } from './funding/tasks-exceed-budget';
import { amountMalformed } from './amount/malformed';
import { amountUnitMismatch } from './amount/unit-mismatch';
import { formMissingField } from './form/missing-field';
import { formUnreadable } from './form/unreadable';

export * from './types';

/** Every rule of the catalogue (docs/domain.md §4), in catalogue order. */
export const allRules: ReadonlyArray<Rule> = [
  valueEmpty,
  valueOperatorTypo,
  valueDuplicated,
  valueRateOutOfRange,
  valueMissingUnit,
  valueNotNormalised,
  valueMarkup,
  valueNotQuantified,
  valuePeriodAnnualMismatch,
  valueLowSatisfaction,
  valueWrongDirection,
  indicatorUnknownLevel,
  indicatorLevelMismatch,
  indicatorMissingName,
  indicatorMissingCategory,
  indicatorDuplicate,
  fundingRowSum,
  fundingColumnSum,
  fundingCostExceedsBudget,
  fundingCostPartsExceedTotal,
  fundingSpendingPlan,
  fundingDepartmentSplit,
  fundingTasksExceedBudget,
  amountMalformed,
  amountUnitMismatch,
  formMissingField,
  formUnreadable,
];
