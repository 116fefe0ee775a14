import type { NarrativeFormat } from '../supplement/fields';

/**
 * The generated 情况说明 as a structured document: parts (第三部分, 第四部分) → sections (一、…) → subsections
 * ((一)…) → paragraphs. Hosts render it: plain text here, a .docx in src/hosts/file, rows of a 情况说明 sheet.
 */
export interface NarrativeParagraph {
  text: string;
  /** The 【请填写：…】 placeholders the paragraph contains (their labels), for hosts that highlight them. */
  placeholders: string[];
}

export type SectionId =
  | 'overview'
  | 'income'
  | 'expense'
  | 'fiscal'
  | 'gpb'
  | 'gpb-overall'
  | 'gpb-structure'
  | 'gpb-detail'
  | 'basic'
  | 'sangong'
  | 'sangong-overall'
  | 'sangong-detail'
  | 'gov-fund'
  | 'state-capital'
  | 'operating-cost'
  | 'general-expense'
  | 'procurement'
  | 'assets'
  | 'performance'
  | 'other-matters'
  | 'glossary';

export interface NarrativeSection {
  id: SectionId;
  /** “一”, “（一）”. */
  number: string;
  title: string;
  /** “一、收入支出决算总体情况说明”, “（一）一般公共预算财政拨款支出决算总体情况”. */
  heading: string;
  paragraphs: NarrativeParagraph[];
  subsections: NarrativeSection[];
}

export interface NarrativePart {
  /** “第三部分 部门决算情况说明”. */
  heading: string;
  /** A subtitle line under the heading (“2024年度部门决算情况说明”), when there is one. */
  subtitle?: string;
  sections: NarrativeSection[];
  /** Paragraphs directly under the part (名词解释). */
  paragraphs: NarrativeParagraph[];
}

export interface NarrativeDocument {
  /** “株洲市长株潭一体化发展事务中心2024年度部门决算情况说明”. */
  title: string;
  format: NarrativeFormat;
  year?: string;
  department?: string;
  parts: NarrativePart[];
}

/** One line of the narrative in reading order: what a 情况说明 sheet holds, one per row. */
export interface NarrativeLine {
  kind: 'part' | 'subtitle' | 'heading' | 'subheading' | 'paragraph';
  text: string;
}

const PLACEHOLDER = /【请填写：([^】]*)】/g;

export function paragraph(text: string): NarrativeParagraph {
  return { text, placeholders: [...text.matchAll(PLACEHOLDER)].map((m) => m[1]) };
}

export function documentLines(doc: NarrativeDocument): NarrativeLine[] {
  const out: NarrativeLine[] = [];
  const section = (s: NarrativeSection, depth: number) => {
    out.push({ kind: depth === 0 ? 'heading' : 'subheading', text: s.heading });
    for (const p of s.paragraphs) out.push({ kind: 'paragraph', text: p.text });
    for (const sub of s.subsections) section(sub, depth + 1);
  };
  for (const part of doc.parts) {
    out.push({ kind: 'part', text: part.heading });
    if (part.subtitle) out.push({ kind: 'subtitle', text: part.subtitle });
    for (const p of part.paragraphs) out.push({ kind: 'paragraph', text: p.text });
    for (const s of part.sections) section(s, 0);
  }
  return out;
}

/** Plain text: headings on their own lines, a blank line before each part and each top-level section. */
export function renderText(doc: NarrativeDocument): string {
  const lines: string[] = [];
  for (const line of documentLines(doc)) {
    if ((line.kind === 'part' || line.kind === 'heading') && lines.length > 0) lines.push('');
    lines.push(line.text);
  }
  return `${lines.join('\n')}\n`;
}

/** The lines as a one-column sheet (情况说明), for hosts that write values. */
export function narrativeSheetValues(lines: readonly NarrativeLine[]): string[][] {
  return lines.map((l) => [l.text]);
}

export function placeholdersOf(doc: NarrativeDocument): string[] {
  const all = new Set<string>();
  const visit = (s: NarrativeSection) => {
    for (const p of s.paragraphs) for (const x of p.placeholders) all.add(x);
    s.subsections.forEach(visit);
  };
  for (const part of doc.parts) {
    for (const p of part.paragraphs) for (const x of p.placeholders) all.add(x);
    part.sections.forEach(visit);
  }
  return [...all];
}
