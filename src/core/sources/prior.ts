import type Decimal from 'decimal.js';
import type { Finding } from '../findings/finding';
import { TableFigures, type FigureKey } from '../narrative/figures';
import { formatMoney } from '../util/money';
import { readWorkbook } from '../read/read-workbook';
import type { AmountKey } from '../supplement/fields';
import type { Entry } from '../supplement/schema';
import type { WorkbookFacts } from '../tables/facts';
import { reportYear } from '../tables/report-year';
import { externalRef } from './external-ref';
import type { PriorInput } from './types';

/**
 * Last year's 决算 as the 情况说明 needs it: the figures every 与上年相比 compares with, read from last year's own
 * nine tables by the same reader and settled by the same witnesses as this year's (narrative/figures): a prior
 * figure whose table contradicts itself is stated only when its witnesses agree, else it is not used (a finding
 * says so) and the sentence keeps its blank.
 */
export interface PriorFigures {
  name: string;
  year?: number;
  /** The year its tables, cover or 目录 state (never its file name's): what may decide this year's printed year. */
  statedYear?: number;
  department?: string;
  /** The 说明数据 lines the prior workbook answers, each with its external cell and a description. */
  amounts: Partial<Record<AmountKey, Entry<Decimal>>>;
  /** 公开06表 公用经费合计: last year's 机关运行经费 when this year's is taken from 06 too. */
  publicCost?: Entry<Decimal>;
  /** Why a line stays blank: its table is missing from last year's workbook, or in doubt there. */
  gaps: Partial<Record<AmountKey, string>>;
  findings: Finding[];
}

/** The prior lines and the table figure each is (the same figure as this year's sentence states). */
export const PRIOR_LINES: ReadonlyArray<[AmountKey, FigureKey, string]> = [
  ['priorTotal', '01.grandTotal', '公开01表“总计”'],
  ['priorFiscalTotal', '04.grandTotal', '公开04表“总计”'],
  ['priorGpbExpense', '05.total', '公开05表“合计”'],
  ['sgPriorTotal', '09.actual.total', '公开09表决算数“合计”'],
  ['sgPriorAbroad', '09.actual.abroad', '公开09表决算数“因公出国（境）费”'],
  ['sgPriorPurchase', '09.actual.vehiclePurchase', '公开09表决算数“公务用车购置费”'],
  ['sgPriorOperation', '09.actual.vehicleOperation', '公开09表决算数“公务用车运行维护费”'],
  ['sgPriorReception', '09.actual.reception', '公开09表决算数“公务接待费”'],
];

export function readPrior(input: PriorInput): PriorFigures {
  const read = readWorkbook(input.snapshot);
  const figures = new TableFigures(read.model, read.facts);
  const findings: Finding[] = [];
  const book = `上年决算工作簿“${input.name}”`;
  const entry = (key: FigureKey, what: string): Entry<Decimal> | undefined => {
    const table = key.slice(0, 2) as '01';
    if (!read.model[table]) return undefined;
    const { resolution } = figures.get(key);
    if (resolution.kind === 'doubtful') {
      findings.push({
        rule: 'sources-prior-doubtful',
        severity: 'warning',
        message: `${book}的${what}数据存疑（该表勾稽关系不成立，各表也不能确定其数），情况说明未采用，相应的上年数仍需填写。请先审核上年工作簿。`,
        cells: [],
      });
      return undefined;
    }
    const w = resolution.witness;
    const cell = w.cells[0] ? externalRef(input.name, w.cells[0]) : externalRef(input.name, `公开${table}表`);
    const how = resolution.kind === 'substituted' ? `${what}（原表所印数存疑，按各表一致的数 ${formatMoney(w.value)} 万元）` : what;
    return { value: w.value, cell, from: `${book}${how}（${cell}）` };
  };
  const amounts: PriorFigures['amounts'] = {};
  const gaps: PriorFigures['gaps'] = {};
  const missing: string[] = [];
  for (const [key, figure, what] of PRIOR_LINES) {
    const e = entry(figure, what);
    const table = `公开${figure.slice(0, 2)}表`;
    if (e) amounts[key] = e;
    else if (!read.model[figure.slice(0, 2) as '01']) {
      missing.push(table);
      gaps[key] = `上年决算工作簿中无${table}`;
    } else gaps[key] = `上年决算工作簿${table}此数存疑`;
  }
  const tables = [...new Set(missing)];
  if (tables.length)
    findings.push({
      rule: 'sources-prior-missing-table',
      severity: 'warning',
      message: `${book}中未找到${tables.join('、')}，相应的上年数仍需在“说明数据”中填写。`,
      cells: [],
    });
  return {
    name: input.name,
    year: reportYear(read.model, read.facts),
    statedYear: reportYear(read.model, { year: read.facts.year }),
    department: departmentOf(read.facts),
    amounts,
    gaps,
    publicCost: read.model['06'] ? entry('06.public', '公开06表“公用经费合计”') : undefined,
    findings,
  };
}

function departmentOf(facts: WorkbookFacts): string | undefined {
  return facts.department?.name;
}
