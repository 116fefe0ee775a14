import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim, Extraction, LabelClaim } from '../../src/core/review/claims';
import { extractClaims } from '../../src/core/review/read/extract';
import { outline } from '../../src/core/review/sections';
import { NarrativeText } from '../../src/core/review/text';

/**
 * The claim handlers, one sentence form at a time: what each reads (kind, subject, role, value) and what it
 * quotes. Items resolve by a stub that names the 项 of the label, so the reading is tested alone.
 */
function read(text: string): { claims: Claim[]; ex: Extraction; nt: NarrativeText } {
  const nt = new NarrativeText(text);
  const ex = extractClaims(nt, outline(nt), (c: LabelClaim) => {
    const m = /([^（）]+)（项）$/.exec(c.label) ?? /([^（）]+)（款）$/.exec(c.label) ?? /([^（）]+)（类）$/.exec(c.label);
    return m ? `item:${c.table}:${m[1]}` : undefined;
  });
  return { claims: ex.claims, ex, nt };
}

/** A compact view: kind, subject, role/word, value, quote. */
function view(text: string): string[] {
  const { claims, nt } = read(text);
  return claims.map((c) => {
    const q = nt.quote(c.quote).replace(/\s+/g, '');
    switch (c.kind) {
      case 'amount':
        return `amount ${c.subject} ${c.role}${c.basis ? `(${c.basis})` : ''} ${c.value.toString()} “${q}”`;
      case 'share':
        return `share ${c.subject}/${c.base ?? '-'} ${c.figure.value.toString()}${c.part ? ` part=${c.part.toString()}` : ''} “${q}”`;
      case 'completion':
        return `completion ${c.subject} ${c.figure.value.toString()} actual=${c.statedActual?.toString()} budget=${c.statedBudget?.toString()} “${q}”`;
      case 'change':
      case 'change-rate':
        return `${c.kind} ${c.subject} ${c.directions.join('+')} ${c.figure.value.toString()}${c.amount ? ` amount=${c.amount.value.toString()}` : ''} “${q}”`;
      case 'compare':
        return `compare ${c.subject} ${c.against} ${c.word}(${c.written}) “${q}”`;
      case 'flat':
        return `flat ${c.subject} “${q}”`;
      case 'count':
        return `count ${c.subject} ${c.figure.value.toString()} “${q}”`;
      case 'list':
        return `list ${c.group} ${c.items.map((i) => i.name).join('|')}`;
      case 'label':
        return `label ${c.subject} actual=${c.statedActual?.toString()} “${q}”`;
    }
  });
}

test('amounts: the subject its sentence names, the role its words give (budget with 年初/全年, prior year, actual)', () => {
  assert.deepEqual(view('一、收入支出决算总体情况说明\n2024年度收、支总计519.63万元。'), ['amount t01.grandTotal actual 519.63 “2024年度收、支总计519.63万元”']);
  assert.deepEqual(view('五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n一般公共预算财政拨款支出年初预算为580.13万元，全年预算数为610.39万元，支出决算为519.63万元。'), [
    'amount gpb.total budget(年初) 580.13 “一般公共预算财政拨款支出年初预算为580.13万元”',
    'amount gpb.total budget(全年) 610.39 “全年预算数为610.39万元”',
    'amount gpb.total actual 519.63 “支出决算为519.63万元”',
  ]);
  // A figure in a reason is no claim; thousands separators and 元 are read in 万元.
  assert.deepEqual(view('一、收入支出决算总体情况说明\n收、支总计5,196,300元，主要是因为人员减少，工资支出减少10.00万元。'), ['amount t01.grandTotal actual 519.63 “收、支总计5,196,300元”']);
});

test('shares: the part named before 占 (or the amount just read), the denominator 占…的 names', () => {
  assert.deepEqual(view('三、支出决算情况说明\n本年支出合计519.63万元，其中：基本支出455.65万元，占87.69%；项目支出63.98万元，占本年支出合计的12.31%。'), [
    'amount t03.total actual 519.63 “本年支出合计519.63万元”',
    'amount t03.basic actual 455.65 “基本支出455.65万元”',
    'share t03.basic/- 87.69 part=455.65 “占87.69%”',
    'amount t03.project actual 63.98 “项目支出63.98万元”',
    'share t03.project/t03.total 12.31 part=63.98 “占本年支出合计的12.31%”',
  ]);
});

