/**
 * Regenerates the generated parts of README.md (between `<!-- rules:start -->` and
 * `<!-- rules:end -->`) from the rules' own metadata. `npm run docs`; test/readme.test.ts fails when
 * the README has drifted from the code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { allRules, SEVERITY_LABEL } from '../src/engine';

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

export function replaceSection(text: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`README.md has no ${name} section`);
  return `${text.slice(0, i + start.length)}\n${body}\n${text.slice(j)}`;
}

export const README = path.resolve(__dirname, '..', 'README.md');

if (require.main === module) {
  const text = fs.readFileSync(README, 'utf8');
  fs.writeFileSync(README, replaceSection(text, 'rules', rulesTable()));
  console.log('README.md: rules section regenerated');
}
