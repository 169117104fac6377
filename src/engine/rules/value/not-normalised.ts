import type { Rule } from '../types';
import { ALL_FORMS } from '../shared/forms';
import { reportOnce } from '../shared/report';
import { forEachValue } from '../shared/values';

/** What is not clean about a value, for the message; checked in this order. */
const REASONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[０-９％．]/, '全角数字或符号'],
  [/[＞＜＝≧≦]/, '全角比较符'],
  [/>=|=>|<=|=</, '“>=”“<=”式比较符'],
  [/\s/, '多余空格'],
  [/[。.]\s*$/, '末尾句号'],
];

/** Problems whose own fix already normalises the text: reporting both would say the same twice. */
const COVERED = new Set(['operator-typo', 'duplicated', 'markup']);

/** `value.not-normalised`: full-width digits or signs, `>=`, stray spaces, trailing `。`. */
export const valueNotNormalised: Rule = {
  meta: {
    id: 'value.not-normalised',
    severity: 'info',
    title: '写法不规范',
    description: '指标值含全角数字或符号、“>=”式比较符、多余空格或末尾句号，可改为规范写法。',
    fixable: true,
    forms: ALL_FORMS,
  },
  check(form, ctx) {
    const report = reportOnce(ctx);
    forEachValue(form, ctx, (site) => {
      const problems = site.parsed.problems;
      if (problems.some((p) => COVERED.has(p.type))) return;
      for (const problem of problems) {
        if (problem.type !== 'not-normalised') continue;
        // in a packed cell a trailing 。 before the next item is the cell's punctuation, not the value's
        if (
          site.indicator.packed &&
          site.field.text.replace(/[。.\s]+$/, '') === problem.suggestion
        )
          continue;
        const reasons = REASONS.filter(([re]) => re.test(site.field.text)).map(([, r]) => r);
        const why = reasons.length > 0 ? `含${reasons.join('、')}` : '写法不规范';
        report({
          cell: site.cell,
          message: `${site.subject}${why}，规范写法为“${problem.suggestion}”。`,
          suggestions: site.suggest(problem.suggestion),
        });
      }
    });
  },
};
