import type { BudgetBasis } from '../claims';
import { explaining } from './change';
import type { Cue, ReadingState } from './state';

const BUDGET_END = /(年初|全年|调整后)?预算(?:数)?(?:为|是)?$/;
const ACTUAL_END = /(?:决算|执行)(?:数)?(?:为|是)?$|支出(?:为|是)$/;
const PRIOR_END = /上年(?:数|决算数?)?(?:为|是)$/;

/**
 * An amount: the year's figure, a budget (“年初预算为”, “全年预算数”), or the prior year's (“上年为”). It belongs to
 * the subject its sentence names, else — when its words say budget/actual/prior, or nothing stands before it —
 * to the current subject. A bare number without decimals is not an amount (it is a count or a number in words).
 */
export function readAmount(cue: Cue, st: ReadingState): boolean {
  const f = cue.figure;
  const clause = cue.clause;
  const budget = BUDGET_END.exec(clause);
  const budgetRole = !!budget && !/涉及预算$/.test(clause);
  const actualRole = ACTUAL_END.test(clause);
  const priorRole = PRIOR_END.test(clause);
  if (explaining(cue, st) && !budgetRole && !actualRole && !priorRole) {
    st.record(f, false, 'amount');
    st.lastAmount = undefined;
    return true;
  }
  // Inside an item, “其中：基本支出为X万元，项目支出为Y万元” are the item's columns, not its total.
  const column = st.fixed && st.current?.startsWith('item:') ? /(基本|项目)支出(?:为|是)?$/.exec(clause) : null;
  if (column) {
    const subject = `${st.current}:${column[1] === '基本' ? 'basic' : 'project'}`;
    st.record(f, true, 'amount');
    st.claim({ kind: 'amount', role: 'actual', section: st.section, quote: { start: cue.quoteFrom(), end: cue.event.end }, subject, value: f.value, figure: f });
    return true;
  }
  const who = st.named(cue.sentence);
  if (who) st.current = who;
  const leadEmpty = clause === '' && cue.lead === '';
  const resolved = who ?? (budgetRole || actualRole || priorRole || leadEmpty ? st.current : undefined);
  if (f.kind === 'bare' && f.decimals === 0) {
    st.record(f, false);
    return true;
  }
  st.record(f, !!resolved, 'amount');
  if (!resolved) {
    st.lastAmount = undefined;
    return true;
  }
  const role = budgetRole ? 'budget' : priorRole ? 'prior' : 'actual';
  st.statedOf(resolved)[role] = f.value;
  st.lastAmount = { subject: resolved, value: f.value };
  const basis: BudgetBasis | undefined = budgetRole && budget![1] ? (budget![1] === '年初' ? '年初' : '全年') : undefined;
  st.claim({
    kind: 'amount',
    role,
    ...(basis ? { basis } : {}),
    section: st.section,
    quote: { start: cue.quoteFrom(), end: cue.event.end },
    subject: resolved,
    value: f.value,
    figure: f,
  });
  return true;
}
