/**
 * Regenerates the generated parts of the documents from the rules' own metadata: the rule list of
 * README.md and the rule catalogue of docs/domain.md (each between `<!-- rules:start -->` and
 * `<!-- rules:end -->`). `npm run docs`; test/readme.test.ts and test/docs.test.ts fail when a
 * document has drifted from the code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { allRules, FORM_KIND_LABEL, SEVERITY_LABEL } from '../src/engine';

/** README.md's rule list. */
export function rulesTable(): string {
  const lines = [
    '| 规则 rule id | 级别 severity | 名称 | 检查内容 | 可修复 |',
    '|---|---|---|---|---|',
  ];
  for (const { meta } of allRules) {
    lines.push(
      `| \`${meta.id}\` | ${SEVERITY_LABEL[meta.severity]} ${meta.severity} | ${meta.title} | ${meta.description} | ${meta.fixable ? '是' : ''} |`,
    );
  }
  return lines.join('\n');
}

/** docs/domain.md §4: the same list with the forms each rule applies to. */
export function rulesCatalogue(): string {
  const lines = [
    '| 规则 rule id | 级别 severity | 名称 | 检查内容 | 适用表单 | 可修复 |',
    '|---|---|---|---|---|---|',
  ];
  for (const { meta } of allRules) {
    const forms = meta.forms.map((k) => FORM_KIND_LABEL[k]).join('、');
    lines.push(
      `| \`${meta.id}\` | ${SEVERITY_LABEL[meta.severity]} ${meta.severity} | ${meta.title} | ${meta.description} | ${forms} | ${meta.fixable ? '是' : ''} |`,
    );
  }
  return lines.join('\n');
}

export function replaceSection(text: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`the document has no ${name} section`);
  return `${text.slice(0, i + start.length)}\n${body}\n${text.slice(j)}`;
}

export const README = path.resolve(__dirname, '..', 'README.md');
export const DOMAIN = path.resolve(__dirname, '..', 'docs/domain.md');

/** Each generated document with its generated section. */
export const GENERATED: ReadonlyArray<{ file: string; body: () => string }> = [
  { file: README, body: rulesTable },
  { file: DOMAIN, body: rulesCatalogue },
];

if (require.main === module) {
  for (const { file, body } of GENERATED) {
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, replaceSection(text, 'rules', body()));
    console.log(`${path.relative(process.cwd(), file)}: rules section regenerated`);
  }
}
