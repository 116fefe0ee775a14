import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLASS_ROWS } from '../src/core/subjects/classes';
import {
  ECONOMIC_SUBJECTS,
  PERSONNEL_CLASSES,
  PUBLIC_CLASSES,
  economicLevel,
  economicName,
  isKnownEconomicName,
} from '../src/core/subjects/economic';
import { FUNCTIONAL_ALIASES } from '../src/core/subjects/aliases';
import {
  FUNCTIONAL_EDITION_YEARS,
  FUNCTIONAL_OBSERVATIONS,
  FUNCTIONAL_SUBJECTS,
  GOVERNMENT_FUND_CLASS_PREFIXES,
  OBSERVED_FUNCTIONAL_CODES,
  STATE_CAPITAL_CLASS_PREFIXES,
  functionalEdition,
  fullLabel,
  functionalLevel,
  functionalName,
  fundingKindOf,
  isKnownFunctionalName,
  parentCode,
} from '../src/core/subjects/functional';

/** 公开02/03/05表 rows of the seed (株洲 2024, shared/seed/000_53d5977259354c49.txt). */
const SEED_FUNCTIONAL: ReadonlyArray<[string, string]> = [
  ['201', '一般公共服务支出'],
  ['20104', '发展与改革事务'],
  ['2010450', '事业运行'],
  ['2010499', '其他发展与改革事务支出'],
  ['208', '社会保障和就业支出'],
  ['20805', '行政事业单位养老支出'],
  ['2080502', '事业单位离退休'],
  ['2080505', '机关事业单位基本养老保险缴费支出'],
  ['2080506', '机关事业单位职业年金缴费支出'],
  ['210', '卫生健康支出'],
  ['21011', '行政事业单位医疗'],
  ['2101101', '行政单位医疗'],
  ['2101102', '事业单位医疗'],
  ['2101103', '公务员医疗补助'],
  ['2101199', '其他行政事业单位医疗支出'],
  ['211', '节能环保支出'],
  ['21101', '环境保护管理事务'],
  ['2110199', '其他环境保护管理事务支出'],
  ['221', '住房保障支出'],
  ['22102', '住房改革支出'],
  ['2210201', '住房公积金'],
];

/** 公开06表 of the seed (domain.md §1.2), every printed 类 and 款. */
const SEED_ECONOMIC =
  '301 工资福利支出|30101 基本工资|30102 津贴补贴|30103 奖金|30106 伙食补助费|30107 绩效工资|' +
  '30108 机关事业单位基本养老保险缴费|30109 职业年金缴费|30110 职工基本医疗保险缴费|30111 公务员医疗补助缴费|' +
  '30112 其他社会保障缴费|30113 住房公积金|30114 医疗费|30199 其他工资福利支出|' +
  '302 商品和服务支出|30201 办公费|30202 印刷费|30203 咨询费|30204 手续费|30205 水费|30206 电费|30207 邮电费|' +
  '30208 取暖费|30209 物业管理费|30211 差旅费|30212 因公出国（境）费用|30213 维修（护）费|30214 租赁费|' +
  '30215 会议费|30216 培训费|30217 公务接待费|30218 专用材料费|30224 被装购置费|30225 专用燃料费|30226 劳务费|' +
  '30227 委托业务费|30228 工会经费|30229 福利费|30231 公务用车运行维护费|30239 其他交通费用|30240 税金及附加费用|' +
  '30299 其他商品和服务支出|' +
  '303 对个人和家庭的补助|30301 离休费|30302 退休费|30303 退职（役）费|30304 抚恤金|30305 生活补助|30306 救济费|' +
  '30307 医疗费补助|30308 助学金|30309 奖励金|30310 个人农业生产补贴|30311 代缴社会保险费|30399 其他对个人和家庭的补助|' +
  '307 债务利息及费用支出|30701 国内债务付息|30702 国外债务付息|' +
  '310 资本性支出|31001 房屋建筑物购建|31002 办公设备购置|31003 专用设备购置|31005 基础设施建设|31006 大型修缮|' +
  '31007 信息网络及软件购置更新|31008 物资储备|31009 土地补偿|31010 安置补助|31011 地上附着物和青苗补偿|' +
  '31012 拆迁补偿|31013 公务用车购置|31019 其他交通工具购置|31021 文物和陈列品购置|31022 无形资产购置|' +
  '31099 其他资本性支出|' +
  '399 其他支出|39907 国家赔偿费用支出|39908 对民间非营利组织和群众性自治组织补贴|39909 经常性赠与|' +
  '39910 资本性赠与|39999 其他支出';

