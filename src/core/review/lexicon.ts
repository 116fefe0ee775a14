import { CLASS_ROWS } from '../subjects/classes';
import type { CountKey } from '../supplement/fields';
import type { SectionKind } from './sections';

/**
 * The words that name a figure's subject, by section (domain.md §2.3 N01–N16, §3.2 sentence templates): a
 * figure belongs to the last subject named before it in its sentence, else to the subject of the sentence
 * before. `'='` keeps the current subject (“共涉及资金”). Patterns run on the clean text (no whitespace,
 * full-width brackets).
 */
export interface Term {
  re: RegExp;
  key: string;
}

const t = (re: RegExp, key: string): Term => ({ re: new RegExp(re.source, 'g'), key });

const TOTAL_01 = t(/(?:收[、，]?支|收入支出|收支)总计|收入总计/, 't01.grandTotal');

const INCOME: Term[] = [
  t(/本年收入合计|收入合计/, 't01.totalIncome'),
  TOTAL_01,
  t(/财政拨款收入/, 'income.fiscal'),
  t(/一般公共预算财政拨款(?:收入)?/, 'income.gpb'),
  t(/政府性基金预算财政拨款(?:收入)?/, 'income.gf'),
  t(/国有资本经营预算财政拨款(?:收入)?/, 'income.soc'),
  t(/上级补助收入/, 'income.superior'),
  t(/事业收入/, 'income.business'),
  t(/经营收入/, 'income.operating'),
  t(/附属单位上缴收入/, 'income.affiliated'),
  t(/其他收入/, 'income.other'),
  t(/使用非财政拨款结余(?:（含专用结余）)?/, 'income.useNonFiscalBalance'),
  t(/年初结转和结余/, 'income.opening'),
];

const EXPENSE: Term[] = [
  t(/本年支出合计|支出合计/, 't03.total'),
  t(/基本支出/, 't03.basic'),
  t(/项目支出/, 't03.project'),
  t(/上缴上级支出/, 't03.toSuperior'),
  t(/经营支出/, 't03.operating'),
  t(/对附属单位补助支出/, 't03.toAffiliated'),
  t(/结余分配/, 'exp.distribution'),
  t(/年末结转和结余/, 'exp.closing'),
];

const GPB: Term[] = [t(/(?:一般公共预算)?财政拨款支出/, 'gpb.total')];

/** 类 names as 五（二） writes them: “一般公共服务（类）支出”, “社会保障和就业支出”, “节能环保支出（类）”. */
const CLASSES: Term[] = CLASS_ROWS.flatMap((row) =>
  [row.name, ...row.aliases].map((name) => {
    const stem = name.replace(/支出$/, '');
    const re = stem.length >= 3 && stem !== name ? `${escape(stem)}(?:（类）)?(?:支出)?(?:（类）)?` : `${escape(name)}(?:（类）)?`;
    return t(new RegExp(re), `class:${row.code}`);
  }),
);

const SANGONG: Term[] = [
  t(/[“"]?三公[”"]?经费(?:财政拨款)?(?:支出)?/, 'sg.total'),
  t(/因公出国（境）(?:费用?|经费)(?:支出)?/, 'sg.abroad'),
  t(/公务用车购置(?:费)?及运行(?:维护)?(?:费)?(?:支出)?/, 'sg.vehicle'),
  t(/公务用车购置(?:费|支出)(?!及)(?:支出)?/, 'sg.purchase'),
  t(/公务用车运行(?:维护)?(?:费|支出)(?:支出)?/, 'sg.operation'),
  t(/(?:国内)?公务接待(?:费|支出)?(?:支出)?/, 'sg.reception'),
];

const FUND_07: Term[] = [
  t(/政府性基金(?:预算)?(?:财政拨款)?收入/, 'fund07.income'),
  t(/政府性基金(?:预算)?(?:财政拨款)?支出/, 'fund07.expense'),
];
const FUND_08: Term[] = [
  t(/国有资本经营(?:预算)?(?:财政拨款)?收入/, 'fund08.income'),
  t(/国有资本经营(?:预算)?(?:财政拨款)?支出/, 'fund08.expense'),
];

