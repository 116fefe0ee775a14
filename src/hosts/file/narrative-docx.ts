import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { NarrativeDocument, NarrativeSection } from '../../core/narrative/document';

/**
 * The generated 情况说明 as a .docx (Word) file: Word's built-in Title / Heading 1–3 styles (so the navigation
 * pane and a 目录 field work), one Word paragraph per narrative paragraph with a two-character first-line
 * indent, 仿宋 body and 黑体 headings, and every 【请填写：…】 placeholder highlighted in yellow.
 * Kept out of src/core: the core has no file libraries.
 */
export interface NarrativeDocxOptions {
  /** Put the document title (“…2024年度部门决算情况说明”) first (default true). */
  title?: boolean;
}

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const PLACEHOLDER = /(【请填写：[^】]*】)/;

export async function narrativeToDocx(doc: NarrativeDocument, options: NarrativeDocxOptions = {}): Promise<Uint8Array> {
  const children: Paragraph[] = [];
  if (options.title !== false && doc.title) children.push(new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }));
  for (const part of doc.parts) {
    children.push(new Paragraph({ text: part.heading, heading: HeadingLevel.HEADING_1 }));
    if (part.subtitle) children.push(new Paragraph({ children: [new TextRun({ text: part.subtitle, bold: true })], alignment: AlignmentType.CENTER }));
    for (const p of part.paragraphs) children.push(body(p.text));
    for (const s of part.sections) addSection(children, s, 0);
  }
  const document = new Document({
    title: doc.title,
    creator: 'juesuan 决算审核助手',
    description: '部门决算情况说明（自动生成，【请填写：…】处需人工补充）',
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 32 }, paragraph: { spacing: { line: 560 } } },
        title: { run: { font: { ...HEADING_FONT, eastAsia: '方正小标宋简体' }, size: 44, bold: false, color: '000000' } },
        heading1: { run: { font: HEADING_FONT, size: 32, bold: false, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading2: { run: { font: HEADING_FONT, size: 32, bold: false, color: '000000' }, paragraph: { indent: { firstLine: 640 } } },
        heading3: { run: { font: { ...BODY_FONT, eastAsia: '楷体' }, size: 32, bold: false, color: '000000' }, paragraph: { indent: { firstLine: 640 } } },
      },
    },
    sections: [{ children }],
  });
  const buffer = await Packer.toBuffer(document);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function addSection(out: Paragraph[], s: NarrativeSection, depth: number): void {
  out.push(new Paragraph({ text: s.heading, heading: depth === 0 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3 }));
  for (const p of s.paragraphs) out.push(body(p.text));
  for (const sub of s.subsections) addSection(out, sub, depth + 1);
}

/** A body paragraph, placeholders as highlighted runs. */
function body(text: string): Paragraph {
  const runs = text
    .split(PLACEHOLDER)
    .filter((piece) => piece !== '')
    .map((piece) => (PLACEHOLDER.test(piece) ? new TextRun({ text: piece, highlight: 'yellow' }) : new TextRun(piece)));
  return new Paragraph({ children: runs, indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED });
}
