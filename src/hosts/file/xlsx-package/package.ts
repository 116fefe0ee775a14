/**
 * An .xlsx package opened for one kind of change: adding a worksheet part, or replacing the content of one.
 * Everything else in the file — the user's sheets, styles they use, charts, images, print settings, defined
 * names, custom XML — is left byte for byte as it was: the parts are never parsed into a model and written back
 * (as ExcelJS does, losing what it does not model), only the few lines that list sheets are extended.
 *
 * A new sheet goes last, so that defined names and print areas that point at sheets by position keep pointing
 * at the same ones. docProps/app.xml (a cache of sheet titles for file browsers) is left as it is; Excel
 * rewrites it on the next save.
 */
import JSZip from 'jszip';
import { attributes, escapeXml, insertBeforeClose, prefixFor, prefixOf, tags } from './xml';
import { errorText } from '../../../core/util/error-text';

const REL_NS_TRANSITIONAL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_NS_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export class PackageError extends Error {}

interface SheetEntry {
  name: string;
  /** The part holding the sheet, e.g. "xl/worksheets/sheet3.xml". */
  part: string;
}

/** "xl/workbook.xml" + "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml" (and "/xl/…" → "xl/…"). */
function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

function relsPathOf(part: string): string {
  const at = part.lastIndexOf('/');
  return `${part.slice(0, at + 1)}_rels/${part.slice(at + 1)}.rels`;
}

export class XlsxPackage {
  private constructor(
    private readonly zip: JSZip,
    readonly workbookPart: string,
    private workbookXml: string,
    private relsXml: string,
    private typesXml: string,
  ) {}

  static async open(bytes: Uint8Array): Promise<XlsxPackage> {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch (error) {
      throw new PackageError(`文件不是有效的 .xlsx（zip）包：${errorText(error)}`);
    }
    const rootRels = await zip.file('_rels/.rels')?.async('string');
    // The package's own relationships name its main part (every .xlsx has them; the part is usually xl/workbook.xml).
    const officeDocument = rootRels && tags(rootRels, 'Relationship').map(attributes).find((a) => (a.get('Type') ?? '').endsWith('/officeDocument'));
    if (!officeDocument) throw new PackageError('文件中缺少包关系（_rels/.rels），不是完整的 .xlsx');
    const workbookPart = resolvePart('', officeDocument.get('Target') ?? '');
    const workbookXml = await zip.file(workbookPart)?.async('string');
    const relsXml = await zip.file(relsPathOf(workbookPart))?.async('string');
    const typesXml = await zip.file('[Content_Types].xml')?.async('string');
    if (!workbookXml || !relsXml || !typesXml) throw new PackageError('文件中缺少工作簿的必要部件（workbook.xml、其关系或内容类型）');
    return new XlsxPackage(zip, workbookPart, workbookXml, relsXml, typesXml);
  }

  /** The relationships prefix of workbook.xml ("r" in `r:id`). */
  private relPrefix(): string {
    const prefix = prefixFor(this.workbookXml, REL_NS_TRANSITIONAL) ?? prefixFor(this.workbookXml, REL_NS_STRICT);
    if (!prefix) throw new PackageError('workbook.xml 中没有关系命名空间');
    return prefix;
  }

  private relationships(): Array<Map<string, string>> {
    return tags(this.relsXml, 'Relationship').map(attributes);
  }

  sheets(): SheetEntry[] {
    const idAttr = `${this.relPrefix()}:id`;
    const rels = new Map(this.relationships().map((r) => [r.get('Id') ?? '', r]));
    return tags(this.workbookXml, 'sheet').flatMap((tag) => {
      const a = attributes(tag);
      const rel = rels.get(a.get(idAttr) ?? '');
      const name = a.get('name');
      if (!rel || name === undefined || !(rel.get('Type') ?? '').endsWith('/worksheet')) return [];
      return [{ name, part: resolvePart(this.workbookPart, rel.get('Target') ?? '') }];
    });
  }

