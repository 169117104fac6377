/** Every command parses its arguments through one helper: same message, same exit code. */
import { allRules } from '../../src/engine';
import { runCli } from '../helpers/cli';

describe('command arguments', () => {
  it.each([
    ['check', '--nope'],
    ['normalise', '--nope'],
    ['template', '--nope'],
    ['rules', '--nope'],
  ])('jixiao %s %s: a Chinese 参数错误 and exit 2', async (command, option) => {
    const r = await runCli([command, option]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^参数错误：.*--nope/);
    expect(r.out).toBe('');
  });

  it.each([
    [['check', '--nope'], '不认识的选项“--nope”'],
    [['check', '-x'], '不认识的选项“-x”'],
    [['normalise', 'a.xlsx', '-o'], '选项“-o”缺少取值'],
    [['check', '--json=yes'], '选项“--json”的取值无效'],
  ])('jixiao %j: the reason in Chinese, no English from node', async (args, reason) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(reason);
    expect(r.err.split('\n')[0].replace(/“[^”]*”/g, '')).not.toMatch(/[A-Za-z]{4,}/);
  });

  it('template adds its option list after the message', async () => {
    const r = await runCli(['template', '--nope']);
    expect(r.err).toContain('用法：jixiao template project|department|list');
  });

  it('rules --json prints the metadata of every rule', async () => {
    const r = await runCli(['rules', '--json']);
    expect(r.code).toBe(0);
    const ids = (JSON.parse(r.out) as Array<{ id: string }>).map((m) => m.id);
    expect(ids).toEqual(allRules.map((x) => x.meta.id));
  });

  it('rules lists one line per rule', async () => {
    const r = await runCli(['rules']);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(allRules.length);
  });
});
