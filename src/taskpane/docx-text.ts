/** Lazily loaded chunk "docx-text" (with jszip): the shared, browser-safe .docx reader. */
export { docxText } from '../hosts/file/docx-text';
