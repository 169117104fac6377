/**
 * Renders each template to docs/templates/<name>.png (through LibreOffice's PDF export and
 * pdftoppm), for the README and for looking at: `npx tsx scripts/render-templates.ts`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeTemplateXlsx } from '../src/adapters/xlsx/template-writer';
import { buildTemplate, type FieldValues, type TemplateKind } from '../src/templates';
import { convert } from '../test/templates/soffice';

interface Picture {
  readonly file: string;
  readonly kind: TemplateKind;
  readonly options: object;
  readonly fields?: FieldValues;
}

const PICTURES: Picture[] = [
  { file: 'project', kind: 'project', options: { year: 2026 } },
  {
    file: 'project-multi-year',
    kind: 'project',
    options: { year: 2026, multiYear: true, cost: 'first-level', rows: 1 },
  },
  {
    // filled from the first Tianjin seed form, with two mistakes the colours point out
    file: 'project-filled',
    kind: 'project',
    options: { year: 2023, rows: 1 },
    fields: {
      'project.name': '2023年物业费项目',
      'project.department': '天津市生态环境局',
      'project.implementer': '财务处（审计处）',
      'budget.fiscal': 104,
      'budget.other': 0,
      purpose: '用于物业管理相关工作支出。',
      'spendingPlan.mar': 25,
      'spendingPlan.jun': 50,
      'spendingPlan.sep': 45,
      'spendingPlan.dec': 100,
      'targets.annual': '1.支撑保障市生态环境局正常工作开展。',
      'indicator[0].name': '物业保障人员数量',
      'indicator[0].annual': '≥5人',
      'indicator[1].name': '机关物业保洁率',
      'indicator[1].annual': '100%',
      'indicator[2].name': '每日保障时间',
      'indicator[2].annual': '≥8小时',
      'indicator[3].name': '物业费支出成本',
      'indicator[3].annual': '《104万元',
      'indicator[5].name': '局机关正常运转',
      'indicator[5].annual': '保障正常运转',
      'indicator[8].name': '局机关满意度',
      'indicator[8].annual': '≥90%',
      'indicator[8].basis': '历史标准',
    },
  },
  { file: 'department', kind: 'department', options: { year: 2026 } },
  { file: 'list', kind: 'list', options: { year: 2026, units: 1, projects: 3, rows: 4 } },
];

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const outDir = path.join(root, 'docs', 'templates');
  fs.mkdirSync(outDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-render-'));
  try {
    for (const p of PICTURES) {
      const spec = buildTemplate(p.kind, p.options);
      const xlsx = path.join(work, `${p.file}.xlsx`);
      fs.writeFileSync(xlsx, await writeTemplateXlsx(spec, p.fields));
      const pdf = await convert(xlsx, 'pdf', work);
      // first page only, 110 dpi: readable and small enough for the README
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '110',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        pdf,
        path.join(outDir, p.file),
      ]);
      process.stdout.write(`docs/templates/${p.file}.png\n`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
