import type { Severity } from '../../findings/finding';
import type { Entry } from '../../supplement/schema';
import type { TablesModel } from '../../tables/model';
import { reportYear } from '../../tables/report-year';
import { localCells } from '../../sources/external-ref';
import type { WorkbookFacts } from '../../tables/facts';
import { TABLE_CODES } from '../../tables/codes';
import type { CheckContext } from '../check';
import { placeholderSpans } from '../numbers';
import { allSections, sectionAt, type Outline } from '../sections';

/**
 * Years against the report's year (the one most tables state; else the cover's or 目录's — never the file
 * name's): a heading's year, “截至X年12月31日”, and a sentence that opens with “X年度” and a subject (收支总计,
 * 财政拨款, “三公”经费…) must be the report's year; “与X年度相比”, “比X年度” the year before. A year in a reason or a
 * use (“2023年度未安排人员出国”), or next year's budget (“2025年度预算”), is left alone.
 */
const YEAR = /((?:19|20)\d{2})年/g;
const SUBJECT = /^度?[^，。；：]{0,16}?(?:收[、，]?支|收入|支出|财政拨款|一般公共预算|“?三公”?|部门决算|决算|本部门|本单位|我单位|机关运行经费|政府采购|会议费|培训费|接待|因公出国|公务用车|绩效|项目)/;
const EXPLANATION = /原因|因为|由于|主要用于|用于|主要是|开支内容|主要包括/;

export function checkYears(ctx: CheckContext, o: Outline, facts: WorkbookFacts | undefined): void {
  const model = ctx.subjects.model;
  const declared = ctx.subjects.supplement?.year;
  const basis = yearBasis(model, facts, declared);
  if (!basis) return;
  const { year, severity, where, cells } = basis;
  const clean = ctx.r.text.clean;
  const { start, end } = o.range;
  const holes = placeholderSpans(clean);
  const headings = allSections(o).map((s) => s.heading);
  YEAR.lastIndex = start;
  for (let m = YEAR.exec(clean); m && m.index < end; m = YEAR.exec(clean)) {
    const at = m.index;
    if (holes.some((h) => at >= h.start && at < h.end)) continue;
    const stated = Number(m[1]);
    const before = clean.slice(Math.max(start, at - 8), at);
    const after = clean.slice(at + m[0].length, at + m[0].length + 24);
    const line = ctx.r.text.lineOf(at);
    const lineSpan = { start: Math.max(start, ctx.r.text.cleanIndexOfLine(line)), end: Math.min(end, ctx.r.text.cleanIndexOfLine(line + 1)) };
    const expected = expectedYear(clean, at, before, after, year, headings, lineSpan);
    if (expected === undefined) continue;
    ctx.checked++;
    if (expected === stated) continue;
    const span = { start: at, end: at + m[0].length + (after.startsWith('度') ? 1 : 0) };
    ctx.r.add('review-year', severity, span, sectionAt(o, at), `此处应为 ${expected} 年${expected === year ? `（${where}：${year} 年）` : `（上年，报表年度为 ${year} 年）`}，文中为 ${stated} 年。`, {
      cells,
      expected: String(expected),
      actual: String(stated),
    });
  }
}

/**
 * The report's year and how sure it is: stated by the tables (an error to contradict), by the cover, 目录 or
 * the 说明数据 (a warning), or only by the file name (a note).
 */
function yearBasis(model: TablesModel, facts: WorkbookFacts | undefined, declared: Entry<string> | undefined): { year: number; severity: Severity; where: string; cells: string[] } | undefined {
  const fromTables = reportYear(model);
  if (fromTables !== undefined)
    return { year: fromTables, severity: 'error', where: '各表表头所载的报表年度', cells: TABLE_CODES.flatMap((c) => (model[c]?.meta.year === fromTables ? [model[c]!.meta.titleCell] : [])).slice(0, 3) };
  if (facts?.year !== undefined) return { year: facts.year, severity: 'warning', where: '封面或目录所载的报表年度', cells: [] };
  const stated = declared ? Number(declared.value) : NaN;
  if (Number.isInteger(stated) && stated > 1990) return { year: stated, severity: 'warning', where: declared!.from ? `${declared!.from}所示的报表年度` : '说明数据所填的年度', cells: localCells([declared!.cell]) };
  if (facts?.fileYear !== undefined) return { year: facts.fileYear, severity: 'info', where: '文件名中的年度', cells: [] };
  return undefined;
}

function expectedYear(clean: string, at: number, before: string, after: string, year: number, headings: Array<{ start: number; end: number }>, line: { start: number; end: number }): number | undefined {
  const from = line.start;
  // “与2023年度相比”, “比2023年度增加”: the year before.
  if (/(?:与|比|较|同|相比)$/.test(before)) return year - 1;
  // “截至2024年12月31日”: the year's end.
  if (/(?:截至|截止|截止到|截至到)$/.test(before) && /^\d{1,2}月\d{1,2}日/.test(after)) return year;
  // A heading (the part's subtitle, a section's title): the report's year.
  if (headings.some((h) => at >= h.start && at < h.end) || isSubtitle(clean.slice(line.start, line.end))) return year;
  // A sentence that opens with the year and a subject.
  const clauseStart = Math.max(clean.lastIndexOf('。', at - 1), clean.lastIndexOf('；', at - 1), clean.lastIndexOf('：', at - 1), clean.lastIndexOf('，', at - 1), from - 1) + 1;
  const opening = clean.slice(clauseStart, at);
  if (/\d/.test(opening) || opening.length > 30) return undefined;
  const sentence = clean.slice(Math.max(clean.lastIndexOf('。', at - 1) + 1, from), at);
  if (EXPLANATION.test(sentence)) return undefined;
  if (!SUBJECT.test(after)) return undefined;
  // Next year's budget is a plan, not a leftover.
  if (Number(clean.slice(at, at + 4)) === year + 1 && /^度?[^，。；]{0,6}预算/.test(after)) return undefined;
  return year;
}

/** A title line: “2024年度部门决算情况说明”, “××局2024年度部门决算” (short, no sentence). */
function isSubtitle(line: string): boolean {
  return line.length <= 40 && !/[。，；]/.test(line) && /(?:情况说明|决算)$/.test(line);
}
