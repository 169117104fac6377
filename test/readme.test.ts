import fs from 'node:fs';
import { README, replaceSection, rulesTable } from '../scripts/docs';
import { allRules } from '../src/engine';

describe('README', () => {
  const text = fs.readFileSync(README, 'utf8');

  test('its rule list is the one generated from the rules (run `npm run docs` after changing a rule)', () => {
    expect(replaceSection(text, 'rules', rulesTable())).toBe(text);
    for (const r of allRules) expect(text).toContain(`\`${r.meta.id}\``);
  });

  test('its quick start and test command are the ones .ci/run uses', () => {
    const ci = fs.readFileSync(`${__dirname}/../.ci/run`, 'utf8');
    expect(text).toContain('npm test');
    expect(ci).toMatch(/^npm test$/m);
  });
});
