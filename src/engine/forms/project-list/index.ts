import type { FormReader } from '../reader';

// Placeholder until the project-list reader lands: finds nothing.
export const projectListReader: FormReader = {
  kind: 'project-list',
  read: () => [],
};
