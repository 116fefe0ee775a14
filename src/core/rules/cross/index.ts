import type { Rule } from '../rule';
import { income0102 } from './income-01-02';
import { income0104 } from './income-01-04';
import { expense0103 } from './expense-01-03';
import { subject0203 } from './subject-02-03';
import { gpb0405 } from './fiscal-04-05';
import { fundRule } from './fund-04';
import { fiscalTotal } from './fiscal-total';
import { bound0305 } from './bound-03-05';
import { basic0506 } from './basic-05-06';
import { carryOver0104 } from './carry-over-01-04';
import { items0906 } from './items-09-06';
import { contributions0605 } from './contributions-06-05';

/** Identities and bounds between tables (domain.md §2.2). */
export const CROSS_RULES: Rule[] = [
  income0102,
  income0104,
  expense0103,
  subject0203,
  gpb0405,
  fundRule('07'),
  fundRule('08'),
  fiscalTotal,
  bound0305,
  basic0506,
  carryOver0104,
  items0906,
  contributions0605,
];
