/**
 * Normalising 10,000 indicators to .xlsx: 500 project forms of 20 indicators built in memory (no
 * reading), with a finding on every tenth value, through `normalise` and `writeNormalisedXlsx`.
 */
import { performance } from 'node:perf_hooks';
import { parseAmount, toA1, type Finding, type Indicator, type ProjectForm } from '../src/engine';
import { normalise, type NormaliseInput } from '../src/engine/normalise';
import { writeNormalisedXlsx } from '../src/adapters/xlsx/normalised-writer';
import { round } from './timing';
import { SKELETON } from './generate';

export interface NormaliseBench {
  indicators: number;
  /** median of normalise + write .xlsx, in milliseconds */
  ms: number;
  normaliseMs: number;
  xlsxMs: number;
  xlsxBytes: number;
}

/** `forms` project forms of `perForm` indicators each, stacked on 10 sheets, with findings. */
export function buildInputs(forms = 500, perForm = 20): NormaliseInput[] {
  const sheets = new Map<string, { forms: ProjectForm[]; findings: Finding[] }>();
  const rowsPerForm = perForm + 12;
  for (let f = 0; f < forms; f++) {
    const sheet = `项目${(f % 10) + 1}`;
    const entry = sheets.get(sheet) ?? { forms: [], findings: [] };
    sheets.set(sheet, entry);
    const index = entry.forms.length;
    const top = index * rowsPerForm;
    const cell = (row: number, col: number) => ({ row: top + row, col });
    const indicators: Indicator[] = [];
    for (let i = 0; i < perForm; i++) {
      const [l1, l2, l3, v] = SKELETON[i % SKELETON.length];
      const row = 10 + i;
      indicators.push({
        level1: { text: l1, cell: cell(10, 0) },
        level2: { text: l2, cell: cell(row, 1) },
        name: { text: l3, cell: cell(row, 2) },
        description: { text: l3, cell: cell(row, 3) },
        values: [{ period: 'annual', text: v, cell: cell(row, 4) }],
        row: top + row,
      });
      if (i % 10 === 3) {
        const at = cell(row, 4);
        entry.findings.push({
          rule: 'value.operator-typo',
          severity: 'error',
          sheet,
          cell: toA1(at),
          row: at.row,
          col: at.col,
          message: '比较符误写',
          suggestions: [
            { text: '≥30次', value: '≥30次', replacesFormula: false },
            { text: '>30次', value: '>30次', replacesFormula: false },
          ],
          form: index,
        });
      }
    }
    const n = f + 1;
    entry.forms.push({
      kind: 'project-form',
      sheet,
      range: { top, left: 0, bottom: top + rowsPerForm - 1, right: 4 },
      title: `${n}.2026年第${n}号环境监测项目绩效目标表`,
      titleCell: cell(0, 0),
      unit: '万元',
      name: { text: `2026年第${n}号环境监测项目`, cell: cell(2, 1) },
      budget: { text: '100', cell: cell(3, 2), amount: parseAmount(100) },
      fiscal: { text: '100', cell: cell(4, 2), amount: parseAmount(100) },
      other: { text: '', cell: cell(5, 2), amount: parseAmount(null) },
      spendingPlan: [],
      targets: [{ text: `1.完成第${n}号监测任务。`, cell: cell(7, 1) }],
      targetsCell: cell(7, 1),
      valueColumns: ['annual'],
      indicators,
    });
  }
  return [
    {
      source: 'bench.xlsx',
      sheets: [...sheets].map(([sheet, v]) => ({ sheet, forms: v.forms, findings: v.findings })),
    },
  ];
}

/** Times normalise + writing the .xlsx of 10,000 indicators (median of 3 runs after one warm-up). */
export async function benchNormalise(): Promise<NormaliseBench> {
  const inputs = buildInputs();
  const indicators = inputs[0].sheets.reduce(
    (n, s) => n + s.forms.reduce((m, f) => m + f.indicators.length, 0),
    0,
  );
  const samples: Array<{ total: number; norm: number; xlsx: number; bytes: number }> = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    const wb = normalise(inputs);
    const t1 = performance.now();
    const bytes = await writeNormalisedXlsx(wb);
    const t2 = performance.now();
    if (wb.indicators.rows.length !== indicators) {
      throw new Error(`bench: ${indicators} indicators gave ${wb.indicators.rows.length} rows`);
    }
    if (i > 0) samples.push({ total: t2 - t0, norm: t1 - t0, xlsx: t2 - t1, bytes: bytes.length });
  }
  samples.sort((a, b) => a.total - b.total);
  const mid = samples[Math.floor(samples.length / 2)];
  return {
    indicators,
    ms: round(mid.total),
    normaliseMs: round(mid.norm),
    xlsxMs: round(mid.xlsx),
    xlsxBytes: mid.bytes,
  };
}
