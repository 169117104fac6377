import type { CliIO } from '../main';

// Placeholder until the normalise command lands.
export async function runNormalise(_args: string[], io: CliIO): Promise<number> {
  io.err('jixiao normalise: 尚未实现。\n');
  return 2;
}
