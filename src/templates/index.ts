/**
 * Template specs: the blank forms as plain data (see spec.ts), one module per template. Writers in
 * the adapters lay them out; nothing here touches a file, the DOM or Office.
 */
import { departmentTemplate, type DepartmentTemplateOptions } from './department';
import { listTemplate, type ListTemplateOptions } from './list';
import { projectTemplate, type ProjectTemplateOptions } from './project';
import type { SheetSpec, TemplateKind, TemplateSpec } from './spec';
import type { Scalar } from './evaluate';

export * from './spec';
export { evaluateFormulas, VALUE_ERROR, type Scalar } from './evaluate';
export {
  BASIS_CHOICES,
  skeleton,
  skeletonRows,
  level1Names,
  level2Names,
  type CostPlacement,
  type RowsPerLevel2,
} from './framework';
export {
  projectTemplate,
  SPENDING_PLAN,
  type ProjectTemplateOptions,
  type MoneyUnitOption,
} from './project';
export {
  departmentTemplate,
  DEPARTMENT_SPLITS,
  type DepartmentTemplateOptions,
} from './department';
export { listTemplate, type ListTemplateOptions } from './list';

export interface TemplateOptionsByKind {
  project: ProjectTemplateOptions;
  department: DepartmentTemplateOptions;
  list: ListTemplateOptions;
}

/** The spec of one template with its options. */
export function buildTemplate<K extends TemplateKind>(
  kind: K,
  options: TemplateOptionsByKind[K] = {},
): TemplateSpec {
  switch (kind) {
    case 'project':
      return projectTemplate(options as ProjectTemplateOptions);
    case 'department':
      return departmentTemplate(options as DepartmentTemplateOptions);
    default:
      return listTemplate(options as ListTemplateOptions);
  }
}

/** A value to put into an input cell by field name. */
export type FieldValues = Readonly<Record<string, string | number>>;

/** Thrown when a field name is not an input of the template. */
export class UnknownFieldError extends Error {
  constructor(readonly field: string) {
    super(`模板中没有字段“${field}”。`);
    this.name = 'UnknownFieldError';
  }
}

/**
 * Turns field values into cell values by address (`budget.fiscal` → `D7`). Fields sharing a cell (the
 * rows of one merged 一级 cell) must agree; the last one wins.
 */
export function fieldsToCells(sheet: SheetSpec, fields: FieldValues): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const [field, value] of Object.entries(fields)) {
    const address = sheet.inputs[field];
    if (address === undefined) throw new UnknownFieldError(field);
    out[address] = value;
  }
  return out;
}

/** The value of every cell a writer should store: fixed cells, then the given input values. */
export function cellValues(
  sheet: SheetSpec,
  inputs: Readonly<Record<string, Scalar>>,
): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const c of sheet.cells) if (c.value !== undefined) out[c.address] = c.value;
  return { ...out, ...inputs };
}
