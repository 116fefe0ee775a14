import type Decimal from 'decimal.js';
import type { Figure } from './numbers';
import type { OutlineSection } from './sections';
import type { Span } from './text';

/**
 * The claims of a narrative, one type per kind: an amount (the year's figure, a budget, the prior year's), a
 * share, a completion rate, an increase/decrease (amount or rate), a comparison word (大于/小于/持平/等于), a
 * 持平 against the prior year, a count, a 主要包括 list of 经济分类 items, and a “X（类）Y（款）Z（项）” label.
 * Figures whose subject cannot be told are not claims (they cannot be checked); what the text states nearby
 * (its own figures) travels with each rate so that a rate can be checked against the text as written as well
 * as against the tables. The reading itself is in read/ (one handler per kind); the checking in checks.ts.
 */
export type Direction = 'up' | 'down';

/** The budget a figure is called: 年初预算 (as passed at the start of the year) or 全年预算 (as adjusted). */
export type BudgetBasis = '年初' | '全年';

interface ClaimBase {
  section: OutlineSection;
  /** The text to quote (clean span). */
  quote: Span;
}

export interface AmountClaim extends ClaimBase {
  kind: 'amount';
  role: 'actual' | 'budget' | 'prior';
  subject: string;
  value: Decimal;
  /** Absent for a figure stated in words (“年初未安排预算” → 0, “上年无此项支出” → 0). */
  figure?: Figure;
  /** For a budget: what the text calls it, when it says (“年初预算为”, “全年预算数”, “调整后预算”). */
  basis?: BudgetBasis;
}

export interface ShareClaim extends ClaimBase {
  kind: 'share';
  subject: string;
  /** Denominator subject; 'none' when it is named but not one the tables hold. */
  base?: string;
  figure: Figure;
  /** The part as stated just before (“47.3万元，占9.1%”). */
  part?: Decimal;
  /** The denominator as stated in the section, when it is. */
  whole?: Decimal;
}

export interface CompletionClaim extends ClaimBase {
  kind: 'completion';
  subject: string;
  figure: Figure;
  statedActual?: Decimal;
  statedBudget?: Decimal;
}

export interface ChangeClaim extends ClaimBase {
  kind: 'change' | 'change-rate';
  subject: string;
  figure: Figure;
  /** The direction words as written (“增加减少”). */
  words: string;
  directions: Direction[];
  statedCurrent?: Decimal;
  /** For a rate: the 增减额 stated just before, with its words. */
  amount?: { value: Decimal; directions: Direction[] };
}

/** 等于 is read as 持平 (both say the two figures are the same); `written` keeps the word as written. */
export type CompareWord = '大于' | '小于' | '持平';

export interface CompareClaim extends ClaimBase {
  kind: 'compare';
  subject: string;
  against: 'budget' | 'prior';
  word: CompareWord;
  written: string;
  statedActual?: Decimal;
  statedBudget?: Decimal;
  statedPrior?: Decimal;
}

export interface FlatClaim extends ClaimBase {
  kind: 'flat';
  subject: string;
  statedCurrent?: Decimal;
}

export interface CountClaim extends ClaimBase {
  kind: 'count';
  subject: string;
  figure: Figure;
}

/** “人员经费…主要包括：基本工资、津贴补贴…”: the 经济分类 items a 六 list names. */
export interface ListClaim extends ClaimBase {
  kind: 'list';
  group: 'personnel' | 'public';
  /** Each named item as written (clean text, 等/等支出 dropped), with its span. */
  items: Array<{ name: string; span: Span }>;
}

export interface LabelClaim extends ClaimBase {
  kind: 'label';
  /** Clean text of the label (“一般公共服务（类）发展与改革事务（款）事业运行（项）”), missing levels filled in from the label before. */
  label: string;
  table: '05' | '07' | '08';
  /** The 支出决算 the item states, to tell apart 项 of the same name. */
  statedActual?: Decimal;
  /** Filled by the resolver: the subject key `item:05:2010450`. */
  subject?: string;
}

export type Claim = AmountClaim | ShareClaim | CompletionClaim | ChangeClaim | CompareClaim | FlatClaim | CountClaim | ListClaim | LabelClaim;

export interface Extraction {
  claims: Claim[];
  /** Every figure read, claimed or not, with its section. */
  figures: Array<{ figure: Figure; section: OutlineSection; claimed: boolean; expects?: 'percent' | 'amount' }>;
  /** Item labels by section, in order. */
  items: LabelClaim[];
}

/** Resolves an item label to its subject key (`item:05:CODE`) or undefined. Provided by labels.ts. */
export type ItemResolver = (claim: LabelClaim) => string | undefined;

