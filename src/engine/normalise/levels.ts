/**
 * 一级/二级 names in their standard form (docs/domain.md §2), for the normalised sheet. This is the one
 * place that asks the indicator framework; a name it does not know stays as written.
 */
import { classify } from '../framework';

/**
 * The standard 一级 and 二级 names of an indicator: `22-社会效益` → `社会效益指标`, `效果指标` →
 * `效益指标`; a blank 一级 under a known 二级 takes that 二级's only parent; unknown → as written.
 */
export function standardLevels(level1: string, level2: string): [string, string] {
  const c = classify(level1, level2);
  return [c.standardLevel1 ?? level1.trim(), c.standardLevel2 ?? level2.trim()];
}

/** The standard 一级 name alone, or the text as written. */
export function standardLevel1(written: string): string {
  return standardLevels(written, '')[0];
}

/** The standard 二级 name alone, or the text as written. */
export function standardLevel2(written: string): string {
  return standardLevels('', written)[1];
}