  /** Replaces the content of the sheet named `name`, or adds a sheet of that name last. Returns whether it was created. */
  setSheet(name: string, worksheetXml: string): boolean {
    // Excel compares sheet names without regard to case.
    const existing = this.sheets().find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (existing) {
      this.zip.file(existing.part, worksheetXml);
      return false;
    }
    this.addSheet(name, worksheetXml);
    return true;
  }

  private addSheet(name: string, worksheetXml: string): void {
    const rels = this.relationships();
    const worksheetRel = rels.find((r) => (r.get('Type') ?? '').endsWith('/worksheet'));
    if (!worksheetRel) throw new PackageError('工作簿中没有工作表关系，无法添加工作表');
    const ids = new Set(rels.map((r) => r.get('Id') ?? ''));
    let n = rels.length + 1;
    while (ids.has(`rId${n}`)) n++;
    const relId = `rId${n}`;
    const taken = new Set(Object.keys(this.zip.files).map((f) => f.toLowerCase()));
    const dir = `${this.workbookPart.split('/').slice(0, -1).join('/')}/worksheets`.replace(/^\//, '');
    let k = this.sheets().length + 1;
    while (taken.has(`${dir}/sheet${k}.xml`.toLowerCase())) k++;
    const part = `${dir}/sheet${k}.xml`;
    const target = part.slice(this.workbookPart.split('/').slice(0, -1).join('/').length).replace(/^\//, '');
    const sheetIds = tags(this.workbookXml, 'sheet').map((t) => Number(attributes(t).get('sheetId') ?? 0));
    const sheetId = Math.max(0, ...sheetIds.filter(Number.isFinite)) + 1;
    const wbPrefix = prefixOf(this.workbookXml, 'sheets') ?? '';
    const sheetTag = `<${wbPrefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${this.relPrefix()}:id="${relId}"/>`;
    const relPrefix = prefixOf(this.relsXml, 'Relationship') ?? '';
    const relTag = `<${relPrefix}Relationship Id="${relId}" Type="${escapeXml(worksheetRel.get('Type')!)}" Target="${escapeXml(target)}"/>`;
    const typesPrefix = prefixOf(this.typesXml, 'Types') ?? '';
    const typeTag = `<${typesPrefix}Override PartName="/${escapeXml(part)}" ContentType="${WORKSHEET_CONTENT_TYPE}"/>`;
    const workbookXml = insertBeforeClose(this.workbookXml, 'sheets', sheetTag);
    const relsXml = insertBeforeClose(this.relsXml, 'Relationships', relTag);
    const typesXml = insertBeforeClose(this.typesXml, 'Types', typeTag);
    if (!workbookXml || !relsXml || !typesXml) throw new PackageError('无法在工作簿中登记新的工作表');
    this.workbookXml = workbookXml;
    this.relsXml = relsXml;
    this.typesXml = typesXml;
    this.zip.file(part, worksheetXml);
    this.zip.file(this.workbookPart, workbookXml);
    this.zip.file(relsPathOf(this.workbookPart), relsXml);
    this.zip.file('[Content_Types].xml', typesXml);
  }

  /** The part's text, e.g. the styles part (undefined when the file has none). */
  async part(path: string): Promise<string | undefined> {
    return this.zip.file(path)?.async('string');
  }

  setPart(path: string, xml: string): void {
    this.zip.file(path, xml);
  }

  /** The styles part named by the workbook's relationships. */
  stylesPart(): string | undefined {
    const rel = this.relationships().find((r) => (r.get('Type') ?? '').endsWith('/styles'));
    return rel ? resolvePart(this.workbookPart, rel.get('Target') ?? '') : undefined;
  }

  /** The namespaces a new worksheet must use: the workbook's own (transitional, or strict for a strict file). */
  namespaces(): { main: string; rel: string } {
    const strict = prefixFor(this.workbookXml, REL_NS_STRICT) !== undefined;
    return strict
      ? { main: 'http://purl.oclc.org/ooxml/spreadsheetml/main', rel: REL_NS_STRICT }
      : { main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main', rel: REL_NS_TRANSITIONAL };
  }

  async bytes(): Promise<Uint8Array> {
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}
