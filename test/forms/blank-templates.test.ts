/**
 * A blank template read back as a form: it has no name yet, so the pane groups its findings under
 * the form's kind and says 部门名称 is empty, never taking a nearby heading (`基本情况`) or the
 * unit line (`单位：万元`) for the name (issue 11).
 */
import { MemoryWorkbookHost } from '../../src/adapters/memory';
import { checkSheet, formName } from '../../src/engine';
import { buildTemplate, type TemplateKind } from '../../src/templates';

async function readBlank(kind: TemplateKind) {
  const spec = buildTemplate(kind, { year: 2026 } as never);
  const host = MemoryWorkbookHost.create(['Sheet1']);
  const name = await host.insertSheetFromSpec(spec.sheet, spec.name);
  if (!name.ok) throw new Error(name.error.message);
  const data = await host.readSheet(name.value);
  if (!data.ok) throw new Error(data.error.message);
  return checkSheet(data.value);
}

describe('blank templates', () => {
  it.each(['project', 'department', 'list'] as const)('%s: one form with no name', async (kind) => {
    const report = await readBlank(kind);
    expect(report.forms).toHaveLength(1);
    expect(formName(report.forms[0])).toBe('');
  });

  it('department: 部门名称 is reported empty at its value cell, beside the label', async () => {
    const report = await readBlank('department');
    const missing = report.findings.filter((f) => f.rule === 'form.missing-field');
    expect(missing.map((f) => f.cell)).toContain('B4');
    expect(missing.find((f) => f.cell === 'B4')!.message).toContain('部门名称');
  });
});
