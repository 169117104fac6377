export * from './types';
export { parseValue } from './parse';
export { numberOf, upperOf } from './number';
export { isPercent, isRate, percentOf } from './percent';
export { moneyInWan, moneyUnitOf } from './money';
export { comparatorDirection, describeComparator, effectiveComparator } from './comparator';
export {
  completeValue,
  valueCellSuggestion,
  type BesideColumns,
  type CompletedValue,
} from './beside';
