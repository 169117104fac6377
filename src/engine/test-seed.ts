/**
 * The seed of the engine's property tests, passed to every `fc.assert` explicitly: the run's global
 * fast-check seed when the jest setup has pinned one (`JIXIAO_FC_SEED=random` there picks a new one
 * on purpose), else a fixed one, so that a property test checks the same cases on every run, with or
 * without the setup. Counterexamples a run finds go into the tests as explicit examples.
 */
import fc from 'fast-check';

export const FIXED_SEED = 20_240_610;

export function propertySeed(): number {
  return fc.readConfigureGlobal().seed ?? FIXED_SEED;
}
