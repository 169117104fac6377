import { allRules } from '../../engine';
import type { CliIO } from '../main';
import { SEVERITY_LABEL } from '../labels';

/** `jixiao rules [--json]`: the rule catalogue, from the rules' own metadata. */
export async function runRules(args: string[], io: CliIO): Promise<number> {
  if (args.includes('--json')) {
    io.out(
      `${JSON.stringify(
        allRules.map((r) => r.meta),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  for (const { meta } of allRules) {
    io.out(
      `${meta.id.padEnd(34)} ${SEVERITY_LABEL[meta.severity]}  ${meta.title}：${meta.description}\n`,
    );
  }
  return 0;
}
