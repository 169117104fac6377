import { allRules, SEVERITY_LABEL } from '../../engine';
import { parseCommandArgs } from '../args';
import type { CliIO } from '../io';

/** `jixiao rules [--json]`: the rule catalogue, from the rules' own metadata. */
export async function runRules(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(args, { json: { type: 'boolean', default: false } }, io);
  if (!parsed) return 2;
  if (parsed.values.json) {
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