const LEXICON: Partial<Record<SectionKind, Term[]>> = {
  overview: [TOTAL_01, t(/本年收入合计/, 't01.totalIncome'), t(/本年支出合计/, 't03.total'), t(/使用非财政拨款结余/, 'income.useNonFiscalBalance'), t(/年初结转和结余/, 'income.opening'), t(/年末结转和结余/, 'exp.closing')],
  fiscal: [t(/(?:财政拨款)?(?:收[、，]?支|收入支出|收支)总计/, 't04.grandTotal')],
  income: INCOME,
  expense: EXPENSE,
  gpb: GPB,
  'gpb-overall': GPB,
  'gpb-structure': [...GPB, ...CLASSES],
  'gpb-detail': GPB,
  basic: [t(/(?:一般公共预算财政拨款)?基本支出/, 'basic.total'), t(/人员经费/, 'basic.personnel'), t(/(?:日常)?公用经费/, 'basic.public')],
  sangong: SANGONG,
  'sangong-overall': SANGONG,
  'sangong-detail': SANGONG,
  'gov-fund': [...FUND_07, ...FUND_08, t(/^，?支出(?:收入)?/, '=fund-expense')],
  'state-capital': [...FUND_08, t(/^，?支出(?:收入)?/, '=fund-expense')],
  'operating-cost': [t(/机关运行经费(?:支出)?/, 'opcost')],
  'general-expense': [t(/会议费/, 'meeting'), t(/培训费/, 'training'), t(/(?:节庆、晚会、论坛、)?赛事活动(?:经费|支出)?/, 'festival')],
  procurement: [
    t(/政府采购(?:支出)?总额|政府采购金额(?:（以合同签订为准）)?/, 'proc.total'),
    t(/(?:政府采购)?货物(?:采购)?(?:支出|金额)/, 'proc.goods'),
    t(/(?:政府采购)?工程(?:采购)?(?:支出|金额)/, 'proc.works'),
    t(/(?:政府采购)?服务(?:采购)?(?:支出|金额)/, 'proc.services'),
    t(/授予中小企业合同金额/, 'proc.sme'),
    t(/授予小微企业合同金额/, 'proc.small'),
    t(/货物采购授予中小企业合同金额/, 'proc.smeGoods'),
    t(/工程采购授予中小企业合同金额/, 'proc.smeWorks'),
    t(/服务采购授予中小企业合同金额/, 'proc.smeServices'),
  ],
  performance: [
    t(/涉及项目/, 'perf.total'),
    t(/(?:共)?涉及(?:预算)?(?:资金|金额)/, '='),
    t(/一般公共预算(?:绩效自评)?项目/, 'perf.gpb'),
    t(/政府性基金预算(?:绩效自评)?项目/, 'perf.gf'),
    t(/国有资本经营预算(?:绩效自评)?项目/, 'perf.soc'),
    t(/社会保险基金预算(?:绩效自评)?项目/, 'perf.ssf'),
    t(/整体支出/, 'perf.overall'),
    t(/编报绩效目标的/, 'perf.target'),
    t(/绩效跟踪评价的/, 'perf.track'),
    t(/绩效自评的/, 'perf.total'),
  ],
};

export function lexicon(kind: SectionKind): Term[] {
  return LEXICON[kind] ?? [];
}

/** The subject named last in `text` (greatest end; the longest on a tie), with where it ends. */
export function lastSubject(kind: SectionKind, text: string): { key: string; end: number; start: number } | undefined {
  let best: { key: string; end: number; start: number } | undefined;
  for (const term of lexicon(kind)) {
    term.re.lastIndex = 0;
    for (let m = term.re.exec(text); m; m = term.re.exec(text)) {
      if (m[0].length === 0) {
        term.re.lastIndex++;
        continue;
      }
      const end = m.index + m[0].length;
      if (!best || end > best.end || (end === best.end && m.index < best.start)) best = { key: term.key, end, start: m.index };
    }
  }
  return best;
}

