import type {
  CellSpec,
  ConditionalFormatSpec,
  HighlightStyle,
  MessageSpec,
  PrintSpec,
  SheetSpec,
  ValidationRule,
  ValidationSpec,
} from './spec';
import { STYLES, type StyleName } from './styles';
import { columnName, fromA1, rangeToA1, toA1, type CellRef } from '../engine';

/*
 * Template layouts count rows and columns from 1, as a clerk does; these name them through the
 * engine's A1 module.
 */

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function colName(col: number): string {
  return columnName(col - 1);
}

/** `C5` for column 3, row 5 (both 1-based). */
export function a1(col: number, row: number): string {
  return toA1({ row: row - 1, col: col - 1 });
}

/** `SUM(…)` of a range or of cells, blank while none of them holds a number. */
export function sumOrBlank(cells: string | ReadonlyArray<string>): string {
  const list = typeof cells === 'string' ? cells : cells.join(',');
  return `IF(COUNT(${list})=0,"",SUM(${list}))`;
}

/**
 * `a+b+…` of input cells, blank while none of them holds a number (a text typed into one of them
 * shows as an error rather than being skipped). Sums of formula cells use `sumOrBlank`.
 */
export function plusOrBlank(cells: ReadonlyArray<string>): string {
  return `IF(COUNT(${cells.join(',')})=0,"",${cells.join('+')})`;
}

/** `A1:F1`, or `A1` when the range is one cell. */
export function rangeA1(left: number, top: number, right: number, bottom: number): string {
  return rangeToA1({ top: top - 1, left: left - 1, bottom: bottom - 1, right: right - 1 });
}

type Content = { value?: string | number; formula?: string };

/**
 * Collects a sheet spec cell by cell. Template specs use it to keep their layout code short; the
 * result (`build()`) is plain data.
 */
export class SheetBuilder {
  private readonly cells = new Map<string, CellSpec>();
  private readonly merges: string[] = [];
  private readonly validations: ValidationSpec[] = [];
  private readonly conditionalFormats: ConditionalFormatSpec[] = [];
  private readonly rowHeights: Record<string, number> = {};
  private readonly inputs: Record<string, string> = {};
  private readonly outputs: Record<string, string> = {};

  constructor(
    private readonly name: string,
    private readonly columnWidths: ReadonlyArray<number>,
  ) {}

  /** One cell (or a merged range, content and style on its top-left cell). */
  put(
    left: number,
    top: number,
    content: Content | string | number | null,
    style: StyleName,
    span?: { right?: number; bottom?: number },
  ): string {
    const address = a1(left, top);
    const c: Content =
      content === null ? {} : typeof content === 'object' ? content : { value: content };
    this.cells.set(address, { address, ...c, style });
    const right = span?.right ?? left;
    const bottom = span?.bottom ?? top;
    if (right !== left || bottom !== top) this.merges.push(rangeA1(left, top, right, bottom));
    return address;
  }

  /** An input cell registered under a field name. */
  input(
    field: string,
    left: number,
    top: number,
    style: StyleName,
    span?: { right?: number; bottom?: number },
    initial: string | number | null = null,
  ): string {
    if (STYLES[style].locked) throw new Error(`input ${field} uses locked style ${style}`);
    if (field in this.inputs) throw new Error(`duplicate input field ${field}`);
    const address = this.put(left, top, initial, style, span);
    this.inputs[field] = address;
    return address;
  }

  /** A second field name for an existing input cell (rows sharing one merged 一级 cell). */
  alias(field: string, address: string): void {
    if (field in this.inputs) throw new Error(`duplicate input field ${field}`);
    this.inputs[field] = address;
  }

  /** A formula cell registered under a field name. */
  output(
    field: string,
    left: number,
    top: number,
    formula: string,
    style: StyleName,
    span?: { right?: number; bottom?: number },
  ): string {
    const address = this.put(left, top, { formula }, style, span);
    this.outputs[field] = address;
    return address;
  }

  height(row: number, points: number): void {
    this.rowHeights[String(row)] = points;
  }

  validate(
    ranges: ReadonlyArray<string>,
    rule: ValidationRule,
    prompt: MessageSpec,
    error: MessageSpec,
  ): void {
    if (ranges.length > 0) this.validations.push({ ranges: [...ranges], rule, prompt, error });
  }

  highlight(range: string, formula: string, style: HighlightStyle, description: string): void {
    this.conditionalFormats.push({ range, formula, style, description });
  }

  build(print: PrintSpec): SheetSpec {
    const ref = (a: string) => fromA1(a) as CellRef;
    const used = new Set<string>();
    const styles: Record<string, (typeof STYLES)[StyleName]> = {};
    for (const c of this.cells.values()) used.add(c.style);
    for (const s of [...used].sort()) styles[s] = STYLES[s as StyleName];
    // every row gets a height, so that the form looks the same in every program
    const lastRow = Math.max(
      ...[...this.cells.keys(), ...this.merges.map((m) => m.split(':')[1] ?? m)].map(
        (a) => ref(a).row + 1,
      ),
    );
    const rowHeights: Record<string, number> = {};
    for (let r = 1; r <= lastRow; r++) {
      rowHeights[String(r)] = this.rowHeights[String(r)] ?? DEFAULT_ROW_HEIGHT;
    }
    return {
      name: this.name,
      columnWidths: [...this.columnWidths],
      rowHeights,
      cells: [...this.cells.values()].sort((x, y) => {
        const p = ref(x.address);
        const q = ref(y.address);
        return p.row - q.row || p.col - q.col;
      }),
      merges: [...this.merges],
      styles,
      validations: this.validations,
      conditionalFormats: this.conditionalFormats,
      print,
      protection: {
        sheet: true,
        password: null,
        allowFormatColumns: true,
        allowFormatRows: true,
        allowInsertRows: false,
      },
      showGridlines: false,
      inputs: { ...this.inputs },
      outputs: { ...this.outputs },
    };
  }
}

/** points */
const DEFAULT_ROW_HEIGHT = 20;

export const A4_MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 } as const;
