/** The two blocks of 公开09表, with the names messages use. */
export const BLOCKS_09 = [
  { key: 'budget', name: '预算数' },
  { key: 'actual', name: '决算数' },
] as const;
