import Decimal from 'decimal.js';
import type { Finding, Severity } from '../findings/finding';
import { fieldLabel, SUPPLEMENT_SHEET, type AmountKey, type CountKey, type FieldKey, type NarrativeFormat, type ScoreKey, type TextKey } from '../supplement/fields';
import type { Supplement, SupplementItem } from '../supplement/schema';
import { departmentOf } from '../supplement/template';
import { isPlaceholderName } from '../read/department-name';
import { TABLE_NAMES, type TableCode } from '../tables/codes';
import type { Amount, TablesModel } from '../tables/model';
import { reportYear } from '../tables/report-year';
import type { WorkbookFacts } from '../tables/facts';
import { formatMoney } from '../util/money';
import { TableFigures, type FigureKey } from './figures';
import type { Fig } from './figures/fig';
import { stateFigure } from './figures/state';

export interface NarrativeOptions {
  /** 'hunan' (default): the seed's 一…十三 order and wording; 'shanghai': the 2024 Shanghai district template. */
  format?: NarrativeFormat;
  /** The 决算 year when neither 说明数据 nor the tables state it (e.g. from the file name). */
  year?: number | string;
  /** The department's name when neither 说明数据 nor the tables state it. */
  department?: string;
  /** `readWorkbook(…).facts`: the best-attested department name (the cover's full name where titles shortened it). */
  facts?: WorkbookFacts;
  /** 第四部分 名词解释 (default true). */
  glossary?: boolean;
}

/**
 * What every section writer works from: the tables, the 说明数据, the wording format, and the findings.
 * A missing input never becomes a number: `missing()` returns the visible placeholder 【请填写：…】 and records
 * one `narrative-missing-input` warning per input, pointing at the 说明数据 cell to fill in.
 */
export class NarrativeContext {
  readonly findings: Finding[] = [];
  readonly format: NarrativeFormat;
  readonly year?: string;
  readonly department?: string;
  readonly facts?: WorkbookFacts;
  private readonly reported = new Set<string>();
  private tableFigures?: TableFigures;
  /** The section being written, for messages (“五（三）”). */
  section = '';

  constructor(
    readonly model: TablesModel,
    readonly supplement: Supplement | undefined,
    options: NarrativeOptions,
  ) {
    this.format = options.format ?? 'hunan';
    this.facts = options.facts;
    const given = options.year !== undefined && /^(19|20)\d{2}$/.test(String(options.year)) ? String(options.year) : undefined;
    this.year =
      supplement?.year?.value ??
      given ??
      Object.values(model).find((t) => t?.meta.year !== undefined)?.meta.year?.toString() ??
      options.facts?.year?.toString();
    this.department = this.chooseDepartment(options);
    if (!this.year)
      this.findings.push({
        rule: 'narrative-missing-input',
        severity: 'warning',
        message: `未能确定决算年度（公开表表头未写年度${supplement ? `，工作表“${supplement.sheet}”的“年度”未填写` : ''}），情况说明中写为“本年度”“上年”。请在“${SUPPLEMENT_SHEET}”中填写“年度”。`,
        cells: supplement?.slots.year ? [supplement.slots.year] : [],
      });
  }

  /**
   * The department's name: the workbook's best-attested one (the cover's full name where titles dropped the
   * district), else the 说明数据's 单位名称, else the caller's, else the tables' titles — never a template
   * placeholder. The workbook's own witnesses come first: a 说明数据 name is for a workbook that states none.
   */
  private chooseDepartment(options: NarrativeOptions): string | undefined {
    const attested = options.facts?.department?.name;
    const given = this.supplement?.texts.department;
    const usable = (name: string | undefined) => (name && !isPlaceholderName(name) ? name : undefined);
    // With witnesses and no best name, every name the workbook prints is a placeholder: the titles are no source.
    const tables = options.facts?.department ? undefined : usable(departmentOf(this.model));
    const name = usable(attested) ?? usable(given?.value) ?? usable(options.department) ?? tables;
    return name;
  }

  get figures(): TableFigures {
    this.tableFigures ??= new TableFigures(this.model, this.facts);
    return this.tableFigures;
  }

  /** A table figure as it may be stated (figures/state.ts): the agreed value, or a placeholder with its finding. */
  fig(key: FigureKey): Fig {
    return stateFigure(this, key);
  }

