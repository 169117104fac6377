/** Short-hands for rule tests: one list project in row `row` with the given packed items. */
import { projectList, type Item } from './builders';
import type { Period } from '../model/forms';

export function oneProject(
  items: ReadonlyArray<Item>,
  opts: {
    name?: string;
    row?: number;
    total?: string;
    periods?: ReadonlyArray<Period>;
    packedText?: string;
  } = {},
) {
  const total = opts.total ?? '100.00';
  return projectList({
    periods: opts.periods ?? ['period', 'annual'],
    units: [
      {
        name: '',
        row: -1,
        projects: [
          {
            name: opts.name ?? '测试项目',
            row: opts.row ?? 6,
            amounts: [total, total, null, null],
            items,
            packedText: opts.packedText,
          },
        ],
      },
    ],
  });
}
