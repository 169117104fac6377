import type { FormReader } from '../reader';

// Placeholder until the project-form reader lands: finds nothing.
export const projectFormReader: FormReader = {
  kind: 'project-form',
  read: () => [],
};