test('completion rates: with the actual and budget the sentence stated', () => {
  assert.deepEqual(view('七、财政拨款“三公”经费支出决算情况说明\n“三公”经费财政拨款支出预算为19万元，支出决算为14.32万元，完成预算的75.37%。'), [
    'amount sg.total budget 19 ““三公”经费财政拨款支出预算为19万元”',
    'amount sg.total actual 14.32 “支出决算为14.32万元”',
    'completion sg.total 75.37 actual=14.32 budget=19 “完成预算的75.37%”',
  ]);
});

test('changes: the amount and the rate with their direction words; a rate knows the amount before it', () => {
  assert.deepEqual(view('一、收入支出决算总体情况说明\n2024年度收、支总计519.63万元。与上年相比，减少6.73万元，下降1.28%。'), [
    'amount t01.grandTotal actual 519.63 “2024年度收、支总计519.63万元”',
    'change t01.grandTotal down 6.73 “减少6.73万元”',
    'change-rate t01.grandTotal down 1.28 amount=6.73 “下降1.28%”',
  ]);
  assert.deepEqual(view('一、收入支出决算总体情况说明\n收、支总计519.63万元，与上年相比增加减少6.73万元。').slice(1), ['change t01.grandTotal up+down 6.73 “增加减少6.73万元”']);
});

test('words: 大于/小于/持平/等于 against budget or prior year; 年初未安排预算 and 上年无此项支出 are zeros', () => {
  const detail = '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n';
  assert.deepEqual(view(`${detail}一般公共预算财政拨款支出年初预算为580.13万元，支出决算为519.63万元。决算数等于年初预算数。`).slice(2), ['compare gpb.total budget 持平(等于) “决算数等于年初预算数”']);
  assert.deepEqual(view(`${detail}1、一般公共服务（类）发展与改革事务（款）其他发展与改革事务支出（项）。年初未安排预算，支出决算为56.78万元。`), [
    'label item:05:其他发展与改革事务支出 actual=56.78 “一般公共服务（类）发展与改革事务（款）其他发展与改革事务支出（项）”',
    'amount item:05:其他发展与改革事务支出 budget(年初) 0 “年初未安排预算”',
    'amount item:05:其他发展与改革事务支出 actual 56.78 “支出决算为56.78万元”',
  ]);
  assert.deepEqual(view('七、财政拨款“三公”经费支出决算情况说明\n因公出国（境）费支出决算为6.90万元，上年无此项支出；公务接待费与上年相比持平。').slice(1), [
    'amount sg.abroad prior 0 “上年无此项支出”',
    'flat sg.reception “与上年相比持平”',
  ]);
});

test('counts: 团组 and 人次 of 因公出国, 批次 and 人次 of 接待, 保有量', () => {
  assert.deepEqual(view('七、财政拨款“三公”经费支出决算情况说明\n因公出国（境）费支出6.90万元，安排因公出国（境）团组1个，累计3人次。公务接待费支出0.56万元，共接待来访团组4个、来宾27人次。').filter((v) => v.startsWith('count')), [
    'count cnt:abroadGroups 1 “安排因公出国（境）团组1个”',
    'count cnt:abroadPersons 3 “累计3人次”',
    'count cnt:receptionBatches 4 “共接待来访团组4个”',
    'count cnt:receptionPersons 27 “、来宾27人次”',
  ]);
});

test('lists: 主要包括 of 人员经费 and 公用经费, items split at 、 with 等 dropped', () => {
  assert.deepEqual(view('六、一般公共预算财政拨款基本支出决算情况说明\n人员经费299.48万元，主要包括：基本工资、津贴补贴、奖金等；公用经费156.17万元，主要包括办公费、印刷费等支出。').filter((v) => v.startsWith('list')), [
    'list personnel 基本工资|津贴补贴|奖金',
    'list public 办公费|印刷费',
  ]);
});

