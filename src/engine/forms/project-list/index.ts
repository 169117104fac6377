import type { FormReader } from '../reader';
import { readProjectLists } from './read';

export { readProjectLists } from './read';

/** Reads 项目支出绩效目标表（含转移支付项目）(docs/domain.md §1.2); runs before the other readers. */
export const projectListReader: FormReader = {
  kind: 'project-list',
  read: (grid, window) => readProjectLists(grid, window),
};
