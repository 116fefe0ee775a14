import { test } from 'node:test';
import assert from 'node:assert/strict';
import sources from '../src/core/subjects/data/sources.json';
import functionalChanges from '../src/core/subjects/data/functional-changes.json';
import economicChanges from '../src/core/subjects/data/economic-changes.json';
import aliases from '../src/core/subjects/data/functional-aliases.json';
import funding from '../src/core/subjects/data/functional-funding.json';
import { buildEditions, type ChangeFile } from '../src/core/subjects/editions';
import { CLASS_ROWS, classRowsFor } from '../src/core/subjects/classes';
import {
  FUNCTIONAL_EDITION,
  FUNCTIONAL_EDITION_YEARS,
  FUNCTIONAL_OBSERVATIONS,
  functionalEdition,
  functionalEditionYear,
  functionalName,
  fundingKindOf,
  isKnownFunctionalName,
  neighbourEditionOf,
} from '../src/core/subjects/functional';
import { economicEdition, economicEditionYear, isKnownEconomicName } from '../src/core/subjects/economic';

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
const SOURCE_KEYS = new Set(Object.keys(sources.sources));

function wellFormed(name: string): boolean {
  return name.length > 0 && name === name.trim() && !/[\s\u00a0\u3000]/.test(name);
}

test('one 支出功能分类 edition per year 2019–2026, each internally consistent', () => {
  assert.deepEqual([...FUNCTIONAL_EDITION_YEARS], YEARS);
  assert.equal(FUNCTIONAL_EDITION, 2024);
  for (const year of YEARS) {
    const names = functionalEdition(year);
    assert.ok(names.size > 1400, `${year}: ${names.size}`);
    for (const [code, name] of names) {
      assert.match(code, /^\d{3}(\d{2}){0,2}$/, `${year} ${code}`);
      assert.ok(wellFormed(name), `${year} ${code} ${JSON.stringify(name)}`);
      // every 款 starts with its 类, every 项 with its 款, and that parent is in the same edition
      if (code.length > 3) assert.ok(names.has(code.slice(0, code.length - 2)), `${year}: ${code} has no parent`);
    }
    // codes come in 类 → 款 → 项 order, so a table listing them in this order is well formed
    const codes = [...names.keys()];
    assert.deepEqual(codes, [...codes].sort(), String(year));
  }
});

test('the base edition holds each code once (a duplicate in the data file is refused)', () => {
  assert.throws(() => buildEditions([['201', '一般公共服务支出'], ['201', '其他']], { base: 2024, first: 2024, last: 2024, editions: {} }), /twice/);
});

test('change lists: every change is sourced or marked K, and shows in its year but not the year before', () => {
  for (const file of [functionalChanges, economicChanges] as ChangeFile[]) {
    assert.deepEqual(Object.keys(file.editions), YEARS.slice(1).map(String));
  }
  const file = functionalChanges as ChangeFile;
  let changes = 0;
  for (const [y, list] of Object.entries(file.editions)) {
    const year = Number(y);
    for (const change of list) {
      changes++;
      assert.ok(change.source === 'K' || SOURCE_KEYS.has(change.source), JSON.stringify(change));
      if ('add' in change) {
        assert.equal(functionalName(change.add, year), change.name);
        assert.equal(functionalName(change.add, year - 1), undefined, change.add);
      } else if ('remove' in change) {
        assert.equal(functionalName(change.remove, year), undefined);
        assert.equal(functionalName(change.remove, year - 1), change.name);
      } else {
        assert.equal(functionalName(change.rename, year), change.to);
        assert.equal(functionalName(change.rename, year - 1), change.from);
      }
    }
  }
  assert.ok(changes >= 30, String(changes));
  // a change list that contradicts its edition is refused, not silently applied
  assert.throws(
    () => buildEditions([['201', '一般公共服务支出']], { base: 2024, first: 2023, last: 2024, editions: { '2024': [{ rename: '201', from: '旧名', to: '新名', source: 'K' }] } }),
    /2024 edition/,
  );
});

test('observations, aliases and funding prefixes cite known sources', () => {
  for (const o of FUNCTIONAL_OBSERVATIONS) {
    assert.ok(SOURCE_KEYS.has(o.source), o.source);
    for (const year of o.years) assert.ok(YEARS.includes(year), `${o.source} ${year}`);
  }
  for (const a of aliases.aliases) assert.ok(a.source === 'K' || SOURCE_KEYS.has(a.source), JSON.stringify(a));
  for (const source of Object.values(funding.sourced)) assert.ok(SOURCE_KEYS.has(source), source);
});

test('the year selects the edition; outside 2019–2026 the nearest one, without a year the 2024 base', () => {
  assert.equal(functionalEditionYear(2022), 2022);
  assert.equal(functionalEditionYear(2018), 2019);
  assert.equal(functionalEditionYear(2012), 2019);
  assert.equal(functionalEditionYear(2027), 2026);
  assert.equal(functionalEditionYear(undefined), 2024);
  assert.equal(economicEditionYear(2030), 2026);
  assert.equal(functionalEdition(2012), functionalEdition(2019));
  assert.equal(functionalName('234', 2018), undefined);
  assert.equal(functionalName('234', 2020), '抗疫特别国债安排的支出');
});

