/**
 * A library's own message (ExcelJS, jszip, docx: English, and meant for programmers) as the user may see it:
 * said in Chinese to be the library's words, kept because they help whoever looks into a reported file.
 */
export function libraryWords(error: unknown): string {
  // One line: a module-loading error carries its whole require stack.
  const words = (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 200);
  return `程序库的原始报错（英文，反馈问题时请一并提供）：${words}`;
}
