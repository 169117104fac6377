/** The engine's form readers recognise a template filled by field name (no recalculation needed). */
import { writeTemplateXlsx } from '../../src/adapters/xlsx/template-writer';
import { readXlsx } from '../../src/adapters/xlsx';
import { checkWorkbook, type Form } from '../../src/engine';
import { buildTemplate, type FieldValues, type TemplateKind } from '../../src/templates';

async function check(kind: TemplateKind, options: object, fields: FieldValues) {
  const wb = await readXlsx(await writeTemplateXlsx(buildTemplate(kind, options), fields));
  const report = checkWorkbook(wb);
  return { forms: report.sheets.flatMap((s) => s.forms) as Form[], findings: report.findings };
}

describe('the engine reads filled templates', () => {
  it('项目支出绩效目标表: one project form, its budget and all its indicators, no errors', async () => {
    const values = [
      '≥5人',
      '100%',
      '≥8小时',
      '≤104万元',
      '此项目无经济效益',
      '保障正常运转',
      '持续改善',
      '长期',
      '≥90%',
    ];
    const fields: Record<string, string | number> = {
      'project.name': '2023年物业费项目',
      'budget.fiscal': 100,
      'budget.other': 4,
      'targets.annual': '1.支撑保障市生态环境局正常工作开展。',
      'spendingPlan.jun': 50,
      'spendingPlan.dec': 100,
    };
    values.forEach((v, i) => {
      fields[`indicator[${i}].name`] = `指标${i + 1}`;
      fields[`indicator[${i}].annual`] = v;
    });
    const { forms, findings } = await check('project', { rows: 1 }, fields);
    expect(forms.map((f) => f.kind)).toEqual(['project-form']);
    const form = forms[0] as Extract<Form, { kind: 'project-form' }>;
    expect(form.name.text).toBe('2023年物业费项目');
    expect(form.budget.text).toBe('104');
    expect(form.unit).toBe('万元');
    expect(form.indicators.map((i) => i.level2.text)).toEqual([
      '数量指标',
      '质量指标',
      '时效指标',
      '成本指标',
      '经济效益指标',
      '社会效益指标',
      '生态效益指标',
      '可持续影响指标',
      '服务对象满意度指标',
    ]);
    expect(form.indicators[0].level1.text).toBe('产出指标');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('项目支出绩效目标汇总表: a project list with its unit, project and funding', async () => {
    const { forms } = await check(
      'list',
      { projects: 1, rows: 2 },
      {
        'unit[0].name': '广州市生态环境局番禺分局',
        'unit[0].project[0].name': '购置经费',
        'unit[0].project[0].fiscal': 36,
        'unit[0].project[0].target': '通过采购2辆新能源执法车。',
        'unit[0].project[0].indicator[0].level1': '产出指标',
        'unit[0].project[0].indicator[0].level2': '数量指标',
        'unit[0].project[0].indicator[0].name': '购置车辆数量',
        'unit[0].project[0].indicator[0].annual': '2台',
      },
    );
    expect(forms.map((f) => f.kind)).toEqual(['project-list']);
    const list = forms[0] as Extract<Form, { kind: 'project-list' }>;
    expect(list.total?.total.text).toBe('36');
    expect(list.units.map((u) => u.projects.map((p) => p.name.text))).toEqual([['购置经费']]);
    expect(list.indicators.map((i) => i.name.text)).toEqual(['购置车辆数量']);
  });

  it('部门整体支出绩效目标表: the budget and the four splits', async () => {
    const { forms } = await check(
      'department',
      {},
      {
        'department.name': '湛江市生态环境局',
        'budget.total': 8254.22,
        'split.basic': 4754.96,
        'split.project': 3499.26,
        'split.fiscal': 8254.22,
        'split.other': 0,
        'split.operating': 8254.22,
        'split.development': 0,
        'split.cityLevel': 8254.22,
        'split.transfer': 0,
        'task[0].name': '市环保环境质量常规性检测维护',
        'task[0].amount': 300,
      },
    );
    expect(forms.map((f) => f.kind)).toEqual(['department-form']);
    const form = forms[0] as Extract<Form, { kind: 'department-form' }>;
    expect(form.budget.text).toBe('8254.22');
    expect(form.splits.map((s) => s.parts.map((p) => p.field.text))).toEqual([
      ['4754.96', '3499.26'],
      ['8254.22', '0'],
      ['8254.22', '0'],
      ['8254.22', '0'],
    ]);
    expect(form.tasks.map((t) => t.amount.text)).toEqual(['300']);
  });
});