  /** Runs `record` the first time `key` is seen (one finding per figure, however often it is stated). */
  once(key: string, record: () => void): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    record();
  }

  /**
   * 【请填写：label】 with, once per key, a warning “情况说明第X部分{need}；文中暂写为【请填写：label】。”.
   */
  placeholder(key: string, label: string, need: string, cells: string[], table?: TableCode, rule = 'narrative-figure-doubtful'): string {
    const ph = `【请填写：${label}】`;
    this.once(key, () => this.report(rule, 'warning', `情况说明${this.section ? `第${this.section}部分` : ''}${need}；文中暂写为${ph}。`, [...new Set(cells)], table));
    return ph;
  }

  /** Where the 说明数据 lines `keys` are filled in: their cells, or how to get the sheet. */
  fillHint(keys: FieldKey[]): string {
    const labels = keys.map((k) => `“${fieldLabel(k)}”`).join('和');
    const s = this.supplement;
    if (!s) return `请生成“${SUPPLEMENT_SHEET}”模板后填写${labels}`;
    const cells = keys.map((k) => s.slots[k]?.split('!').pop());
    return cells.every(Boolean) ? `请在工作表“${s.sheet}”${cells.join('、')}填写${labels}` : `请在工作表“${s.sheet}”中增加${labels}一行并填写`;
  }

  /** “2024年度” or “本年度”. */
  /** The tables' year, which selects the 科目 edition names come from (undefined: the base edition). */
  get subjectYear(): number | undefined {
    return reportYear(this.model, this.facts);
  }

  get yearText(): string {
    return this.year ? `${this.year}年度` : '本年度';
  }

  /** “2023年度” or “上年度”. */
  get priorYearText(): string {
    return this.year ? `${new Decimal(this.year).minus(1).toFixed(0)}年度` : '上年度';
  }

  /** “2024年12月31日” or “本年末”. */
  get yearEnd(): string {
    return this.year ? `${this.year}年12月31日` : '本年末';
  }

  /**
   * The department as the template names it (“上海市XX局2024年度…”). Unknown: the Shanghai template needs the name
   * (a placeholder and a warning); the Hunan sentences say “本部门”.
   */
  get unitName(): string {
    if (this.department) return this.department;
    return this.format === 'shanghai' ? this.missingField('department') : '本部门';
  }

  amount(key: AmountKey): Decimal | undefined {
    return this.supplement?.amounts[key]?.value;
  }

  count(key: CountKey): Decimal | undefined {
    return this.supplement?.counts[key]?.value;
  }

  score(key: ScoreKey): Decimal | undefined {
    return this.supplement?.scores[key]?.value;
  }

  text(key: TextKey): string | undefined {
    return this.supplement?.texts[key]?.value;
  }

  item(code: string): SupplementItem | undefined {
    return this.supplement?.items.find((i) => i.code === code);
  }

  /** The text of a field, or its placeholder. */
  needText(key: TextKey): string {
    return this.text(key) ?? this.missingField(key);
  }

  /** “580.13” or the placeholder (amounts are shown with 2 decimals). */
  needMoney(key: AmountKey): string {
    const v = this.amount(key);
    return v ? formatMoney(v) : this.missingField(key);
  }

  needCount(key: CountKey): string {
    const v = this.count(key);
    return v ? v.toFixed(0) : this.missingField(key);
  }

  missingField(key: FieldKey): string {
    return this.missing(`field:${key}`, fieldLabel(key), this.supplement?.slots[key]);
  }

  /**
   * 【请填写：label】, and once per key a warning naming the section and where to fill it in.
   * `cell` is the 说明数据 cell to fill, when the sheet has that line.
   */
  missing(key: string, label: string, cell?: string, hint?: string): string {
    const s = this.supplement;
    const where = !s
      ? `工作簿中没有“${SUPPLEMENT_SHEET}”工作表（可先生成模板再填写）`
      : cell
        ? `请在工作表“${s.sheet}”${cell.split('!').pop()}填写`
        : `工作表“${s.sheet}”中没有这一项${hint ? `，${hint}` : ''}`;
    return this.placeholder(key, label, `需要“${label}”，${where}`, cell ? [cell] : [], undefined, 'narrative-missing-input');
  }

  /** A section that cannot be written because a table was not found: one placeholder sentence and a warning. */
  missingTable(code: TableCode): string {
    const name = `公开${code}表（${TABLE_NAMES[code]}）`;
    return this.placeholder(`table:${code}`, `${name}未找到，本部分无法根据表格生成`, `需要${name}，但工作簿中未找到该表`, [], code, 'narrative-missing-table');
  }

  report(rule: string, severity: Severity, message: string, cells: string[], table?: TableCode): void {
    this.findings.push({ rule, severity, message, cells, ...(table ? { table } : {}) });
  }
}

/** An amount of the model as Decimal; absent lines and blank cells are 0. */
export function valueOf(a: Amount | undefined): Decimal {
  return a?.value ?? new Decimal(0);
}
