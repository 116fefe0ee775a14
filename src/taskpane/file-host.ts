/**
 * The lazily loaded part of the standalone page: reading .xlsx files (the fast reader; ExcelJS for the files it
 * hands over), writing marked copies and copies with the 说明数据 template sheet added (ExcelJS). Loaded by a
 * dynamic import on the first file, ExcelJS by another on first use, so neither the initial bundle nor the
 * add-in inside Excel ever loads ExcelJS. The Buffer shim comes first:
 * read-file.ts and supplement-xlsx.ts use the Buffer global.
 */
import './buffer-shim';

export { snapshotFromXlsx } from '../hosts/file/read-file';
export { MARKED_COPY_CAVEAT, markedCopy } from '../hosts/file/marked-copy';
export { addSupplementTemplateToXlsx } from '../hosts/file/supplement-xlsx';
