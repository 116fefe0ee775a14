import data from './data/functional-aliases.json';
import { normalizeLabel } from '../util/text';

/**
 * Older or regional names of a 支出功能分类 code (data/functional-aliases.json): 旧称 in every edition, so an
 * info at most. Names of the years 2019–2026 themselves are in the editions, not here.
 */
export const FUNCTIONAL_ALIASES: Readonly<Record<string, readonly string[]>> = group();

export function isFunctionalAlias(code: string, name: string): boolean {
  const printed = normalizeLabel(name);
  return (FUNCTIONAL_ALIASES[code] ?? []).some((alias) => normalizeLabel(alias) === printed);
}

function group(): Record<string, readonly string[]> {
  const byCode: Record<string, string[]> = {};
  for (const { code, name } of data.aliases) (byCode[code] ??= []).push(name);
  return Object.freeze(byCode);
}
