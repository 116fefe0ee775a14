/**
 * The years a header names: “2024年预算数”, “2024年度”, and “2017-预算数” as a 岳阳 2017 table printed it
 * (docs/budget-layouts.md B6: the 年 lost to a date format).
 */
function yearsIn(header: string): number[] {
  return [...header.matchAll(/(\d{4})\s*(?:年|[-－—](?=\s*(?:预算|执行|决算)))/g)].map((m) => Number(m[1]));
}

/**
 * A column of a budget table that is not this year's budget: last year's 执行数 or 预算数 printed for comparison,
 * an 增减 column, a 决算数, or a year other than the budget year (“2023年预算数” in a 2024 budget).
 */
export function isOtherYearColumn(header: string, year: number | undefined): boolean {
  if (/上年|去年|上一年|执行|决算|实际|增减|增长|减少|变动|比较|对比|差额|%|率/.test(header)) return true;
  if (year === undefined) return false;
  const years = yearsIn(header);
  return years.length > 0 && !years.includes(year);
}

/** A column that says it is this year's: 本年 / 当年, or the budget year (“2024年预算数”, “2024-预算数”). */
export function isThisYearColumn(header: string, year: number | undefined): boolean {
  return /本年|当年/.test(header) || (year !== undefined && yearsIn(header).includes(year));
}
