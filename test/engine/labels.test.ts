/** The domain labels (src/engine/labels.ts) against the real forms and the rules' metadata. */
import { allRules, checkWorkbook, FORM_KIND_LABEL, formName, ruleTitle } from '../../src/engine';
import { fixture } from '../integration/helpers';

describe('domain labels', () => {
  it('call a project list by the title the published list prints', async () => {
    const [form] = checkWorkbook(await fixture('env')).sheets[0].forms;
    expect(form.kind).toBe('project-list');
    expect(form.title).toBe(FORM_KIND_LABEL['project-list']);
  });

  it('name a form by its project or department', async () => {
    const tianjin = checkWorkbook(await fixture('tianjin')).sheets[0].forms[0];
    const zhanjiang = checkWorkbook(await fixture('zhanjiang')).sheets[0].forms[0];
    expect(formName(tianjin)).not.toBe('');
    expect(formName(zhanjiang)).toMatch(/湛江/);
  });

  it('take rule names from the rules’ metadata', () => {
    for (const { meta } of allRules) expect(ruleTitle(meta.id)).toBe(meta.title);
    expect(ruleTitle('no.such-rule')).toBe('no.such-rule');
  });
});
