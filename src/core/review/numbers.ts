import Decimal from 'decimal.js';
import type { Span } from './text';

/**
 * The numbers of a narrative, on the clean text (no whitespace): amounts with their unit (万元/元/亿元, with or
 * without thousands separators, trailing zeros dropped: “47.3”), percentages, counts (个、人次、辆…), scores.
 * Years, dates, list markers (“1、”, “2.”), thresholds (“100万元以上设备”) and anything inside a 【…】
 * placeholder are not figures.
 */
export type FigureKind = 'amount' | 'percent' | 'count' | 'score' | 'bare';

export interface Figure {
  kind: FigureKind;
  /** In 万元 for amounts; as written otherwise. */
  value: Decimal;
  /** The digits as written (“19,044.27”). */
  raw: string;
  /** Decimal places written. */
  decimals: number;
  /** The unit as written, '' when none. */
  unit: string;
  /** Digits and unit. */
  span: Span;
  /** The digits only. */
  digits: Span;
}

const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
const UNITS: Array<[string, FigureKind]> = [
  ['万元', 'amount'],
  ['万', 'amount'],
  ['亿元', 'amount'],
  ['元', 'amount'],
  ['%', 'percent'],
  ['人次', 'count'],
  ['批次', 'count'],
  ['台（套）', 'count'],
  ['个', 'count'],
  ['辆', 'count'],
  ['人', 'count'],
  ['台', 'count'],
  ['套', 'count'],
  ['家', 'count'],
  ['名', 'count'],
  ['分', 'score'],
];

/** Figures of clean[from, to) in order. */
export function figuresIn(clean: string, from = 0, to = clean.length): Figure[] {
  const text = clean.slice(0, to);
  const out: Figure[] = [];
  const placeholders = placeholderSpans(text);
  NUMBER.lastIndex = from;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (placeholders.some((p) => start >= p.start && start < p.end)) continue;
    const before = text[start - 1] ?? '';
    const after = text.slice(end, end + 8);
    if (/[A-Za-z.]/.test(before) || /^[A-Za-z]/.test(after)) continue;
    // Years, dates, ordinals, list markers, thresholds.
    if (/^(年|月|日|号|届|期|季度|周岁|岁)/.test(after)) continue;
    if (before === '第') continue;
    if (/^[、]/.test(after) || /^\.(?!\d)/.test(after)) continue;
    if (before === '（' && after.startsWith('）')) continue;
    if (/^(万元|元)(（含）)?以[上下]/.test(after)) continue;
    const raw = m[0];
    const unitEntry = UNITS.find(([u]) => after.startsWith(u));
    const unit = unitEntry?.[0] ?? '';
    const kind: FigureKind = unitEntry?.[1] ?? 'bare';
    let value = new Decimal(raw.replace(/,/g, ''));
    if (unit === '元') value = value.div(10000);
    if (unit === '亿元') value = value.mul(10000);
    const dot = raw.indexOf('.');
    out.push({
      kind,
      value,
      raw,
      decimals: dot < 0 ? 0 : raw.length - dot - 1,
      unit,
      span: { start, end: end + unit.length },
      digits: { start, end },
    });
  }
  return out;
}

/** 【…】 spans (the generator's placeholders hold codes and labels, not figures). */
export function placeholderSpans(text: string): Span[] {
  const out: Span[] = [];
  const re = /【[^】]*】/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}
