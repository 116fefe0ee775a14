import type { Doubted } from './judge';
import type { Reporter } from './report';
import type { OutlineSection } from './sections';
import type { Source } from './sources';
import type { Span } from './text';

/**
 * When the tables themselves are in doubt, the text is not accused: the claims that could not be judged (or
 * were judged against another source) are collected here and reported once per cause — one table check that
 * failed, or two tables that disagree — pointing at the table findings, whatever the number of claims.
 *  - warning: the text differs from a figure the tables do not settle (“请先核对表格”);
 *  - info: the text matched a sound source, a doubted one was set aside (so the reader knows it was not used).
 */
interface Entry {
  span: Span;
  section: OutlineSection;
  /** Claims the tables could not settle (warning), and claims checked against another source (info). */
  unsettled: string[];
  setAside: string[];
  cause: string;
  cells: string[];
  table?: string;
}

export class DoubtLog {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly r: Reporter) {}

  /** The text differs from figures the tables do not settle. */
  unsettled(span: Span, section: OutlineSection, doubted: Doubted[], disagreeing: Source[], table?: string): void {
    if (doubted.length > 0) {
      const d = doubted[0];
      this.add(`doubt:${d.doubt.rule}:${sheetOf(d.source)}`, 'warning', span, section, causeOf(d), d.doubt.cells, table);
    } else if (disagreeing.length > 1) {
      const cause = `${disagreeing.map((s) => `${s.where}为 ${s.value.toFixed(2)} 万元`).join('，')}，表格之间不一致`;
      this.add(`split:${disagreeing.map((s) => s.where).join('|')}`, 'warning', span, section, cause, disagreeing.flatMap((s) => s.cells), table);
    } else if (disagreeing.length === 1) {
      this.add(`impossible:${disagreeing[0].where}`, 'warning', span, section, `${disagreeing[0].where}为 ${disagreeing[0].value.toFixed(2)} 万元，不是可能的金额`, disagreeing[0].cells, table);
    }
  }

  /** The text differs from a value the tables give but cannot be right (a share over 100%): `cause` says why. */
  impossible(span: Span, section: OutlineSection, key: string, cause: string, cells: string[], table?: string): void {
    this.add(`impossible:${key}`, 'warning', span, section, cause, cells, table);
  }

  /** A doubted source was not used; the text agreed with another one. */
  setAside(span: Span, section: OutlineSection, doubted: Doubted[], table?: string): void {
    for (const d of doubted) this.add(`doubt:${d.doubt.rule}:${sheetOf(d.source)}`, 'info', span, section, causeOf(d), d.doubt.cells, table);
  }

  flush(): void {
    for (const e of this.entries.values()) {
      const list = (quotes: string[]) => quotes.slice(0, 5).map((q) => `“${q}”`).join('、') + (quotes.length > 5 ? ` 等 ${quotes.length} 处` : '');
      const n = e.unsettled.length;
      const others = e.setAside.length ? `另有${list(e.setAside)}已按其他一致的来源核对。` : '';
      const message =
        n > 0
          ? `${n > 1 ? `本处及另外 ${n - 1} 处数字` : '这一数字'}与表格不一致，但表格本身有疑问：${e.cause}。未据此认定情况说明有误，请先核对表格，再核对${n > 1 ? `这些数字（${list(e.unsettled)}）` : '这一数字'}。${others}`
          : `核对${list(e.setAside)}时未采用有疑问的表格数字：${e.cause}；已按其他一致的来源核对。`;
      this.r.add('review-source-doubt', n > 0 ? 'warning' : 'info', e.span, e.section, message, { cells: e.cells.slice(0, 20), ...(e.table ? { table: e.table } : {}) });
    }
    this.entries.clear();
  }

  private add(key: string, severity: 'warning' | 'info', span: Span, section: OutlineSection, cause: string, cells: string[], table?: string): void {
    const shown = this.r.quote(span).replace(/\s+/g, '');
    let e = this.entries.get(key);
    if (!e) {
      e = { span, section, unsettled: [], setAside: [], cause, cells: [...cells], table };
      this.entries.set(key, e);
    }
    // The finding stands where the first claim the tables could not settle is.
    if (severity === 'warning' && e.unsettled.length === 0) Object.assign(e, { span, section });
    const into = severity === 'warning' ? e.unsettled : e.setAside;
    if (!into.includes(shown)) into.push(shown);
  }
}

function sheetOf(s: Source): string {
  return s.cells[0]?.split('!')[0] ?? s.where;
}

function causeOf(d: Doubted): string {
  const said = d.doubt.message.replace(/。$/, '');
  return `${d.source.where}未通过表格审核“${d.doubt.title}”（${said.length > 90 ? `${said.slice(0, 88)}…` : said}）`;
}
