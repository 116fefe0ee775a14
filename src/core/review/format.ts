import type { Extraction } from './claims';
import type { Reporter } from './report';
import type { Outline } from './sections';

/**
 * Formatting (domain.md §3.3, §5 #15): an amount without 万元 or with one decimal place, a percentage without %
 * or with fewer than two decimals (100% and 0% are accepted as written), a paragraph that ends a section with
 * “；” or “，”.
 */
export function checkFormat(r: Reporter, o: Outline, ex: Extraction): void {
  for (const { figure: f, section, expects } of ex.figures) {
    if (r.precisionReported.has(f.span.start)) continue;
    if (f.kind === 'bare' && expects === 'amount' && f.decimals > 0)
      r.add('review-format', 'warning', f.span, section, `金额“${f.raw}”后缺少单位“万元”。`, { actual: f.raw });
    else if (f.kind === 'bare' && expects === 'percent')
      r.add('review-format', 'warning', f.span, section, `比率“${f.raw}”后缺少“%”。`, { actual: f.raw });
    else if (f.kind === 'amount' && f.unit === '万')
      r.add('review-format', 'info', f.span, section, `金额单位宜写作“万元”：“${f.raw}万”。`, { actual: `${f.raw}万`, expected: `${f.raw}万元` });
    else if (f.kind === 'amount' && f.unit === '万元' && f.decimals === 1)
      r.add('review-format', 'info', f.span, section, `金额宜保留两位小数：“${f.raw}万元”写作“${f.value.toFixed(2)}万元”。`, { actual: f.raw, expected: f.value.toFixed(2) });
    else if (f.kind === 'percent' && f.decimals < 2 && !(f.decimals === 0 && (f.value.isZero() || f.value.eq(100))))
      r.add('review-format', 'info', f.span, section, `百分比宜保留两位小数：“${f.raw}%”写作“${f.value.toFixed(2)}%”。`, { actual: `${f.raw}%`, expected: `${f.value.toFixed(2)}%` });
  }
  // A paragraph that ends its section with “；” or “，”.
  const text = r.text;
  const lines = text.original.split('\n');
  const headingStarts = new Set<number>();
  for (const s of o.sections) {
    headingStarts.add(s.whole.start);
    for (const c of s.children) headingStarts.add(c.whole.start);
  }
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i].replace(/\s+$/, '');
    const last = trimmed[trimmed.length - 1];
    if (last !== '；' && last !== ';' && last !== '，') continue;
    const start = text.cleanIndexOfLine(i);
    if (start < o.range.start || start >= o.range.end) continue;
    let j = i + 1;
    while (j < lines.length && lines[j].trim() === '') j++;
    const next = text.cleanIndexOfLine(j);
    if (j < lines.length && !headingStarts.has(next) && next < o.range.end) continue;
    const end = text.cleanIndexOfLine(i + 1);
    const section = o.sections.flatMap((s) => [s, ...s.children]).reverse().find((s) => s.whole.start <= start);
    r.add('review-format', 'info', { start: end - 1, end }, section, `段落以“${last}”结尾，应以“。”结束。`, { actual: last, expected: '。' });
  }
}
