/**
 * The value parser on its own (`parseValue` keeps no cache): 20,000 typical values (real ones of
 * the seed forms and the spellings of docs/domain.md §3), and long pasted inputs that must stay linear.
 */
import { parseValue } from '../src/engine';
import { round, time } from './timing';

export interface ValuesBench {
  /** 20,000 values, milliseconds */
  typicalMs: number;
  /** the longest of the long inputs, milliseconds */
  longestMs: number;
}

const TYPICAL = [
  '≥90%',
  '《15万元',
  '》=90%',
  '≥180≥180万条',
  '13969.56标箱标箱',
  '<p>≥90%</p>',
  '１００％',
  '不少于580家',
  '2023年底前',
  '按合同要求',
  '70-80个',
  '约90家',
  '《==15万元',
  '确保在线数据传输率达90%以上',
];

const LONG = [
  '《'.repeat(125_000) + '15万元',
  '》' + '='.repeat(125_000) + '90%',
  '≥'.repeat(5000) + '9'.repeat(5000) + '《'.repeat(5000) + '<p>'.repeat(3000) + '次',
  '约'.repeat(20000) + '1' + '个'.repeat(20000),
  '1-'.repeat(20000),
  '≥1'.repeat(20000) + '≥1.' + '2,'.repeat(5000),
  '&#'.repeat(10000) + '<a '.repeat(10000),
];

export function benchValues(count = 20_000): ValuesBench {
  const typicalMs = time(() => {
    for (let i = 0; i < count; i++) parseValue(TYPICAL[i % TYPICAL.length] + ' '.repeat(i % 3));
  });
  const longestMs = Math.max(...LONG.map((s) => time(() => parseValue(s))));
  return { typicalMs: round(typicalMs), longestMs: round(longestMs) };
}
