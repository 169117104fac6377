/**
 * The fast-check seed of a test run. JIXIAO_FC_SEED unset: the pinned seed, so that every run checks
 * the same cases; a number: that seed (to repeat a run); `random`: a new seed, which the caller prints.
 */
export const PINNED_SEED = 20_251_130;

export function resolveSeed(setting: string | undefined): { seed: number; random: boolean } {
  const text = (setting ?? '').trim();
  if (text === '') return { seed: PINNED_SEED, random: false };
  if (text === 'random') return { seed: Math.floor(Math.random() * 0x7fffffff), random: true };
  const seed = Number(text);
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`JIXIAO_FC_SEED must be an integer or "random", got "${setting}"`);
  }
  return { seed, random: false };
}

/** The seed this run uses: chosen once (by global-setup.ts) and passed on in the environment. */
export function seedOfRun(): number {
  const used = process.env.JIXIAO_FC_SEED_USED;
  if (used !== undefined) return Number(used);
  const { seed, random } = resolveSeed(process.env.JIXIAO_FC_SEED);
  if (random) {
    process.stdout.write(
      `\nfast-check: random seed ${seed} (repeat this run with JIXIAO_FC_SEED=${seed})\n`,
    );
  }
  process.env.JIXIAO_FC_SEED_USED = String(seed);
  return seed;
}
