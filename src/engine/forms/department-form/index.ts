import type { FormReader } from '../reader';

// Placeholder until the department-form reader lands: finds nothing.
export const departmentFormReader: FormReader = {
  kind: 'department-form',
  read: () => [],
};
