/**
 * Values that name a point in time (时效指标): `2023年底前`, `2023年12月底前`, `2023年12月中旬前`,
 * `计划2023年底前完成`, `12月31日前`, `年底前`. Spans (`4月-12月`, `2023年6月-12月`) are not.
 */
const DATED = new RegExp(
  '^(?:计划|预计|力争|争取|确保|须|需|应|于|在)?' +
    '(?:(\\d{4})年)?(?:(\\d{1,2})月)?(?:\\d{1,2}[日号])?' +
    '(?:底|末|中旬|上旬|下旬|初|中)?' +
    '(?:之前|以前|前|以内|之内|内|止|为止)?' +
    '(?:前?完成|完工|结束|办结|验收|实施完毕)?$',
);
const UNDATED = /^(?:本|当|今)?年(?:底|末|内)(?:之前|以前|前)?(?:完成)?$/;

/** Whether a clean value is a deadline or a date (qualitative, flagged `deadline`). */
export function isDeadline(s: string): boolean {
  const m = DATED.exec(s);
  if (m !== null) return m[1] !== undefined || m[2] !== undefined;
  return UNDATED.test(s);
}
