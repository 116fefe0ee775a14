import type { Finding } from '../findings/finding';
import type { TablesModel } from '../tables/model';
import type { WorkbookFacts } from '../tables/facts';
import { RuleContext } from './context';
import type { Rule } from './rule';
import { errorText } from '../util/error-text';

/**
 * Runs rules over the model (and what the workbook states beside it: `readWorkbook(…).facts`); a rule that
 * fails is a finding, and the others still run.
 */
export function runRules(model: TablesModel, rules: readonly Rule[], facts: WorkbookFacts = {}): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!rule.tables.every((t) => model[t] !== undefined)) continue;
    const ctx = new RuleContext(model, rule, facts);
    try {
      rule.check(ctx);
      findings.push(...ctx.findings);
    } catch (error) {
      findings.push({
        rule: 'internal-rule-error',
        severity: 'error',
        message: `审核规则 ${rule.id}（${rule.title}）运行出错：${errorText(error)}。其他规则照常审核；请将文件反馈给开发者。`,
        cells: [],
      });
    }
  }
  return findings;
}
