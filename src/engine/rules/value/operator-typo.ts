import type { Rule } from '../types';
import { ALL_FORMS } from '../shared/forms';
import { reportOnce } from '../shared/report';
import { forEachValue } from '../shared/values';

/** The mark as typed, with its `=` signs and doubled marks: `《`, `》=`, `《==`, `=〉`. */
const MARK = /[=＝]*([《》〈〉])\1*[=＝]*/;
/** A longer mark (a run pasted many times) is quoted by its start. */
const MAX_MARK_SHOWN = 6;
const COMPARATORS = '≥≤><=';

/** `value.operator-typo`: a book-title mark typed for a comparison (`《15万元`, `》90%`). */
export const valueOperatorTypo: Rule = {
  meta: {
    id: 'value.operator-typo',
    severity: 'error',
    title: '比较符误写',
    description: '指标值用书名号“《》”“〈〉”代替了比较符，需改为“≥”“≤”“>”“<”。',
    fixable: true,
    forms: ALL_FORMS,
  },
  check(form, ctx) {
    const report = reportOnce(ctx);
    forEachValue(form, ctx, (site) => {
      for (const problem of site.parsed.problems) {
        if (problem.type !== 'operator-typo') continue;
        const typed = MARK.exec(site.field.text)?.[0] ?? '';
        const mark = typed.length > MAX_MARK_SHOWN ? `${typed.slice(0, MAX_MARK_SHOWN)}…` : typed;
        const signs = [
          ...new Set(
            problem.suggestions.map((s) => s.trim()[0]).filter((c) => COMPARATORS.includes(c)),
          ),
        ];
        const what = mark ? `中的“${mark}”` : '';
        const should =
          signs.length === 1
            ? `应为比较符“${signs[0]}”`
            : signs.length > 1
              ? `应为比较符，可能是${signs.map((c) => `“${c}”`).join('或')}`
              : '应为比较符';
        report({
          cell: site.cell,
          message: `${site.subject}${what}${should}。`,
          suggestions: site.suggest(...problem.suggestions),
        });
      }
    });
  },
};
