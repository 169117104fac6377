import { describe, expect, it } from '@jest/globals';
import { allRules } from './index';

/** The rule ids of docs/domain.md §4, in catalogue order (copied from the table). */
const CATALOGUE = [
  'value.empty',
  'value.operator-typo',
  'value.duplicated',
  'value.rate-out-of-range',
  'value.missing-unit',
  'value.not-normalised',
  'value.markup',
  'value.not-quantified',
  'value.period-annual-mismatch',
  'value.low-satisfaction',
  'value.wrong-direction',
  'indicator.unknown-level',
  'indicator.level-mismatch',
  'indicator.missing-name',
  'indicator.missing-category',
  'indicator.duplicate',
  'funding.row-sum',
  'funding.column-sum',
  'funding.cost-exceeds-budget',
  'funding.cost-parts-exceed-total',
  'funding.spending-plan',
  'funding.department-split',
  'funding.tasks-exceed-budget',
  'amount.malformed',
  'amount.unit-mismatch',
  'form.missing-field',
  'form.unreadable',
];

/** Severity of each id in §4 (the most severe one where the table gives two). */
const SEVERITY: Record<string, string> = {
  'value.missing-unit': 'warning',
  'value.not-normalised': 'info',
  'value.markup': 'warning',
  'value.not-quantified': 'warning',
  'value.period-annual-mismatch': 'warning',
  'value.low-satisfaction': 'warning',
  'value.wrong-direction': 'warning',
  'indicator.missing-category': 'warning',
  'indicator.duplicate': 'warning',
  'funding.cost-parts-exceed-total': 'warning',
  'funding.tasks-exceed-budget': 'warning',
};

const CJK = /[\u4e00-\u9fff]/;

describe('allRules', () => {
  it('has every catalogue id exactly once, in catalogue order', () => {
    expect(allRules.map((r) => r.meta.id)).toEqual(CATALOGUE);
  });

  it.each(allRules.map((r) => [r.meta.id, r] as const))(
    '%s has complete Chinese metadata',
    (id, rule) => {
      const m = rule.meta;
      expect(m.severity).toBe(SEVERITY[id] ?? 'error');
      expect(m.title).toMatch(CJK);
      expect(m.title.length).toBeLessThanOrEqual(12);
      expect(m.description).toMatch(CJK);
      expect(m.description).toMatch(/。$/);
      expect(typeof m.fixable).toBe('boolean');
      expect(m.forms.length).toBeGreaterThan(0);
    },
  );
});