function wellFormedName(name: string): boolean {
  return name.length > 0 && name === name.trim() && !/[\s\u00a0\u3000]/.test(name);
}

test('functional dictionary: codes are 3/5/7 digits and every 款/项 has its parent', () => {
  for (const [code, name] of FUNCTIONAL_SUBJECTS) {
    assert.match(code, /^\d{3}(\d{2}){0,2}$/, code);
    assert.ok(wellFormedName(name), `${code} ${JSON.stringify(name)}`);
    const parent = parentCode(code);
    if (code.length > 3) {
      assert.ok(parent && FUNCTIONAL_SUBJECTS.has(parent), `${code} has no parent ${parent}`);
      assert.ok(code.startsWith(parent!), code);
    } else {
      assert.equal(parent, undefined);
    }
  }
});

test('functional dictionary covers every 类 201–234 of the 2024 list, incl. 209/227/230/233', () => {
  const classes = [...FUNCTIONAL_SUBJECTS.keys()].filter((c) => c.length === 3);
  const expected =
    '201 202 203 204 205 206 207 208 209 210 211 212 213 214 215 216 217 219 220 221 222 223 224 227 229 230 231 232 233 234';
  assert.deepEqual(classes, expected.split(' '));
  // minimum depth asked for: 项 under the 款 of these 类
  for (const cls of '201 205 206 207 208 210 211 212 213 214 220 221 224'.split(' ')) {
    const items = [...FUNCTIONAL_SUBJECTS.keys()].filter((c) => c.length === 7 && c.startsWith(cls));
    assert.ok(items.length >= 10, `${cls}: ${items.length} 项`);
  }
});

test('every seed 02/03/05 科目 is exact', () => {
  for (const [code, name] of SEED_FUNCTIONAL) {
    assert.equal(isKnownFunctionalName(code, name), 'exact', `${code} ${name}`);
    assert.equal(functionalName(code), name);
  }
});

test('every code observed in a public source is in the edition of each year it was seen in, with that name', () => {
  assert.ok(OBSERVED_FUNCTIONAL_CODES.size >= 145, String(OBSERVED_FUNCTIONAL_CODES.size));
  for (const { source, years, codes } of FUNCTIONAL_OBSERVATIONS) {
    for (const year of years) {
      for (const code of codes) {
        const name = FUNCTIONAL_SUBJECTS.get(code);
        assert.ok(name, `${source}: ${code} not in the base edition`);
        assert.equal(functionalName(code, year), name, `${source} ${year}: ${code}`);
        assert.equal(isKnownFunctionalName(code, name!, year), 'exact', `${source} ${year}: ${code}`);
      }
    }
  }
});

test('renamed names are aliases; wrong pairs are mismatches', () => {
  assert.equal(isKnownFunctionalName('20805', '行政事业单位离退休'), 'alias');
  assert.equal(isKnownFunctionalName('2080501', '归口管理的行政单位离退休'), 'alias');
  assert.equal(isKnownFunctionalName('207', '文化体育与传媒支出'), 'alias');
  assert.equal(isKnownFunctionalName('210', '医疗卫生与计划生育支出'), 'alias');
  assert.equal(isKnownFunctionalName('2080501', '行政单位离退休'), 'exact');
  // deliberately wrong: the name of 2080502 under 2080501
  assert.equal(isKnownFunctionalName('2080501', '事业单位离退休'), 'mismatch');
  // a real misprint (石泉路街道 2025): 2111101 is 生态环境监测与信息
  assert.equal(isKnownFunctionalName('2111101', '减排专项支出'), 'mismatch');
  assert.equal(isKnownFunctionalName('2089998', '其他'), 'unknown-code');
});

test('name comparison ignores spacing, full-width brackets and quotes', () => {
  assert.equal(isKnownFunctionalName('20103', '政府办公厅(室)及相关机构事务'), 'exact');
  assert.equal(isKnownFunctionalName('2080505', '机关事业单位基本养老保险 缴费支出'), 'exact');
  assert.equal(isKnownFunctionalName('2130508', '"三西"农业建设专项补助'), 'exact');
  assert.equal(isKnownFunctionalName('208 05 02', '事业单位离退休'), 'exact');
  assert.equal(isKnownFunctionalName('２０８', '社会保障和就业支出'), 'exact');
});

