import Big from 'big.js';
import type { CellRef } from '../../grid/address';
import type { Form, Indicator, IndicatorValueField } from '../../model/forms';
import type { RuleContext } from '../types';
import { isPercent, moneyInWan, numberOf, upperOf } from '../../values';
import { completeValue, valueCellSuggestion } from '../../values/beside';
import type { Comparator, ParsedValue } from '../../values/types';
import { indicatorGroups, type IndicatorGroup } from './forms';
import { factsOf, valueLabel, type IndicatorFacts } from './indicators';
import { quote } from './report';

/** One indicator value with everything a value rule needs. */
export interface ValueSite {
  readonly form: Form;
  readonly group: IndicatorGroup;
  readonly indicator: Indicator;
  readonly facts: IndicatorFacts;
  readonly field: IndicatorValueField;
  readonly parsed: ParsedValue;
  /** the cell to report on */
  readonly cell: CellRef;
  /** `指标值“《15万元”` — with the indicator named first when it sits in a packed cell */
  readonly subject: string;
  /** replacement texts for the cell that set this value to `replacement` (whole packed cell text for packed values) */
  suggest(...replacements: string[]): string[];
}

/**
 * The value sites of the form being checked, built once for all value rules: about ten of them
 * walk the sites, and building the subjects and closures for each rule was a tenth of a big
 * check's time. One form at a time (rules run form by form), so that a workbook's sites are never
 * all kept: a per-form map held 42 MB for 5,000 forms.
 */
let cached: {
  readonly form: Form;
  readonly parse: RuleContext['parse'];
  readonly sites: ReadonlyArray<ValueSite>;
} | null = null;

/**
 * A value as the rules read it: completed by the 指标方向 and 计量单位 cells beside it when the
 * table has those columns (values/beside.ts).
 */
export function parseValueOf(
  ctx: RuleContext,
  ind: Indicator,
  field: IndicatorValueField,
): ParsedValue {
  return ctx.parse(completeValue(field.text, ind).text);
}

/** Calls `fn` for every indicator value of the form (blank ones included). */
export function forEachValue(form: Form, ctx: RuleContext, fn: (site: ValueSite) => void): void {
  if (!cached || cached.form !== form || cached.parse !== ctx.parse)
    cached = { form, parse: ctx.parse, sites: valueSites(form, ctx) };
  for (const site of cached.sites) fn(site);
}

function valueSites(form: Form, ctx: RuleContext): ValueSite[] {
  const sites: ValueSite[] = [];
  for (const group of indicatorGroups(form)) {
    for (const indicator of group.indicators) {
      const facts = factsOf(indicator);
      const packed = indicator.packed;
      // a packed cell repeating one value under 实施周期 and 年度 is one text to fix
      const same =
        packed &&
        indicator.values.length > 1 &&
        indicator.values.every((v) => v.text === indicator.values[0].text);
      const fields = same ? indicator.values.slice(0, 1) : indicator.values;
      for (const field of fields) {
        const label = same ? '指标值' : valueLabel(indicator, field);
        const completed = completeValue(field.text, indicator);
        const subject = packed
          ? `第 ${packed.index + 1} 项指标“${facts.name}”的${label}${quote(field.text)}`
          : `${label}${quote(field.text)}`;
        sites.push({
          form,
          group,
          indicator,
          facts,
          field,
          parsed: ctx.parse(completed.text),
          cell: field.cell,
          subject,
          suggest: (...replacements) => {
            if (!packed) {
              if (completed.prefix === '' && completed.suffix === '' && completed.direction === '')
                return replacements;
              // the comparison and unit beside the value stay in their own cells
              return replacements.flatMap((r) => {
                const own = valueCellSuggestion(r, completed);
                return own === null ? [] : [own];
              });
            }
            const text = group.packedCell?.text;
            if (!text) return [];
            return replacements.flatMap((r) => {
              const whole = replaceInPacked(text, packed.index, field.text, r);
              return whole === null ? [] : [whole];
            });
          },
        });
      }
    }
  }
  return sites;
}

/** Where the items `1、` `2、` … of a packed indicator cell start. */
function itemStarts(text: string): number[] {
  const starts: number[] = [];
  const re = /(^|[。；;>\s])(\d{1,3})、/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[1].length);
  return starts;
}

/**
 * The packed cell text with the value `from` of item `index` replaced by `to` (every occurrence in
 * that item after a colon, so `实施周期指标值:≥90；年度指标值:≥90` is fixed in one go). Null when the
 * item or value cannot be found.
 */
export function replaceInPacked(
  text: string,
  index: number,
  from: string,
  to: string,
): string | null {
  const starts = itemStarts(text);
  if (index >= starts.length || from === '') return null;
  const begin = starts[index];
  const end = index + 1 < starts.length ? starts[index + 1] : text.length;
  const item = text.slice(begin, end);
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`([:：]\\s*)${escaped}(?=\\s*(?:[。；;，,]|<|$))`, 'g');
  if (!re.test(item)) return null;
  re.lastIndex = 0;
  const fixed = item.replace(re, (_m, colon: string) => colon + to);
  return text.slice(0, begin) + fixed + text.slice(end);
}

/** Money units in 万元 each: the standard ones (`MoneyUnit`) and the short `万`, `亿` (`300万`). */
const WAN_PER_UNIT: Readonly<Record<string, string>> = {
  万元: '1',
  元: '0.0001',
  千元: '0.1',
  亿元: '10000',
  万: '1',
  亿: '10000',
};

/** Whether a parsed unit is money (`万元`, `元`, `千元`, `亿元`, `万`, `亿`). */
export function isMoneyUnit(unit: string | null): boolean {
  return unit !== null && Object.prototype.hasOwnProperty.call(WAN_PER_UNIT, unit);
}

/** A money value in 万元 (the upper bound of a range), or null when the value is not money. */
export function moneyWan(p: ParsedValue): Big | null {
  const standard = moneyInWan(p, 'upper');
  if (standard) return standard;
  if (!isMoneyUnit(p.unit)) return null;
  const n = upperOf(p) ?? numberOf(p);
  return n ? n.times(WAN_PER_UNIT[p.unit as string]) : null;
}

export { isPercent, numberOf, upperOf };

/** Whether the value is an upper limit (or an exact amount, which the clerk means as one). */
export function isCap(c: Comparator | null): boolean {
  return c === '≤' || c === '<' || c === '=' || c === null;
}

/** Whether the value is a lower limit (or an exact target). */
export function isFloor(c: Comparator | null): boolean {
  return c === '≥' || c === '>' || c === '=' || c === null;
}

/** `不超过6104万元`, `控制在50万元以内`: a cost cap written in words. */
const CAP_IN_WORDS =
  /(?:不超过|不高于|不大于|控制在|低于|少于)\s*([\d,]+(?:\.\d+)?)\s*(亿元|万元|千元|元|万)/;

/** A cost cap in 万元: `≤120万元`, `120万元`, `不超过120万元`; null when the value is not one. */
export function costCapWan(p: ParsedValue): Big | null {
  if (p.kind === 'quantitative') return isCap(p.comparator) ? moneyWan(p) : null;
  const m = CAP_IN_WORDS.exec(p.normalised);
  if (!m) return null;
  return new Big(m[1].replace(/,/g, '')).times(WAN_PER_UNIT[m[2]]);
}

/** Number of decimals written in a decimal string. */
export function decimalsIn(s: string): number {
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}