test('names differ by year as the change lists say', () => {
  assert.equal(functionalName('20805', 2020), '行政事业单位离退休');
  assert.equal(functionalName('20805', 2021), '行政事业单位养老支出');
  assert.equal(functionalName('21305', 2019), '扶贫');
  assert.equal(functionalName('21305', 2021), '扶贫');
  assert.equal(functionalName('21305', 2022), '巩固脱贫衔接乡村振兴');
  assert.equal(functionalName('21305', 2024), '巩固脱贫攻坚成果衔接乡村振兴');
  assert.equal(isKnownFunctionalName('20805', '行政事业单位离退休', 2019), 'exact');
  assert.equal(isKnownFunctionalName('20805', '行政事业单位养老支出', 2019), 'mismatch');
  // one year off: the neighbouring edition's name is accepted as an alias, two years off it is not
  assert.equal(isKnownFunctionalName('21305', '巩固脱贫衔接乡村振兴', 2023), 'alias');
  assert.equal(neighbourEditionOf('21305', '巩固脱贫衔接乡村振兴', 2023), 2022);
  assert.equal(neighbourEditionOf('21305', '巩固脱贫衔接乡村振兴', 2021), 2022);
  assert.equal(isKnownFunctionalName('21305', '巩固脱贫衔接乡村振兴', 2024), 'mismatch');
  assert.equal(neighbourEditionOf('21305', '巩固脱贫攻坚成果衔接乡村振兴', 2024), undefined);
  // codes added in a year: unknown before, next year's code (alias) the year before
  assert.equal(isKnownFunctionalName('22911', '中央金融机构注资特别国债财务基金支出', 2025), 'exact');
  assert.equal(isKnownFunctionalName('22911', '中央金融机构注资特别国债财务基金支出', 2024), 'alias');
  assert.equal(isKnownFunctionalName('22911', '中央金融机构注资特别国债财务基金支出', 2023), 'unknown-code');
  assert.equal(isKnownFunctionalName('22006', '耕地保护考核奖惩基金支出', 2022), 'unknown-code');
});

test('01/04 类 rows per year: 25 in 2019 (灾害防治 from 2019, no 抗疫), 26 from 2020', () => {
  const codes = (year: number) => classRowsFor(year).map((r) => r.code);
  assert.equal(codes(2019).length, 25);
  assert.ok(codes(2019).includes('224') && !codes(2019).includes('234'));
  for (const year of YEARS.slice(1)) assert.equal(codes(year).length, 26, String(year));
  assert.equal(classRowsFor(2019).find((r) => r.code === '207')?.name, '文化旅游体育与传媒支出');
  assert.equal(classRowsFor(2019).find((r) => r.code === '210')?.name, '卫生健康支出');
  assert.equal(classRowsFor(2019).find((r) => r.code === '220')?.name, '自然资源海洋气象等支出');
  // matching any year: the older 类 names stay aliases of CLASS_ROWS (the statement reader keys rows on them)
  const aliasesOf = (code: string) => CLASS_ROWS.find((r) => r.code === code)!.aliases;
  assert.ok(aliasesOf('207').includes('文化体育与传媒支出'));
  assert.ok(aliasesOf('210').includes('医疗卫生与计划生育支出'));
  assert.ok(aliasesOf('220').includes('国土海洋气象等支出'));
  assert.equal(CLASS_ROWS.length, 26);
});

test('funding kind follows the edition: 220 is mixed once 22006 (政府性基金) exists, 234 only from 2020', () => {
  assert.equal(fundingKindOf('220', 2023), 'gpb');
  assert.equal(fundingKindOf('220', 2024), 'unknown');
  assert.equal(fundingKindOf('22006', 2024), 'gf');
  assert.equal(fundingKindOf('2200101', 2024), 'gpb');
  assert.equal(fundingKindOf('2340101', 2020), 'gf');
  assert.equal(fundingKindOf('2340101', 2019), 'unknown');
  assert.equal(fundingKindOf('21704', 2024), 'gpb');
  assert.equal(fundingKindOf('21704', 2025), 'unknown');
  assert.equal(fundingKindOf('2170404', 2025), 'gf');
});

test('one 部门预算支出经济分类 edition per year, each consistent; the seed 06 names hold in every year', () => {
  for (const year of YEARS) {
    const names = economicEdition(year);
    assert.ok(names.size >= 100, `${year}: ${names.size}`);
    for (const [code, name] of names) {
      assert.match(code, /^\d{3}(\d{2})?$/, code);
      assert.ok(wellFormed(name), `${year} ${code}`);
      if (code.length === 5) assert.ok(names.has(code.slice(0, 3)), `${year}: ${code}`);
    }
    assert.equal(isKnownEconomicName('30101', '基本工资', year), 'exact');
    assert.equal(isKnownEconomicName('30101', '工资', year), 'mismatch');
    assert.equal(isKnownEconomicName('30198', '不存在', year), 'unknown-code');
  }
});
