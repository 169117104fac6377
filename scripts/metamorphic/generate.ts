/**
 * The metamorphic generator (issue 8). `npm run metamorphic` rebuilds docs/metamorphic.md from a
 * run of the whole suite; with `--xlsx DIR` it writes the variant workbooks themselves with exceljs
 * (one per base form and combination, plain and with the injected mistake) for a look in Excel:
 *
 *   npx tsx scripts/metamorphic/generate.ts --xlsx out/ [--base tianjin-1] [--variant a+b]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { addSheet } from '../../src/adapters/xlsx/write';
import type { SheetData } from '../../src/engine';
import { loadBases } from './bases';
import { buildVariant, combinationsFor, companionOf } from './run';
import { renderTable, runAll, TABLE_FILE } from './table';

/** An .xlsx of sheets as exceljs writes them, hidden rows and columns included. */
export async function writeSheetsXlsx(sheets: ReadonlyArray<SheetData>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = addSheet(wb, s);
    for (const r of s.hiddenRows ?? []) ws.getRow(r + 1).hidden = true;
    for (const c of s.hiddenCols ?? []) ws.getColumn(c + 1).hidden = true;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      xlsx: { type: 'string' },
      base: { type: 'string' },
      variant: { type: 'string' },
    },
  });
  const bases = await loadBases();
  if (values.xlsx === undefined) {
    fs.writeFileSync(TABLE_FILE, renderTable(runAll(bases), bases));
    console.log(`wrote ${path.relative(process.cwd(), TABLE_FILE)}`);
    return;
  }
  fs.mkdirSync(values.xlsx, { recursive: true });
  for (const base of bases) {
    if (values.base && base.id !== values.base) continue;
    const combos = values.variant ? [values.variant.split('+')] : combinationsFor(base.kind);
    for (const combo of combos) {
      const sheets = [false, true].map((injected) =>
        buildVariant(base, combo, companionOf(base, bases), injected).toSheet(
          injected ? '注入错误' : '变换后',
        ),
      );
      const file = path.join(values.xlsx, `${base.id}--${combo.join('+')}.xlsx`);
      fs.writeFileSync(file, await writeSheetsXlsx(sheets));
    }
    console.log(`wrote ${base.id}`);
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
