import type { TablesModel } from '../tables/model';
import type { WorkbookFacts } from '../tables/facts';
import type { CellValue } from '../workbook/snapshot';
import { formatMoney } from '../util/money';
import {
  FIELD_GROUPS,
  ITEM_COLUMNS,
  ITEM_TABLE_TITLE,
  SUPPLEMENT_SHEET,
  usesField,
  type FieldDef,
  type FieldKey,
  type FieldKind,
  type ItemColumn,
  type NarrativeFormat,
} from './fields';
import { leafRows } from './table-items';

export interface SupplementTemplateOptions {
  /** Which template's fields to list (default 'hunan'). */
  format?: NarrativeFormat;
  /** Pre-fills 年度 when the tables do not state it. */
  year?: number | string;
  /** `readWorkbook(…).facts`: 单位名称 is pre-filled with the best-attested name. */
  facts?: WorkbookFacts;
}

/**
 * The 说明数据 sheet as values, for a host to write (CLI: ExcelJS; add-in: Office.js `range.values`).
 * Rows are 0-based from A1; every row has the same width. The layout fields tell a host what to format.
 */
export interface SupplementTemplate {
  sheetName: string;
  rows: CellValue[][];
  titleRow: number;
  /** The 项目/填写值 header and the 科目代码 header. */
  headerRows: number[];
  groupRows: number[];
  fieldRows: Array<{ row: number; key: FieldKey; kind: FieldKind }>;
  itemHeaderRow: number;
  itemRows: number[];
  /** Column of every field's value (the “填写值” column). */
  valueColumn: number;
  /** Item-table columns by role. */
  itemColumns: Record<ItemColumn, number>;
  /** Suggested widths, in characters. */
  columnWidths: number[];
}

const WIDTH = 7;
const ITEM_ORDER: ItemColumn[] = ['code', 'name', 'budget', 'fullYearBudget', 'usage', 'reason', 'actual'];

/**
 * The template: every label of the chosen format with its unit and a hint (hints quote the table values used
 * when a line is left blank), 年度 and 单位名称 pre-filled where the tables say them, and the 项 rows of
 * 公开05表 (then 07, 08) with code, full 类/款/项 label and — for reference only — the 决算数.
 */
export function buildSupplementTemplate(model: TablesModel, options: SupplementTemplateOptions = {}): SupplementTemplate {
  const format = options.format ?? 'hunan';
  const rows: CellValue[][] = [];
  const push = (...cells: CellValue[]) => {
    const row = [...cells];
    while (row.length < WIDTH) row.push(null);
    rows.push(row);
    return rows.length - 1;
  };
  const titleRow = push(`${SUPPLEMENT_SHEET}（部门决算情况说明所需的补充数据）`);
  push('填写说明：在“填写值”列填写，金额单位为万元；原因、内容类文字不必加句号。留空的项目在情况说明中写为【请填写：…】并给出提示。请勿修改“项目”列和表头的文字。');
  push();
  const headerRows = [push('项目', '填写值', '单位', '填写说明')];
  const groupRows: number[] = [];
  const fieldRows: SupplementTemplate['fieldRows'] = [];
  const year = templateYear(model, options.year);
  const department = departmentOf(model, options.facts);
  for (const group of FIELD_GROUPS) {
    const fields = (group.fields as readonly FieldDef[]).filter((f) => usesField(f, format));
    if (fields.length === 0) continue;
    groupRows.push(push(group.title));
    for (const f of fields) {
      const key = f.key as FieldKey;
      const prefill: CellValue = key === 'year' ? year ?? null : key === 'department' ? department ?? null : null;
      const row = push(f.label, prefill, f.unit ?? null, hintOf(model, key, f));
      fieldRows.push({ row, key, kind: f.kind });
    }
  }
  push();
  push(ITEM_TABLE_TITLE);
  const itemHeaderRow = push(...ITEM_ORDER.map((c) => ITEM_COLUMNS[c]));
  headerRows.push(itemHeaderRow);
  const itemRows: number[] = [];
  for (const leaf of leafRows(model)) {
    const actual = leaf.actual && !leaf.actual.blank ? formatMoney(leaf.actual.value) : null;
    const source = leaf.table === '05' ? '' : leaf.table === '07' ? '（政府性基金）' : '（国有资本经营）';
    itemRows.push(push(leaf.code, `${leaf.label}${source}`, null, null, null, null, actual));
  }
  const itemColumns = Object.fromEntries(ITEM_ORDER.map((c, i) => [c, i])) as Record<ItemColumn, number>;
  return {
    sheetName: SUPPLEMENT_SHEET,
    rows,
    titleRow,
    headerRows,
    groupRows,
    fieldRows,
    itemHeaderRow,
    itemRows,
    valueColumn: 1,
    itemColumns,
    columnWidths: [44, 60, 14, 14, 40, 44, 20],
  };
}

function templateYear(model: TablesModel, given: number | string | undefined): string | undefined {
  if (given !== undefined && /^(19|20)\d{2}$/.test(String(given))) return String(given);
  for (const t of Object.values(model)) if (t?.meta.year !== undefined) return String(t.meta.year);
  return undefined;
}

/**
 * The best-attested name when the workbook's facts are given (none when every witness is a template
 * placeholder: a placeholder is never written into the 说明 as the department's name); else 01's 部门, else
 * the name most tables print.
 */
export function departmentOf(model: TablesModel, facts?: WorkbookFacts): string | undefined {
  if (facts?.department) return facts.department.name;
  const first = model['01']?.meta.department?.name;
  if (first) return first;
  const counts = new Map<string, number>();
  for (const t of Object.values(model)) {
    const name = t?.meta.department?.name;
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function hintOf(model: TablesModel, key: FieldKey, field: FieldDef): string | null {
  const t09 = model['09'];
  const quote = (label: string, a: { value: import('decimal.js').default; blank: boolean } | undefined) =>
    a ? `${label} ${a.blank ? '0.00' : formatMoney(a.value)}` : label;
  switch (key) {
    case 'sgBudgetAbroad':
      return `留空则取${quote('公开09表预算数', t09?.budget.abroad)}`;
    case 'sgBudgetPurchase':
      return `留空则取${quote('公开09表预算数', t09?.budget.vehiclePurchase)}`;
    case 'sgBudgetOperation':
      return `留空则取${quote('公开09表预算数', t09?.budget.vehicleOperation)}`;
    case 'sgBudgetReception':
      return `留空则取${quote('公开09表预算数', t09?.budget.reception)}`;
    case 'meetingAmount':
      return `留空则取${quote('公开06表30215会议费', model['06']?.items.find((i) => i.code === '30215')?.amount)}`;
    case 'trainingAmount':
      return `留空则取${quote('公开06表30216培训费', model['06']?.items.find((i) => i.code === '30216')?.amount)}`;
    case 'perfExecuted':
      return `留空则取${quote('公开03表本年支出合计', model['03']?.total?.amounts.total)}`;
    default:
      return field.hint ?? null;
  }
}
