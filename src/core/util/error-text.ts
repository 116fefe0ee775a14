/**
 * An exception's message as the user may read it: always Chinese. Our own messages are Chinese already and pass
 * as they are; a library's English words (JSZip, ExcelJS, the XML parser, the browser) are explained in Chinese
 * where we know what they mean, and kept after the explanation as 技术信息 (what a developer needs from a
 * report), never shown bare.
 */

/** Known library words → what they mean for the user's file. First match wins. */
const KNOWN: Array<[RegExp, string]> = [
  [/end of central directory|end of data reached|missing \d+ bytes|unexpected signature|expected \d+ records in central dir|didn't get enough information/i, '文件不完整或已损坏（zip 结构残缺，可能下载或复制时中断）'],
  [/encrypted zip/i, '压缩包设置了密码，无法读取'],
  [/multi-volumes zip/i, '这是分卷压缩包的一部分，不是完整的文件'],
  [/compression .* unknown|invalid (stored block|distance|code|block type)|incorrect header check|uncompressed data size mismatch|unexpected end of file/i, '文件中的压缩数据已损坏'],
  [/is not a valid (xml|sheet)|unexpected close tag|unclosed root tag|invalid character|non-whitespace before first tag|xml/i, '文件中的 XML 内容不完整或格式有误'],
  [/out of memory|allocation failed|array buffer allocation|invalid array length|maximum call stack/i, '文件太大，浏览器内存不足'],
  [/failed to fetch|loading chunk|networkerror|import\(\)|dynamically imported module/i, '页面组件加载失败（网络中断或页面文件不完整）'],
];

const CJK = /[\u3400-\u9fff]/;

export function errorText(error: unknown): string {
  const raw = (error instanceof Error ? error.message : String(error ?? '')).trim().slice(0, 200);
  if (!raw) return '原因不明';
  if (CJK.test(raw)) return raw;
  const known = KNOWN.find(([pattern]) => pattern.test(raw))?.[1];
  return `${known ?? '程序内部错误'}（技术信息：${raw}）`;
}
