/**
 * Hand-written .xlsx packages: the XML as Excel, WPS and generator libraries (POI/NPOI-style) write it, with what
 * ExcelJS never writes — phonetic runs, `_xHHHH_` escapes, inline strings, shared formulas saved without results,
 * East Asian built-in formats, 1904 dates, CRLF line ends, comments, markup-compatibility blocks, absolute
 * relationship targets, chart sheets. Used to hold the fast reader to the ExcelJS path on real-world markup.
 */
import JSZip from 'jszip';

export interface PackageSheet {
  name: string;
  /** The <sheet> element's name attribute as written (already XML-escaped); defaults to `name`. */
  rawName?: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** The worksheet part (full XML); a sheet without one is a chart sheet. */
  xml?: string;
  /** The relationship target; defaults to worksheets/sheetN.xml. */
  target?: string;
}

export interface PackageSpec {
  sheets: PackageSheet[];
  /** <si> elements of xl/sharedStrings.xml; no part when undefined. */
  shared?: string[];
  /** xl/styles.xml; a minimal one when undefined. */
  styles?: string;
  /** Elements of xl/workbook.xml between <workbookPr/> and <sheets> (e.g. an mc:AlternateContent block). */
  workbookExtra?: string;
  workbookPr?: string;
  /** Elements after </sheets> (definedNames, calcPr). */
  workbookTail?: string;
  /** Parts added as they are. */
  extraParts?: Record<string, string>;
}

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** A worksheet part as Excel writes it, around the given sheetData content and trailing elements. */
export function excelSheet(rows: string, tail = ''): string {
  return (
    `${DECL}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{00000000-0001-0000-0000-000000000000}">` +
    '<sheetPr><tabColor rgb="FFFF0000"/><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:H40"/>' +
    '<sheetViews><sheetView tabSelected="1" zoomScale="85" workbookViewId="0"><pane ySplit="5" topLeftCell="A6" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="C7" sqref="C7"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="13.5" x14ac:dyDescent="0.15"/><cols><col min="1" max="1" width="30.625" style="1" customWidth="1"/><col min="2" max="8" width="12.625" customWidth="1"/></cols>' +
    `<sheetData>${rows}</sheetData>${tail}` +
    '<phoneticPr fontId="1" type="noConversion"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" horizontalDpi="600" verticalDpi="600"/><headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>' +
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>说明数据!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>B2</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>' +
    '</worksheet>'
  );
}

/** A worksheet part as WPS and generator libraries write it: plainer, no declaration quirks. */
export function plainSheet(rows: string, tail = ''): string {
  return `<?xml version='1.0' encoding='UTF-8'?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetPr/><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr defaultColWidth="9" defaultRowHeight="14.25"/><sheetData>${rows}</sheetData>${tail}<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>`;
}

export const DEFAULT_STYLES =
  `${DECL}<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

export async function xlsxPackage(spec: PackageSpec): Promise<Uint8Array> {
  const zip = new JSZip();
  const rels: string[] = [];
  const sheets: string[] = [];
  let worksheetNo = 0;
  spec.sheets.forEach((s, i) => {
    const rId = `rId${i + 1}`;
    let target = s.target;
    if (s.xml !== undefined) {
      worksheetNo++;
      target ??= `worksheets/sheet${worksheetNo}.xml`;
      zip.file(`xl/${target.replace(/^\/xl\//, '')}`, s.xml);
    }
    if (target !== undefined) rels.push(`<Relationship Id="${rId}" Type="${REL_NS}/${s.xml === undefined ? 'chartsheet' : 'worksheet'}" Target="${target}"/>`);
    sheets.push(`<sheet name="${s.rawName ?? s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="${rId}"/>`);
  });
  const n = spec.sheets.length;
  rels.push(`<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  if (spec.shared) rels.push(`<Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  zip.file(
    '[Content_Types].xml',
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
  );
  zip.file('_rels/.rels', `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file(
    'xl/workbook.xml',
    `${DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/>${spec.workbookPr ?? '<workbookPr defaultThemeVersion="166925"/>'}${spec.workbookExtra ?? ''}<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets>${sheets.join('')}</sheets>${spec.workbookTail ?? '<calcPr calcId="191029"/>'}</workbook>`,
  );
  zip.file('xl/_rels/workbook.xml.rels', `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  zip.file('xl/styles.xml', spec.styles ?? DEFAULT_STYLES);
  if (spec.shared) zip.file('xl/sharedStrings.xml', `${DECL}<sst xmlns="${MAIN_NS}" count="${spec.shared.length}" uniqueCount="${spec.shared.length}">${spec.shared.join('')}</sst>`);
  for (const [path, text] of Object.entries(spec.extraParts ?? {})) zip.file(path, text);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
