import { sum } from '../../narrative/money';
import { cents, formatMoney } from '../../util/money';
import { economicEdition, PERSONNEL_CLASSES, PUBLIC_CLASSES } from '../../subjects/economic';
import { reportYear } from '../../tables/report-year';
import type { EconomicItem } from '../../tables/model';
import { normalizeLabel } from '../../util/text';
import type { ListClaim } from '../claims';
import { distance } from '../labels';
import type { CheckContext } from './context';

/**
 * 六's “主要包括” lists against 公开06表: a list names the 经济分类 items of its group (人员经费: 301, 303; 公用经费:
 * 302, 307, 310, 399) that have an amount. Naming an item that is empty in 06, and leaving out one that is not,
 * are both reported — in one finding per list, which names every such item. A 类 name (“对个人和家庭的补助”)
 * covers its 款. Names no 经济分类 item has are left alone (they may be a local wording).
 */
interface Known {
  code: string;
  names: string[];
  amount?: EconomicItem['amount'];
}

export function checkList(c: ListClaim, ctx: CheckContext): void {
  const t06 = ctx.subjects.model['06'];
  if (!t06) return;
  const classes = c.group === 'personnel' ? PERSONNEL_CLASSES : PUBLIC_CLASSES;
  const year = reportYear(ctx.subjects.model);
  const known = new Map<string, Known>();
  for (const [code, name] of economicEdition(year)) if (classes.includes(code.slice(0, 3))) known.set(code, { code, names: [name] });
  for (const item of t06.items) {
    if (!classes.includes(item.code.slice(0, 3))) continue;
    const k = known.get(item.code) ?? { code: item.code, names: [] };
    k.names.push(item.name);
    k.amount = item.amount;
    known.set(item.code, k);
  }
  // A 类 not printed in 06 has the sum of its printed 款.
  const amountOf = (code: string) => {
    const printed = known.get(code)?.amount;
    if (printed) return cents(printed.value);
    return sum(t06.items.filter((i) => code.length === 3 && i.level === '款' && i.code.startsWith(code)).map((i) => cents(i.amount.value)));
  };
  const named = new Set<string>();
  const empty: Array<{ name: string; code: string; cell?: string }> = [];
  for (const item of c.items) {
    const code = match(item.name, known);
    if (!code) continue;
    named.add(code);
    if (amountOf(code).isZero()) empty.push({ name: item.name, code, cell: known.get(code)?.amount?.cell });
  }
  ctx.checked++;
  const covered = (code: string) => named.has(code) || named.has(code.slice(0, 3));
  const missing = t06.items.filter((i) => i.level === '款' && classes.includes(i.code.slice(0, 3)) && !cents(i.amount.value).isZero() && !covered(i.code));
  if (empty.length === 0 && missing.length === 0) return;
  const group = c.group === 'personnel' ? '人员经费' : '公用经费';
  const parts = [
    empty.length ? `列出了公开06表中没有支出的${empty.map((e) => `“${e.name}”（${e.code}）`).join('、')}` : '',
    missing.length ? `漏列了有支出的${missing.map((i) => `“${i.name.trim()}”（${i.code}，${formatMoney(i.amount.value)} 万元）`).join('、')}` : '',
  ].filter(Boolean);
  ctx.r.add('review-list', 'warning', c.quote, c.section, `${group}“主要包括”的项目应为公开06表中有支出的科目：${parts.join('；')}。`, {
    cells: [...empty.flatMap((e) => (e.cell ? [e.cell] : [])), ...missing.map((i) => i.amount.cell)],
    table: '06',
  });
}

const key = (s: string) => normalizeLabel(s).replace(/[“”"]/g, '');
/** Spellings of one item: “因公出国（境）费用” is also written “因公出国（境）费”, “…缴费支出” as “…缴费”. */
const variants = (s: string) => {
  const k = key(s);
  return new Set([k, k.replace(/费用$/, '费'), k.replace(/支出$/, ''), k.replace(/费$/, '费用')]);
};

/** The code an item of the list names: the same name or a spelling of it, else one character off (names of five or more). */
function match(name: string, known: ReadonlyMap<string, Known>): string | undefined {
  const forms = variants(name);
  for (const k of known.values()) if (k.names.some((n) => [...variants(n)].some((v) => forms.has(v)))) return k.code;
  const n = key(name);
  if (n.length < 5) return undefined;
  for (const k of known.values()) if (k.names.some((x) => distance(key(x), n) <= 1)) return k.code;
  return undefined;
}
