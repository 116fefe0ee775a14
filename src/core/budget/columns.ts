/**
 * A column of a budget table that is not this year's budget: last year's 执行数 or 预算数 printed for comparison,
 * an 增减 column, a 决算数, or a year other than the budget year (“2023年预算数” in a 2024 budget).
 */
export function isOtherYearColumn(header: string, year: number | undefined): boolean {
  if (/上年|去年|上一年|执行|决算|实际|增减|增长|减少|变动|比较|对比|差额|%|率/.test(header)) return true;
  if (year === undefined) return false;
  const years = [...header.matchAll(/(\d{4})年/g)].map((m) => Number(m[1]));
  return years.length > 0 && !years.includes(year);
}
