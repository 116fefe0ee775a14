/** Lazily loaded: the 情况说明 as a .docx (docx's Packer needs the Buffer global, hence the shim first). */
import './buffer-shim';

export { narrativeToDocx } from '../hosts/file/narrative-docx';
