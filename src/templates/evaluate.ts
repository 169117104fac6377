/**
 * Computes the formula cells of a template from its input values, so that a writer can store the
 * results along with the formulas (a file read before any spreadsheet program recalculates it — by
 * the engine, for instance — then shows the same totals). Understands the small formula language the
 * templates use: numbers, strings, cell references and ranges, + - * / &, comparisons, and SUM,
 * COUNT, MAX, ROUND, ABS, IF, AND, OR, ISNUMBER, FIND.
 */
import type { SheetSpec } from './spec';
import { rangeCells } from '../engine';

export type Scalar = number | string | boolean | null;

/** A formula that cannot be computed (a text where a number is needed, a cycle). */
export const VALUE_ERROR = '#VALUE!';

type Value = Scalar | Scalar[];

class FormulaError extends Error {}

/**
 * The result of every formula cell, by address. `values` are the input cells' contents by address
 * (as a writer will store them); fixed cells of the spec count as well.
 */
export function evaluateFormulas(
  sheet: SheetSpec,
  values: Readonly<Record<string, Scalar>>,
): Record<string, Scalar> {
  const formulas = new Map<string, string>();
  const fixed = new Map<string, Scalar>();
  for (const c of sheet.cells) {
    if (c.formula !== undefined) formulas.set(c.address, c.formula);
    else if (c.value !== undefined) fixed.set(c.address, c.value);
  }
  const results = new Map<string, Scalar>();
  const busy = new Set<string>();
  const cell = (address: string): Scalar => {
    if (formulas.has(address)) {
      if (results.has(address)) return results.get(address) as Scalar;
      if (busy.has(address)) throw new FormulaError('cycle');
      busy.add(address);
      let r: Scalar;
      try {
        r = scalar(new Parser(formulas.get(address) as string, cell).parse());
      } catch (e) {
        if (!(e instanceof FormulaError)) throw e;
        r = VALUE_ERROR;
      }
      busy.delete(address);
      results.set(address, r);
      return r;
    }
    if (address in values) return values[address];
    return fixed.get(address) ?? null;
  };
  const out: Record<string, Scalar> = {};
  for (const address of formulas.keys()) out[address] = cell(address);
  return out;
}

function scalar(v: Value): Scalar {
  if (Array.isArray(v)) throw new FormulaError('range used as a value');
  return v;
}

function num(v: Value): number {
  const s = scalar(v);
  // an empty cell counts as 0; a text (even "") is an error, as in Excel
  if (s === null) return 0;
  if (typeof s === 'number') return s;
  if (typeof s === 'boolean') return s ? 1 : 0;
  if (s === VALUE_ERROR) throw new FormulaError(s);
  const n = Number(s);
  if (Number.isNaN(n)) throw new FormulaError('text in arithmetic');
  return n;
}

function text(v: Value): string {
  const s = scalar(v);
  if (s === null) return '';
  if (typeof s === 'boolean') return s ? 'TRUE' : 'FALSE';
  return String(s);
}

function truthy(v: Value): boolean {
  const s = scalar(v);
  if (typeof s === 'boolean') return s;
  return num(s) !== 0;
}

function flat(args: Value[]): Scalar[] {
  return args.flatMap((a) => (Array.isArray(a) ? a : [a]));
}

/** Excel's ROUND: half away from zero, on the decimal digits. */
function round(x: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(Math.abs(x) * f + 1e-9) / f;
  return x < 0 ? -r : r;
}

const FUNCTIONS: Record<string, (args: Value[]) => Scalar> = {
  SUM: (a) => flat(a).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0),
  COUNT: (a) => flat(a).filter((v) => typeof v === 'number').length,
  MAX: (a) => {
    const ns = flat(a).filter((v): v is number => typeof v === 'number');
    return ns.length ? Math.max(...ns) : 0;
  },
  ROUND: (a) => round(num(a[0]), num(a[1] ?? 0)),
  ABS: (a) => Math.abs(num(a[0])),
  IF: (a) => (truthy(a[0]) ? scalar(a[1] ?? true) : scalar(a[2] ?? false)),
  AND: (a) => flat(a).every((v) => truthy(v)),
  OR: (a) => flat(a).some((v) => truthy(v)),
  ISNUMBER: (a) => typeof scalar(a[0]) === 'number',
  FIND: (a) => {
    const i = text(a[1]).indexOf(text(a[0]));
    if (i < 0) throw new FormulaError('not found');
    return i + 1;
  },
};

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?)|"((?:[^"]|"")*)"|(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|([A-Z]+)\(|(<>|<=|>=|[-+*/&=<>(),]))/y;