test('levels, parents and full labels', () => {
  assert.equal(functionalLevel('208'), '类');
  assert.equal(functionalLevel('20805'), '款');
  assert.equal(functionalLevel('2080502'), '项');
  assert.equal(functionalLevel('2080'), undefined);
  assert.equal(functionalLevel('合计'), undefined);
  assert.equal(parentCode('2080502'), '20805');
  assert.equal(parentCode('20805'), '208');
  assert.equal(parentCode('208'), undefined);
  assert.equal(fullLabel('2080502'), '社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）');
  assert.equal(fullLabel('20805'), '社会保障和就业支出（类）行政事业单位养老支出（款）');
  assert.equal(fullLabel('2089998'), '社会保障和就业支出（类）其他社会保障和就业支出（款）2089998（项）');
  assert.equal(fullLabel('x'), undefined);
});

test('classes.ts CLASS_ROWS agree with the dictionary, and their aliases are merged', () => {
  for (const row of CLASS_ROWS) {
    assert.equal(FUNCTIONAL_SUBJECTS.get(row.code), row.name, row.code);
    for (const alias of row.aliases) assert.equal(isKnownFunctionalName(row.code, alias), 'alias', alias);
  }
});

test('aliases point at known codes and differ from the official name', () => {
  for (const [code, aliases] of Object.entries(FUNCTIONAL_ALIASES)) {
    assert.ok(FUNCTIONAL_SUBJECTS.has(code), code);
    for (const alias of aliases) {
      assert.ok(wellFormedName(alias), alias);
      assert.notEqual(alias, FUNCTIONAL_SUBJECTS.get(code));
    }
  }
});

test('funding kind: 一般公共预算 / 政府性基金 / 国有资本经营', () => {
  assert.equal(fundingKindOf('2010450'), 'gpb');
  assert.equal(fundingKindOf('2080505'), 'gpb');
  assert.equal(fundingKindOf('201'), 'gpb');
  assert.equal(fundingKindOf('2120803'), 'gf');
  assert.equal(fundingKindOf('21208'), 'gf');
  assert.equal(fundingKindOf('2070701'), 'gf');
  assert.equal(fundingKindOf('2296002'), 'gf');
  assert.equal(fundingKindOf('2320411'), 'gf');
  assert.equal(fundingKindOf('2340101'), 'gf');
  assert.equal(fundingKindOf('234'), 'gf');
  assert.equal(fundingKindOf('2230201'), 'soc');
  assert.equal(fundingKindOf('223'), 'soc');
  assert.equal(fundingKindOf('2320301'), 'gpb');
  assert.equal(fundingKindOf('212'), 'unknown'); // mixed 类
  assert.equal(fundingKindOf('20901'), 'unknown');
  assert.equal(fundingKindOf('999'), 'unknown');
  assert.equal(fundingKindOf('abc'), 'unknown');
  for (const prefix of [...GOVERNMENT_FUND_CLASS_PREFIXES, ...STATE_CAPITAL_CLASS_PREFIXES]) {
    assert.ok(FUNCTIONAL_EDITION_YEARS.some((year) => functionalEdition(year).has(prefix)), prefix);
  }
});

test('economic dictionary: 类 3 digits, 款 5 digits under a known 类, clean names', () => {
  for (const [code, name] of ECONOMIC_SUBJECTS) {
    assert.match(code, /^\d{3}(\d{2})?$/, code);
    assert.ok(wellFormedName(name), `${code} ${JSON.stringify(name)}`);
    if (code.length === 5) assert.ok(ECONOMIC_SUBJECTS.has(code.slice(0, 3)), code);
  }
  const classes = [...ECONOMIC_SUBJECTS.keys()].filter((c) => c.length === 3);
  assert.deepEqual(classes, ['301', '302', '303', '307', '309', '310', '311', '312', '313', '399']);
  assert.equal(economicLevel('301 01'), '款');
  assert.equal(economicLevel('301'), '类');
});

test('every seed 06 科目 is in ECONOMIC_SUBJECTS with the same name', () => {
  for (const entry of SEED_ECONOMIC.split('|')) {
    const [code, name] = entry.split(' ');
    assert.equal(economicName(code!), name, code);
    assert.equal(isKnownEconomicName(code!, name!), 'exact');
  }
  assert.equal(isKnownEconomicName('30212', '因公出国(境)费用'), 'exact');
  assert.equal(isKnownEconomicName('30201', '印刷费'), 'mismatch');
  assert.equal(isKnownEconomicName('30230', '不存在'), 'unknown-code');
});

test('人员经费 / 公用经费 classes', () => {
  assert.deepEqual([...PERSONNEL_CLASSES], ['301', '303']);
  assert.deepEqual([...PUBLIC_CLASSES], ['302', '307', '310', '399']);
  for (const c of [...PERSONNEL_CLASSES, ...PUBLIC_CLASSES]) assert.ok(ECONOMIC_SUBJECTS.has(c), c);
});
