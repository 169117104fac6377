import type { CliIO } from '../main';

// Placeholder until the template command lands.
export async function runTemplate(_args: string[], io: CliIO): Promise<number> {
  io.err('jixiao template: 尚未实现。\n');
  return 2;
}
