import type { Finding } from '../findings/finding';
import { readWorkbook } from '../read/read-workbook';
import { readSupplement } from '../supplement/read-supplement';
import { mergeSources, type MergedSources } from '../sources/merge';
import type { Supplement } from '../supplement/schema';
import type { TablesModel } from '../tables/model';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { NarrativeContext, type NarrativeOptions } from './context';
import { documentLines, paragraph, renderText, type NarrativeDocument, type NarrativeLine, type NarrativeSection } from './document';
import { glossaryParagraphs } from './glossary';
import { CN_NUMBERS, section, subNumber } from './phrases';
import { basicSection, gpbSection } from './sections/gpb';
import { fundSectionShanghai, fundsSectionHunan } from './sections/funds';
import { assetsSection, generalExpenseSection, operatingCostSection, procurementSection } from './sections/others';
import { expenseSection, fiscalSection, incomeSection, overviewSection } from './sections/overview';
import { performanceSection } from './sections/performance';
import { sangongSection } from './sections/sangong';

export type { NarrativeOptions } from './context';

export interface NarrativeResult {
  document: NarrativeDocument;
  /** The document as plain text (what `juesuan narrate` prints). */
  text: string;
  /** Headings and paragraphs in reading order: one row each of a 情况说明 sheet. */
  paragraphs: NarrativeLine[];
  /** `narrative-*` findings: every placeholder (warning), source conflicts, missing tables. */
  findings: Finding[];
}

type Writer = (ctx: NarrativeContext, number: string) => NarrativeSection;

/** 一…七: the same in both orders. */
const FIRST_SEVEN: Writer[] = [
  overviewSection,
  incomeSection,
  expenseSection,
  fiscalSection,
  gpbSection,
  basicSection,
  sangongSection,
];

/** 一…十三 in the seed's (Hunan) order. */
const HUNAN: Writer[] = [
  ...FIRST_SEVEN,
  fundsSectionHunan,
  (ctx, n) => operatingCostSection(ctx, n, '关于机关运行经费支出说明'),
  generalExpenseSection,
  (ctx, n) => procurementSection(ctx, n, '关于政府采购支出说明'),
  (ctx, n) => assetsSection(ctx, n, '关于国有资产占用情况说明'),
  performanceSection,
];

/** 一…十一 in the Shanghai 2024 template's order; 十一 其他重要事项 holds 机关运行经费, 政府采购, 国有资产. */
const SHANGHAI: Writer[] = [
  ...FIRST_SEVEN,
  (ctx, n) => fundSectionShanghai(ctx, n, '07'),
  (ctx, n) => fundSectionShanghai(ctx, n, '08'),
  performanceSection,
  (ctx, n) => {
    const subs = [
      operatingCostSection(ctx, `${n}${subNumber(0)}`, '机关运行经费支出情况'),
      procurementSection(ctx, `${n}${subNumber(1)}`, '政府采购支出情况'),
      assetsSection(ctx, `${n}${subNumber(2)}`, '国有资产占有使用情况'),
    ].map((s, i) => ({ ...s, number: subNumber(i), heading: `${subNumber(i)}${s.title}` }));
    return section('other-matters', n, '其他重要事项的情况说明', [], subs);
  },
];

/**
 * 第三部分 部门决算情况说明 (and 第四部分 名词解释) from the typed model and the 说明数据.
 * Numbers come only from the tables and the 说明数据, through Decimal (money.ts); what is missing is written as
 * 【请填写：…】 with a `narrative-missing-input` warning, never guessed. The supplement's own findings are
 * readSupplement's, not repeated here.
 */
export function generateNarrative(model: TablesModel, supplement: Supplement | undefined, options: NarrativeOptions = {}): NarrativeResult {
  const ctx = new NarrativeContext(model, supplement, options);
  const hunan = ctx.format === 'hunan';
  // Shanghai prints the part's title line with the department and year (“第三部分 上海市XX局2024年度部门决算情况说明”);
  // the Hunan sample puts the year on a line of its own under “第三部分 部门决算情况说明”.
  const part = hunan
    ? { heading: '第三部分 部门决算情况说明', subtitle: `${ctx.yearText}部门决算情况说明` }
    : { heading: `第三部分 ${ctx.unitName}${ctx.yearText}部门决算情况说明` };
  const writers = hunan ? HUNAN : SHANGHAI;
  const sections = writers.map((write, i) => write(ctx, CN_NUMBERS[i]));
  const unit = ctx.department ?? '';
  const document: NarrativeDocument = {
    title: `${unit}${ctx.yearText}部门决算情况说明`,
    format: ctx.format,
    year: ctx.year,
    department: ctx.department,
    parts: [{ ...part, sections, paragraphs: [] }],
  };
  if (options.glossary !== false)
    document.parts.push({ heading: '第四部分 名词解释', sections: [], paragraphs: glossaryParagraphs(ctx.format).map(paragraph) });
  return { document, text: renderText(document), paragraphs: documentLines(document), findings: ctx.findings };
}

/**
 * Snapshot → tables + 说明数据 → narrative, with every finding along the way (reading, 说明数据, narrative):
 * the one call behind `juesuan narrate FILE` and the add-in's button.
 */
export function narrateSnapshot(
  snapshot: WorkbookSnapshot,
  options: NarrativeOptions = {},
): NarrativeResult & { supplement?: Supplement; model: TablesModel; filled: MergedSources['filled'] } {
  const read = readWorkbook(snapshot);
  const supplementRead = readSupplement(snapshot, read.model);
  const facts = options.facts ?? read.facts;
  // Last year's 决算 and the 部门预算 (options.sources) answer what the 说明数据 would: one merged 说明数据.
  const merged = mergeSources(read.model, facts, supplementRead.supplement, options.sources ?? {}, options.year);
  const result = generateNarrative(read.model, merged.supplement, { ...options, facts });
  return {
    ...result,
    findings: [...read.findings, ...supplementRead.findings, ...merged.findings, ...result.findings],
    supplement: merged.supplement,
    model: read.model,
    filled: merged.filled,
  };
}
