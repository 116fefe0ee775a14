/**
 * ExcelJS as one of our own ES modules, for exceljs-module.ts to import() lazily: webpack then loads it as a
 * plain module (no CommonJS interop helper in the initial bundle).
 */
import ExcelJS from 'exceljs';

export default ExcelJS;
