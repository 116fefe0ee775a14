import type { TablesModel } from '../../core/tables/model';
import type { WorkbookFacts } from '../../core/tables/facts';
import { reportYear } from '../../core/tables/report-year';

/** Where a batch row's year was read: the tables' titles and headers, the cover or 目录, the file name. */
export type YearSource = 'tables' | 'workbook' | 'file' | 'none';

export const UNKNOWN = '未识别';

/**
 * The year a batch row shows — never empty: the one most tables state (titles, header lines), else the
 * workbook's (cover, 目录, front sheets), else the file name's (“…2024….xlsx”), else 未识别.
 */
export function batchYear(model: TablesModel, facts: WorkbookFacts = {}): { year: string; yearSource: YearSource } {
  const inTables = reportYear(model);
  if (inTables !== undefined) return { year: String(inTables), yearSource: 'tables' };
  if (facts.year !== undefined) return { year: String(facts.year), yearSource: 'workbook' };
  if (facts.fileYear !== undefined) return { year: String(facts.fileYear), yearSource: 'file' };
  return { year: UNKNOWN, yearSource: 'none' };
}

export const YEAR_SOURCE_NOTE: Record<YearSource, string> = {
  tables: '取自各表标题或表头',
  workbook: '取自封面或目录',
  file: '取自文件名（工作簿内未写明年度）',
  none: '工作簿和文件名都未写明年度',
};
