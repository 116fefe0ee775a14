import type { TableCode } from './codes';

/**
 * Where a workbook names its department (B16: the name must be the same in every table, the cover, the 目录,
 * the 说明 lines; the file name is a weak, informal witness).
 *  - title:    a table's title or the banner above it (“上海市XX局2024年度部门决算表”);
 *  - header:   a table's 部门/单位/编制单位/填报单位 line (“部门：…”);
 *  - note:     a table's 注/说明 line or no-data statement (“说明：上海市XX局本年度没有…”);
 *  - cover:    a cover sheet (its title, “编制单位：…”, “单位名称：…”, the name on a line of its own);
 *  - contents: a 目录 sheet's entries;
 *  - sheet:    any other sheet that states it (a second copy of a table, a sheet holding the narrative);
 *  - file:     the workbook's file name (no cell).
 */
export type WitnessKind = 'title' | 'header' | 'note' | 'cover' | 'contents' | 'sheet' | 'file';

export interface DepartmentWitness {
  /** The name as printed (whitespace removed, the reader's normalisation: full-width letters folded). */
  name: string;
  kind: WitnessKind;
  /** `Sheet!A1`; absent for the file name. */
  cell?: string;
  /** The table the witness belongs to (its title, header or note). */
  table?: TableCode;
  /** The whole text the name was read from (the cell's text, the file name), for messages. */
  text: string;
  /** The year stated with the name (“…2024年度部门决算”), when any. */
  year?: number;
}

export interface DepartmentFacts {
  /**
   * The best-attested name (policy: src/core/read/department.ts `bestDepartment`); absent when every
   * witness is a template placeholder.
   */
  name?: string;
  /** Every witness, cover and 目录 first, then table by table (canonical order), other sheets, the file name. */
  witnesses: DepartmentWitness[];
}

/** What the workbook states about itself beyond the nine tables' figures. */
export interface WorkbookFacts {
  /** Present when anything in the workbook (or its file name) names a department. */
  department?: DepartmentFacts;
  /** The year most tables state; else the cover's or 目录's (never the file name's): fit to be printed. */
  year?: number;
  /**
   * The year in the file name (“…2025年度部门决算.xlsx”): too weak to print in a 情况说明, enough to choose the
   * 科目 edition when nothing inside the workbook states a year.
   */
  fileYear?: number;
}
