/** Chinese texts the normalised rows carry as values (the headers are in columns.ts). */
import type { ParsedValue } from '../values/types';
import type { IndicatorRow } from './columns';

// 表单类型 and 期间 come from the engine's labels (src/engine/labels.ts), shared with every caller.

/** 定量/定性 */
export const VALUE_KIND_LABEL: Record<ParsedValue['kind'], IndicatorRow['valueKind']> = {
  quantitative: '定量',
  qualitative: '定性',
  empty: '',
};