test('labels: numbered or not, several to a paragraph, a later one naming only its 项 takes the 类 and 款 before; each amount binds to the label before it', () => {
  const text =
    '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n' +
    '社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）5.84万元，主要用于离退休人员；机关事业单位基本养老保险缴费支出（项）27.64万元；机关事业单位职业年金缴费支出（项）13.82万元。\n' +
    '2.卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。年初预算为0.80万元，支出决算为0.72万元。';
  const { ex, claims } = read(text);
  assert.deepEqual(
    ex.items.map((i) => i.label),
    [
      '社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）',
      '社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）',
      '社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）',
      '卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）',
    ],
  );
  assert.deepEqual(
    claims.filter((c) => c.kind === 'amount').map((c) => `${(c as { subject: string }).subject}=${(c as { value: { toString(): string } }).value.toString()}`),
    ['item:05:事业单位离退休=5.84', 'item:05:机关事业单位基本养老保险缴费支出=27.64', 'item:05:机关事业单位职业年金缴费支出=13.82', 'item:05:行政单位医疗=0.8', 'item:05:行政单位医疗=0.72'],
  );
  assert.deepEqual(ex.items.map((i) => i.statedActual?.toString()), ['5.84', '27.64', '13.82', '0.72']);
  // A label inside a reason is no item.
  const reason = read('五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n1、一般公共服务（类）发展与改革事务（款）其他发展与改革事务支出（项）。支出决算为56.78万元。主要原因是从事业运行（项）调整至本项。');
  assert.equal(reason.ex.items.length, 1);
});

test('类 lists of 五（二）: “一般公共服务支出（类）306.90万元” and quoted, numbered “1.“一般公共服务”306.90万元” alike', () => {
  const head = '五、一般公共预算财政拨款支出决算情况说明\n（二）一般公共预算财政拨款支出决算结构情况\n一般公共预算财政拨款支出519.63万元，主要用于以下方面：';
  const plain = view(`${head}一般公共服务支出（类）410.65万元，占79.03%；社会保障和就业支出（类）47.30万元，占9.10%。`);
  const quoted = view(`${head}1.“一般公共服务”410.65万元，占79.03%；2.“社会保障和就业”47.3万元，占9.10%。`);
  const pick = (v: string[]) => v.map((x) => x.replace(/ “.*$/, ''));
  assert.deepEqual(pick(plain), ['amount gpb.total actual 519.63', 'amount class:201 actual 410.65', 'share class:201/- 79.03 part=410.65', 'amount class:208 actual 47.3', 'share class:208/- 9.1 part=47.3']);
  assert.deepEqual(pick(quoted), pick(plain));
});

test('an item under a 类 heading: “（1）Y（款）Z（项）” takes the 类; “其中：基本支出为…” is a column of the item, not its total', () => {
  const text =
    '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n' +
    '1.一般公共服务支出（类）\n（1）发展与改革事务（款）事业运行（项）：支出决算为353.87万元，其中：基本支出为353.87万元。\n（2）其他发展与改革事务支出（项）：支出决算为56.78万元，其中：项目支出为56.78万元。';
  assert.deepEqual(view(text), [
    'label item:05:一般公共服务支出 actual=undefined “一般公共服务支出（类）”',
    'label item:05:事业运行 actual=353.87 “发展与改革事务（款）事业运行（项）”',
    'amount item:05:事业运行 actual 353.87 “支出决算为353.87万元”',
    'amount item:05:事业运行:basic actual 353.87 “基本支出为353.87万元”',
    'label item:05:其他发展与改革事务支出 actual=56.78 “其他发展与改革事务支出（项）”',
    'amount item:05:其他发展与改革事务支出 actual 56.78 “支出决算为56.78万元”',
    'amount item:05:其他发展与改革事务支出:project actual 56.78 “项目支出为56.78万元”',
  ]);
  assert.deepEqual(read(text).ex.items.map((i) => i.label), ['一般公共服务支出（类）', '一般公共服务支出（类）发展与改革事务（款）事业运行（项）', '一般公共服务支出（类）发展与改革事务（款）其他发展与改革事务支出（项）']);
});
