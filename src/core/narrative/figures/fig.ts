import type Decimal from 'decimal.js';

/**
 * A figure as the narrative may state it: a value (with the cells it stands on), or a question — the placeholder
 * 【请填写：…】, made (and its finding recorded) only when the sentence that needs it is written.
 */
export type Fig = { value: Decimal; cells: string[] } | { ask: () => string };

export function isKnown(f: Fig): f is { value: Decimal; cells: string[] } {
  return 'value' in f;
}

export function known(value: Decimal, cells: string[] = []): Fig {
  return { value, cells };
}
