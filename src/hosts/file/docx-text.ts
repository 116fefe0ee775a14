import JSZip from 'jszip';

/**
 * The paragraphs of a .docx body, one per line (tables' paragraphs in document order): what the reviewer calls
 * paragraphs. No Node imports, so the CLI and the web page share it (the page loads it lazily with jszip).
 */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('文件中没有 word/document.xml（不是 Word 文档）');
  const xml = await file.async('string');
  const body = xml.slice(Math.max(0, xml.indexOf('<w:body')));
  const paragraphs: string[] = [];
  const re = /<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>|<w:p [^>]*\/>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) paragraphs.push(paragraphText(m[0]));
  return paragraphs.join('\n');
}

function paragraphText(xml: string): string {
  let out = '';
  const re = /<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br\/>|<w:br [^>]*\/>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[1] !== undefined) out += unescapeXml(m[1]);
    else if (m[0].startsWith('<w:tab')) out += '\t';
    else out += ' ';
  }
  return out;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

