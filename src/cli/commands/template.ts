import path from 'node:path';
import { writeTemplateXlsx } from '../../adapters/xlsx/template-writer';
import {
  buildTemplate,
  type CostPlacement,
  type MoneyUnitOption,
  type TemplateKind,
} from '../../templates';
import { parseCommandArgs } from '../args';
import type { CliIO } from '../io';
import { prepareOutputs, writeOutputs } from '../output';

const KINDS: Record<string, TemplateKind> = {
  project: 'project',
  department: 'department',
  list: 'list',
};

/** Which options each template takes. */
const APPLIES: Record<string, ReadonlyArray<TemplateKind>> = {
  unit: ['project', 'list'],
  'multi-year': ['project', 'list'],
  units: ['list'],
  projects: ['list'],
  tasks: ['department'],
};

export const TEMPLATE_USAGE = `用法：jixiao template project|department|list -o 文件.xlsx [选项]
  project      项目支出绩效目标表
  department   部门整体支出绩效目标表
  list         项目支出绩效目标汇总表（一个部门的全部项目）
选项：
  -o, --output 文件.xlsx   输出文件（必填）
  --year 2026              预算年度（默认明年）
  --unit 万元|元           金额单位（project、list；默认 万元）
  --cost output|first-level  成本指标放在产出指标下（output，默认）或作为一级指标（first-level）
  --multi-year             两列指标值：年度指标值和实施周期指标值（project、list）
  --rows N                 每个二级指标的行数（project 默认 2，department 默认 1）；list 为每个项目的指标行数（默认 4）
  --units N                资金使用单位数（list，默认 1）
  --projects N             每个单位的项目数（list，默认 3）
  --tasks N                年度重点工作任务行数（department，默认 5）
  --force                  覆盖已存在的文件
`;

/**
 * `jixiao template KIND -o FILE.xlsx [options]`: 0 when written, 2 on bad arguments or when the file
 * cannot be written (never over an existing file without --force, never half-written: ../output.ts).
 */
export async function runTemplate(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    {
      output: { type: 'string', short: 'o' },
      year: { type: 'string' },
      unit: { type: 'string' },
      cost: { type: 'string' },
      'multi-year': { type: 'boolean' },
      rows: { type: 'string' },
      units: { type: 'string' },
      projects: { type: 'string' },
      tasks: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    io,
    TEMPLATE_USAGE,
  );
  if (!parsed) return 2;
  const v = parsed.values;
  if (v.help) {
    io.out(TEMPLATE_USAGE);
    return 0;
  }
  const [kindName, ...extra] = parsed.positionals;
  if (!kindName) return fail(io, '请指定模板类型：project、department 或 list。');
  const kind = KINDS[kindName];
  if (!kind) return fail(io, `未知的模板类型“${kindName}”，应为 project、department 或 list。`);
  if (extra.length > 0) return fail(io, `多余的参数：${extra.join(' ')}`);
  if (!v.output) return fail(io, '请用 -o 指定输出文件，例如：-o 绩效目标表.xlsx');
  if (path.extname(v.output).toLowerCase() !== '.xlsx') {
    return fail(io, `输出文件应以 .xlsx 结尾，收到“${v.output}”。`);
  }
  for (const [option, kinds] of Object.entries(APPLIES)) {
    if (v[option as keyof typeof v] !== undefined && !kinds.includes(kind)) {
      return fail(io, `选项 --${option} 不适用于 ${kindName} 模板。`);
    }
  }

  const int = (name: string, text: string | undefined, min: number, max: number) => {
    if (text === undefined) return { ok: true as const, value: undefined };
    const n = Number(text);
    if (!/^\d+$/.test(text.trim()) || n < min || n > max) {
      return {
        ok: false as const,
        error: `--${name} 应为 ${min} 到 ${max} 之间的整数，收到“${text}”。`,
      };
    }
    return { ok: true as const, value: n };
  };
  const year = int('year', v.year, 2000, 2100);
  const rows = int('rows', v.rows, 1, 50);
  const units = int('units', v.units, 1, 50);
  const projects = int('projects', v.projects, 1, 200);
  const tasks = int('tasks', v.tasks, 1, 50);
  for (const r of [year, rows, units, projects, tasks]) if (!r.ok) return fail(io, r.error);
  if (v.unit !== undefined && v.unit !== '万元' && v.unit !== '元') {
    return fail(io, `--unit 应为“万元”或“元”，收到“${v.unit}”。`);
  }
  if (v.cost !== undefined && v.cost !== 'output' && v.cost !== 'first-level') {
    return fail(
      io,
      `--cost 应为 output（成本指标在产出指标下）或 first-level（成本指标为一级指标），收到“${v.cost}”。`,
    );
  }

  const common = {
    year: year.value ?? new Date().getFullYear() + 1,
    ...(v.cost ? { cost: v.cost as CostPlacement } : {}),
  };
  const money = {
    ...(v.unit ? { unit: v.unit as MoneyUnitOption } : {}),
    ...(v['multi-year'] ? { multiYear: true } : {}),
  };
  const spec =
    kind === 'project'
      ? buildTemplate('project', {
          ...common,
          ...money,
          ...(rows.value ? { rows: rows.value } : {}),
        })
      : kind === 'department'
        ? buildTemplate('department', {
            ...common,
            ...(rows.value ? { rows: rows.value } : {}),
            ...(tasks.value ? { tasks: tasks.value } : {}),
          })
        : buildTemplate('list', {
            ...common,
            ...money,
            ...(rows.value ? { rows: rows.value } : {}),
            ...(units.value ? { units: units.value } : {}),
            ...(projects.value ? { projects: projects.value } : {}),
          });

  const file = v.output;
  const plan = prepareOutputs(io, [file], { force: v.force ?? false });
  if (!plan) return 2;
  if (!writeOutputs(io, plan, [await writeTemplateXlsx(spec)])) return 2;
  io.out(`已生成${spec.name}：${file}\n`);
  return 0;
}

function fail(io: CliIO, message: string): number {
  io.err(`${message}\n\n${TEMPLATE_USAGE}`);
  return 2;
}
