/** The shape of 支出功能分类 codes: 类 = 3 digits, 款 = 类 + 2, 项 = 款 + 2 (domain.md §1.3), whatever the edition. */
export type FunctionalLevel = '类' | '款' | '项';

const LEVEL_BY_LENGTH: Record<number, FunctionalLevel> = { 3: '类', 5: '款', 7: '项' };

/** Code as printed → canonical digits: full-width digits, spaces (“201 06 01”) and line breaks removed. */
export function canonicalCode(code: string): string {
  return String(code)
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');
}

/** '类' | '款' | '项' by shape (3/5/7 digits), whether or not the code is in a dictionary. */
export function functionalLevel(code: string): FunctionalLevel | undefined {
  const c = canonicalCode(code);
  return /^\d+$/.test(c) ? LEVEL_BY_LENGTH[c.length] : undefined;
}

/** 项 → 款, 款 → 类, 类 → undefined. */
export function parentCode(code: string): string | undefined {
  const c = canonicalCode(code);
  const level = functionalLevel(c);
  if (level === '项') return c.slice(0, 5);
  if (level === '款') return c.slice(0, 3);
  return undefined;
}
