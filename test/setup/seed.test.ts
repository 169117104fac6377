import fc from 'fast-check';
import { PINNED_SEED, resolveSeed } from './seed';

describe('the fast-check seed of a run', () => {
  it('is pinned unless JIXIAO_FC_SEED says otherwise', () => {
    expect(resolveSeed(undefined)).toEqual({ seed: PINNED_SEED, random: false });
    expect(resolveSeed('')).toEqual({ seed: PINNED_SEED, random: false });
    expect(resolveSeed(' 42 ')).toEqual({ seed: 42, random: false });
    expect(resolveSeed('-7')).toEqual({ seed: -7, random: false });
    const random = resolveSeed('random');
    expect(random.random).toBe(true);
    expect(Number.isSafeInteger(random.seed)).toBe(true);
    expect(() => resolveSeed('abc')).toThrow('JIXIAO_FC_SEED');
    expect(() => resolveSeed('1.5')).toThrow('JIXIAO_FC_SEED');
  });

  it('is set globally before every test file, so properties draw the same cases every time', () => {
    const used = Number(process.env.JIXIAO_FC_SEED_USED);
    expect(fc.readConfigureGlobal().seed).toBe(used);
    if (process.env.JIXIAO_FC_SEED === undefined) expect(used).toBe(PINNED_SEED);
    const draw = () => fc.sample(fc.string(), { numRuns: 20 });
    expect(draw()).toEqual(draw());
  });
});
