import Decimal from 'decimal.js';
import { z } from 'zod';
import { FIELDS, type AmountKey, type CountKey, type FieldKey, type ScoreKey, type TextKey } from './fields';

/**
 * The supplementary data (说明数据) as the narrative sees it, with the cell each value came from. Amounts,
 * counts and scores are Decimal (never numbers); text is trimmed; blank cells are absent (their cell is in
 * `slots` so that a placeholder can point at it).
 */

const CELL = z.string().regex(/!\$?[A-Z]{1,3}\$?\d+$/);

/** One value cell's content, by kind: what the reader accepts (anything else → a `supplement-*` finding). */
export const AmountValueSchema = z
  .instanceof(Decimal)
  .refine((d) => d.isFinite(), { message: '不是有效金额' })
  .refine((d) => !d.isNegative(), { message: '金额不能为负数' });
export const CountValueSchema = z
  .instanceof(Decimal)
  .refine((d) => d.isFinite() && d.isInteger(), { message: '应为整数' })
  .refine((d) => !d.isNegative(), { message: '不能为负数' });
export const ScoreValueSchema = z
  .instanceof(Decimal)
  .refine((d) => d.isFinite() && !d.isNegative() && d.lte(100), { message: '得分应在 0 到 100 之间' });
export const YearValueSchema = z.string().regex(/^(19|20)\d{2}$/, { message: '应为四位年份，如 2024' });
export const TextValueSchema = z.string().trim().min(1, { message: '不能为空' });

export const UNIT_TYPES = ['administrative', 'civil-service', 'institution'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];
export const UnitTypeValueSchema = z.object({ kind: z.enum(UNIT_TYPES), text: TextValueSchema });
export type UnitTypeValue = z.infer<typeof UnitTypeValueSchema>;

function entry<T extends z.ZodType>(value: T) {
  return z.object({ value, cell: CELL });
}
export interface Entry<T> {
  value: T;
  cell: string;
}

const keysOf = (kind: string) => FIELDS.filter((f) => f.kind === kind).map((f) => f.key) as [string, ...string[]];

export const SupplementItemSchema = z.object({
  /** 科目代码, canonical digits (3, 5 or 7). */
  code: z.string().regex(/^\d{3}(\d{2}){0,2}$/),
  codeCell: CELL,
  name: z.string().optional(),
  budget: entry(AmountValueSchema).optional(),
  fullYearBudget: entry(AmountValueSchema).optional(),
  usage: entry(TextValueSchema).optional(),
  reason: entry(TextValueSchema).optional(),
  /** Where the row's 年初预算 / 主要用于 / 原因 go, also when blank. */
  slots: z.object({ budget: CELL.optional(), fullYearBudget: CELL.optional(), usage: CELL.optional(), reason: CELL.optional() }),
});
export interface SupplementItem {
  code: string;
  codeCell: string;
  name?: string;
  budget?: Entry<Decimal>;
  fullYearBudget?: Entry<Decimal>;
  usage?: Entry<string>;
  reason?: Entry<string>;
  slots: { budget?: string; fullYearBudget?: string; usage?: string; reason?: string };
}

export const SupplementSchema = z.object({
  sheet: z.string().min(1),
  year: entry(YearValueSchema).optional(),
  unitType: entry(UnitTypeValueSchema).optional(),
  amounts: z.partialRecord(z.enum(keysOf('amount')), entry(AmountValueSchema)),
  counts: z.partialRecord(z.enum(keysOf('count')), entry(CountValueSchema)),
  texts: z.partialRecord(z.enum(keysOf('text')), entry(TextValueSchema)),
  scores: z.partialRecord(z.enum(keysOf('score')), entry(ScoreValueSchema)),
  slots: z.partialRecord(z.enum(FIELDS.map((f) => f.key) as [string, ...string[]]), CELL),
  items: z.array(SupplementItemSchema),
  /** The 项级科目 table's header row (sheet!A1 of its 科目代码 cell), when the sheet has one. */
  itemHeaderCell: CELL.optional(),
});

export interface Supplement {
  sheet: string;
  year?: Entry<string>;
  unitType?: Entry<UnitTypeValue>;
  amounts: Partial<Record<AmountKey, Entry<Decimal>>>;
  counts: Partial<Record<CountKey, Entry<Decimal>>>;
  texts: Partial<Record<TextKey, Entry<string>>>;
  scores: Partial<Record<ScoreKey, Entry<Decimal>>>;
  slots: Partial<Record<FieldKey, string>>;
  items: SupplementItem[];
  itemHeaderCell?: string;
}

