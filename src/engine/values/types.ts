/** The comparisons of docs/domain.md §3, in their standard code points. */
export type Comparator = '≥' | '≤' | '=' | '>' | '<';

/** A problem with how a value is written, found while parsing it. Rules turn these into findings. */
export type ValueProblem =
  /** `《15万元`, `》90%`, `〉3次`: a book-title mark typed for a comparison; inclusive sign first */
  | { readonly type: 'operator-typo'; readonly suggestions: ReadonlyArray<string> }
  /** `≥180≥180万条`, `13969.56标箱标箱` */
  | { readonly type: 'duplicated'; readonly suggestion: string }
  /** `<p>`, `</p>`, `&nbsp;` */
  | { readonly type: 'markup'; readonly suggestion: string }
  /** full-width digits or signs, `>=`, stray spaces, trailing `。` */
  | { readonly type: 'not-normalised'; readonly suggestion: string };

/** An indicator value (指标值) parsed: comparison + number + unit, or qualitative text. */
export interface ParsedValue {
  /** the text as written */
  readonly raw: string;
  /** the clean text: standard signs, half-width digits, no markup, no duplicate (the 规范 column) */
  readonly normalised: string;
  readonly kind: 'empty' | 'quantitative' | 'qualitative';
  /** the comparison written (after normalising); null when none is written */
  readonly comparator: Comparator | null;
  /** the number as an exact decimal string (`1000`, `0.5`); the lower bound of a range */
  readonly number: string | null;
  /** the upper bound of a range (`70-80个` → number 70, upper 80) */
  readonly upper: string | null;
  /** the unit after the number (`%`, `万元`, `个`, `次/年`); null when none */
  readonly unit: string | null;
  readonly problems: ReadonlyArray<ValueProblem>;
  /**
   * text written before the comparison and number of a quantitative value, kept in `normalised`:
   * `车` in `车2台`, `活动满意度` in `活动满意度大于95%`; absent when nothing precedes the number
   */
  readonly prefix?: string;
  /** the number is approximate: `约90家`, `90家左右`; absent otherwise */
  readonly approximate?: true;
  /** a qualitative value naming a point in time: `2023年底前`, `2023年12月中旬前`; absent otherwise */
  readonly deadline?: true;
}