/** The denominator a “占X的” names. */
export function shareBase(descriptor: string): string | undefined {
  const d = descriptor.replace(/[“”"]/g, '');
  if (d === '') return undefined;
  if (/社会保险基金/.test(d)) return 'none';
  if (/一般公共预算/.test(d)) return 'gpb.total';
  if (/政府性基金/.test(d)) return 'fund07.expense';
  if (/国有资本经营/.test(d)) return 'fund08.expense';
  if (/本年支出合计|支出合计/.test(d)) return 't03.total';
  if (/本年收入合计|收入合计/.test(d)) return 't01.totalIncome';
  if (/基本支出/.test(d)) return 'basic.total';
  if (/三公/.test(d)) return 'sg.total';
  if (/授予中小企业/.test(d)) return 'proc.sme';
  if (/政府采购/.test(d)) return 'proc.total';
  if (/货物/.test(d)) return 'proc.goods';
  if (/工程/.test(d)) return 'proc.works';
  if (/服务/.test(d)) return 'proc.services';
  return 'none';
}

/** The 说明数据 count (or 绩效 subject) a “N个 / N人次 / N辆” states. */
export function countSubject(kind: SectionKind, clause: string, current: string | undefined, unit: string, previous?: string): string | undefined {
  const cnt = (k: CountKey) => `cnt:${k}`;
  if (kind.startsWith('sangong')) {
    if (unit === '人次' && previous === cnt('receptionForeignBatches') && /^[、，]?$/.test(clause)) return cnt('receptionForeignPersons');
    if (/外宾(?:接待)?$/.test(clause)) return unit === '人次' ? cnt('receptionForeignPersons') : cnt('receptionForeignBatches');
    if (/保有量(?:为|是)?$/.test(clause)) return cnt('vehicleHeld');
    if (/(?:购置|更新)(?:了)?(?:公务用车)?$/.test(clause) || (/公务用车$/.test(clause) && current === 'sg.purchase')) return cnt('vehiclePurchased');
    if (/出国（境）团组$/.test(clause) || (current === 'sg.abroad' && /团组$/.test(clause))) return cnt('abroadGroups');
    if (current === 'sg.abroad' && unit === '人次') return cnt('abroadPersons');
    if (/(?:接待|来访)\S{0,6}团组$/.test(clause) || unit === '批次' || (current === 'sg.reception' && unit === '个')) return cnt('receptionBatches');
    if (unit === '人次' && (current === 'sg.reception' || /来宾$/.test(clause))) return cnt('receptionPersons');
    return undefined;
  }
  if (kind === 'general-expense' && unit === '人') {
    if (current === 'meeting') return cnt('meetingPersons');
    if (current === 'training') return cnt('trainingPersons');
    return undefined;
  }
  if (kind === 'assets') {
    const vehicles: Array<[RegExp, CountKey]> = [
      [/(?:副部（省）级以上领导|部级领导干部)用车$/, 'vehiclesMinister'],
      [/(?:主要负责人|主要领导干部)用车$/, 'vehiclesLeader'],
      [/机要通信用车$/, 'vehiclesConfidential'],
      [/应急保障用车$/, 'vehiclesEmergency'],
      [/执法执勤用车$/, 'vehiclesLaw'],
      [/特种专业技术用车$/, 'vehiclesSpecial'],
      [/离退休干部(?:服务)?用车$/, 'vehiclesRetired'],
      [/其他用车$/, 'vehiclesOther'],
      [/(?:共有|拥有)?车辆$/, 'vehiclesTotal'],
      [/设备（不含车辆）$/, 'equipmentCount'],
    ];
    const hit = vehicles.find(([re]) => re.test(clause));
    return hit ? cnt(hit[1]) : undefined;
  }
  if (kind === 'performance' && unit === '个') {
    const grades: Array<[RegExp, CountKey]> = [
      [/“?优”?的项目$/, 'perfExcellent'],
      [/“?良”?的项目$/, 'perfGood'],
      [/不合格”?的项目$/, 'perfFail'],
      [/“?合格”?的项目$/, 'perfPass'],
      [/发现问题$/, 'perfIssues'],
      [/已经?完成整改的$/, 'perfFixed'],
      [/正在整改的$/, 'perfFixing'],
    ];
    const hit = grades.find(([re]) => re.test(clause));
    if (hit) return cnt(hit[1]);
    if (/项目$/.test(clause) && current?.startsWith('perf.')) return current;
  }
  return undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
