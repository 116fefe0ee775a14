import { z } from 'zod';
import { FindingSchema, type Finding } from '../findings/finding';

/**
 * A finding of the reviewer: a disagreement between an existing 情况说明 and the tables (or the 说明数据).
 * It is a Finding (the CLI's JSON contract) plus where the offending text is:
 * - `quote`: the exact text of the narrative as given (spaces and line breaks of a PDF extraction included), so
 *   that `text.split('\n')[paragraph].slice(offset, offset + quote.length) === quote` whenever the quote does
 *   not run over a line break; '' when the finding is about something absent (a missing section), then the
 *   position is where it was expected;
 * - `paragraph`: 0-based index of the line (a .txt line, a .docx paragraph, a row of the 情况说明 sheet);
 * - `offset`: 0-based character (UTF-16 code unit) offset of the quote in that line;
 * - `section`: the section as numbered in the text (“五（三）”), when known;
 * - `textCell`: the cell of the 情况说明 sheet holding the paragraph, when the text came from the workbook.
 * `cells` are the cells of the tables (and 说明数据) the figure was checked against.
 */
export const ReviewFindingSchema = FindingSchema.extend({
  quote: z.string(),
  paragraph: z.number().int().min(0),
  offset: z.number().int().min(0),
  section: z.string().optional(),
  textCell: z.string().optional(),
});
export type ReviewFinding = Finding & {
  quote: string;
  paragraph: number;
  offset: number;
  section?: string;
  textCell?: string;
};

/** Rule ids of the reviewer, with what each checks (docs/review.md). */
export const REVIEW_RULES = {
  'review-amount': '金额与公开表（或说明数据）不一致',
  'review-share': '占比与按两位小数金额重算的结果不一致（容差 0.01 个百分点）',
  'review-rate': '完成率、增减率与按两位小数金额重算的结果不一致',
  'review-direction': '增加/减少、增长/下降、大于/小于、持平/等于等方向用语与数字不符、自相矛盾或写乱',
  'review-zero-denominator': '分母为 0 时写了比率（如年初预算为 0 却写“完成年初预算的100%”）',
  'review-subject-label': '“X（类）Y（款）Z（项）”科目名称与科目代码不符',
  'review-budget-label': '“年初预算”“全年预算”的称谓与数字的来源不符',
  'review-list': '“主要包括”所列经济分类项目与公开06表有支出的科目不符',
  'review-year': '年度与报表年度不符（标题、“截至某年12月31日”、“与某年度相比”等）',
  'review-template': '残留的模板文字或占位符（“增加（减少）”“XX”“【…】”等）',
  'review-department': '单位名称与工作簿中最可信的写法不一致',
  'review-source-doubt': '表格本身有疑问（未通过表内校验或表间不一致），未据以认定情况说明有误',
  'review-missing-section': '必备的部分或空表说明缺失，或未能识别任何部分',
  'review-missing-item': '公开表中有数的科目在情况说明中未说明',
  'review-cross-section': '应当一致的数字在不同部分或不同表之间不一致（如“三公”预算与09表、各项预算之和与总预算）',
  'review-count': '团组、人次、车辆、项目个数等与说明数据不符，或与金额矛盾',
  'review-format': '数字格式：缺少单位、小数位数不足、句末标点',
  'review-nothing-checked': '未能识别可核对的内容（没有可与表格核对的数字或表述）',
} as const;
export type ReviewRule = keyof typeof REVIEW_RULES;

/** A finding about the 情况说明 text (it quotes the text and says where), as opposed to one about the tables. */
export function isReviewFinding(f: Finding): f is ReviewFinding {
  const r = f as Partial<ReviewFinding>;
  return typeof r.quote === 'string' && typeof r.paragraph === 'number' && typeof r.offset === 'number';
}
