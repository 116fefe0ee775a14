import type { Rule } from '../rule';
import { headerDepartmentRule } from './header-department';
import { departmentPlaceholderRule } from './department-placeholder';
import { departmentShortenedRule } from './department-shortened';
import { departmentMismatchRule } from './department-mismatch';
import { headerYearRule } from './header-year';
import { tableEmptyStatementRule } from './table-empty-statement';
import { subjectCodeStructureRule } from './subject-code-structure';
import { subjectNameRule } from './subject-name';
import { economicNameRule } from './economic-name';
import { classNameConsistencyRule } from './class-name-consistency';
import { gpbFundSubjectsRule } from './gpb-fund-subjects';
import { t09BudgetCopiedRule } from './t09-budget-copied';

/** Headers, 科目 codes and names, table presence (domain.md §1.3, B15–B17). */
export const STRUCTURE_RULES: Rule[] = [
  headerDepartmentRule,
  departmentPlaceholderRule,
  departmentShortenedRule,
  departmentMismatchRule,
  headerYearRule,
  tableEmptyStatementRule,
  subjectCodeStructureRule,
  subjectNameRule,
  economicNameRule,
  classNameConsistencyRule,
  gpbFundSubjectsRule,
  t09BudgetCopiedRule,
];
