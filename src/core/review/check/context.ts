import type { ShareClaim, CompletionClaim, ChangeClaim } from '../claims';
import { DoubtLog } from '../doubt-log';
import type Decimal from 'decimal.js';
import type { Reporter } from '../report';
import type { ReviewRule } from '../schema';
import type { Subjects } from '../sources';

/** A percentage 0.01 point off: settled once all claims are read (a list forced to 100% is told apart). */
export interface Near {
  claim: ShareClaim | CompletionClaim | ChangeClaim;
  rule: ReviewRule;
  expected: Decimal;
  truncated: boolean;
  message: string;
  cells: string[];
}

/** What every check shares: where findings go, the sources, the doubts, and how many claims were checked. */
export class CheckContext {
  /** Claims compared against a source or against the text's own figures (“未发现不一致” needs at least one). */
  checked = 0;
  readonly near: Near[] = [];
  readonly doubtLog: DoubtLog;

  constructor(
    readonly r: Reporter,
    readonly subjects: Subjects,
  ) {
    this.doubtLog = new DoubtLog(r);
  }

  get doubts() {
    return this.subjects.doubts;
  }
}
