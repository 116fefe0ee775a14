import type { BudgetFigures } from '../budget/types';
import type { Finding } from '../findings/finding';
import type { WorkbookSnapshot } from '../workbook/snapshot';

/**
 * The workbooks beside the 决算 that the 情况说明 may take figures from: last year's 决算 (read with the same
 * reader) and this year's published 部门预算 (read by src/core/budget). `name` is how messages and cell
 * references name the workbook (its file name): `[2023年决算.xlsx]公开01表!E40`.
 */
export interface PriorInput {
  snapshot: WorkbookSnapshot;
  name: string;
}

export interface BudgetInput {
  figures: BudgetFigures;
  name: string;
  /** The budget reader's own findings (budget-*), passed through with the sources' findings. */
  findings?: readonly Finding[];
}

export interface SourceInputs {
  prior?: PriorInput;
  budget?: BudgetInput;
}