type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; v: string }
  | { t: 'fn'; v: string }
  | { t: 'op'; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(src);
    if (!m) throw new Error(`cannot read formula ${src}`);
    if (m[1] !== undefined) out.push({ t: 'num', v: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ t: 'str', v: m[2].replace(/""/g, '"') });
    else if (m[3] !== undefined) out.push({ t: 'ref', v: m[3].replace(/\$/g, '') });
    else if (m[4] !== undefined) out.push({ t: 'fn', v: m[4] });
    else out.push({ t: 'op', v: m[5] });
  }
  return out;
}

class Parser {
  private readonly tokens: Token[];
  private i = 0;

  constructor(
    src: string,
    private readonly cell: (address: string) => Scalar,
  ) {
    this.tokens = tokenize(src);
  }

  parse(): Value {
    const v = this.comparison();
    if (this.i !== this.tokens.length) throw new Error('unexpected token in formula');
    return v;
  }

  private peekOp(...ops: string[]): string | null {
    const t = this.tokens[this.i];
    return t && t.t === 'op' && ops.includes(t.v) ? t.v : null;
  }

  private comparison(): Value {
    const left = this.concat();
    const op = this.peekOp('=', '<>', '<', '>', '<=', '>=');
    if (!op) return left;
    this.i++;
    const right = this.concat();
    const l = scalar(left);
    const r = scalar(right);
    const both = typeof l === 'string' || typeof r === 'string';
    const x = both ? text(l) : num(l);
    const y = both ? text(r) : num(r);
    switch (op) {
      case '=':
        return x === y;
      case '<>':
        return x !== y;
      case '<':
        return x < y;
      case '>':
        return x > y;
      case '<=':
        return x <= y;
      default:
        return x >= y;
    }
  }

  private concat(): Value {
    let v = this.additive();
    while (this.peekOp('&')) {
      this.i++;
      v = text(v) + text(this.additive());
    }
    return v;
  }

  private additive(): Value {
    let v = this.term();
    for (let op = this.peekOp('+', '-'); op; op = this.peekOp('+', '-')) {
      this.i++;
      const r = this.term();
      v = op === '+' ? num(v) + num(r) : num(v) - num(r);
    }
    return v;
  }

  private term(): Value {
    let v = this.unary();
    for (let op = this.peekOp('*', '/'); op; op = this.peekOp('*', '/')) {
      this.i++;
      const r = num(this.unary());
      if (op === '/' && r === 0) throw new FormulaError('#DIV/0!');
      v = op === '*' ? num(v) * r : num(v) / r;
    }
    return v;
  }

  private unary(): Value {
    if (this.peekOp('-')) {
      this.i++;
      return -num(this.unary());
    }
    return this.primary();
  }

  private primary(): Value {
    const t = this.tokens[this.i++];
    if (!t) throw new Error('formula ends early');
    switch (t.t) {
      case 'num':
      case 'str':
        return t.v;
      case 'ref':
        return t.v.includes(':') ? rangeCells(t.v).map((a) => this.cell(a)) : this.cell(t.v);
      case 'fn': {
        const fn = FUNCTIONS[t.v];
        if (!fn) throw new Error(`unknown function ${t.v}`);
        const args: Value[] = [];
        if (!this.peekOp(')')) {
          args.push(this.comparison());
          while (this.peekOp(',')) {
            this.i++;
            args.push(this.comparison());
          }
        }
        if (!this.peekOp(')')) throw new Error('missing )');
        this.i++;
        return fn(args);
      }
      case 'op':
        if (t.v === '(') {
          const v = this.comparison();
          if (!this.peekOp(')')) throw new Error('missing )');
          this.i++;
          return v;
        }
        throw new Error(`unexpected ${t.v} in formula`);
    }
  }
}
