import { testRule } from '../testing';
import { departmentForm, ZHANJIANG_TASKS } from '../builders';
import { fundingTasksExceedBudget } from './tasks-exceed-budget';

testRule(fundingTasksExceedBudget, {
  valid: [
    { name: 'Zhanjiang 2020: 1650 within 项目支出 3499.26', form: departmentForm() },
    { name: 'no tasks', form: departmentForm({ tasks: [] }) },
  ],
  invalid: [
    {
      name: 'tasks above 项目支出',
      form: departmentForm({ tasks: [...ZHANJIANG_TASKS, ['生态环境监测网络建设', '2000']] }),
      findings: [
        {
          cell: 'D9',
          message:
            '年度重点工作任务拟投入资金合计 300 + 200 + 300 + 200 + 650 + 2000 = 3650.00 万元，超过了项目支出 3499.26 万元。',
        },
      ],
    },
    {
      name: 'no 项目支出 given: the department total',
      form: departmentForm({ splits: [], tasks: [['a', '9000']] }),
      findings: [{ cell: 'F4', message: /超过了部门预算金额 8254.22 万元/ }],
    },
  ],
});
