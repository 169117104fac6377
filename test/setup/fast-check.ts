/**
 * Runs before every test file: pins fast-check's global seed, so that a property test checks the
 * same cases on every run and a red run can be repeated. `JIXIAO_FC_SEED=random npm test` runs a new
 * seed on purpose (printed at the start of the run); `JIXIAO_FC_SEED=N` repeats seed N. Counterexamples
 * found that way belong in the tests as explicit examples.
 */
import fc from 'fast-check';
import { seedOfRun } from './seed';

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: seedOfRun() });
