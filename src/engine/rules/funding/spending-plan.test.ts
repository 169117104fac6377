import { testRule } from '../testing';
import { projectForm } from '../builders';
import { fundingSpendingPlan } from './spending-plan';

type Plan = ReadonlyArray<string | number | null>;
const LABELS = ['3月底', '6月底', '9月底', '12月底'];
const plan = (values: Plan) =>
  projectForm({ spendingPlan: values.map((v, i) => [LABELS[i], v] as const) });

testRule(fundingSpendingPlan, {
  valid: [
    { name: 'no plan', form: projectForm() },
    { name: '30 / 60 / 90 / 100', form: plan([30, 60, 90, 100]) },
    { name: 'blank early quarters', form: plan([null, null, '50', '100']) },
    { name: 'typed as 30%', form: plan(['30%', '60%', '90%', '100%']) },
    { name: 'cells formatted as percent hold fractions', form: plan([0.3, 0.6, 0.9, 1]) },
    { name: 'an all-blank plan', form: plan([null, null, null, null]) },
  ],
  invalid: [
    {
      name: 'decreasing',
      form: plan([30, 20, 60, 100]),
      findings: [
        { cell: 'C8', message: '资金支出计划是累计比例，6月底（20%） 不应小于 3月底（30%）。' },
      ],
    },
    {
      name: 'does not end at 100',
      form: plan([30, 60, 90, 95]),
      findings: [
        {
          cell: 'E8',
          suggestions: ['100'],
          message: '资金支出计划到 12月底 应累计支出 100%，现为 95%。',
        },
      ],
    },
    {
      name: 'the last period blank',
      form: plan([30, 60, 100, null]),
      findings: [{ cell: 'E8', suggestions: ['100'] }],
    },
    {
      name: 'above 100 (and not also “decreasing” after it)',
      form: plan([30, 60, 120, 100]),
      findings: [{ cell: 'D8', message: '资金支出计划 9月底（120%） 超过了 100%。' }],
    },
  ],
});
