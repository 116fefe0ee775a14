import type { Extraction, ItemResolver } from '../claims';
import type { Outline } from '../sections';
import type { NarrativeText } from '../text';
import { readAmount } from './amount';
import { readChange } from './change';
import { readCompletion } from './completion';
import { readCount } from './count';
import { events } from './events';
import { splitItems } from './items';
import { readLists } from './list';
import { readShare } from './share';
import { ReadingState, type Cue, type Stated } from './state';
import { readWords } from './words';

/** Figure handlers, in the order their cues are tried: the first that takes the figure reads it. */
const FIGURE_HANDLERS: Array<(cue: Cue, st: ReadingState) => boolean> = [
  readShare,
  readCompletion,
  readChange,
  // A percentage none of the above took (a share of something unnamed): read, not a claim.
  (cue, st) => {
    if (cue.figure.kind !== 'percent') return false;
    st.record(cue.figure, false);
    return true;
  },
  readCount,
  readAmount,
];

/**
 * Every claim of the narrative, section by section: item sections are cut into one segment per 科目 label
 * (its figures are the item's), the others read as one segment; the 六 lists are read on their own.
 */
export function extractClaims(text: NarrativeText, o: Outline, resolveItem: ItemResolver): Extraction {
  const out: Extraction = { claims: [], figures: [], items: [] };
  for (const top of o.sections) {
    const stated = new Map<string, Stated>();
    for (const s of [top, ...top.children]) {
      let current: string | undefined;
      for (const seg of splitItems(text, s)) {
        if (seg.label) {
          out.items.push(seg.label);
          out.claims.push(seg.label);
          current = resolveItem(seg.label);
          seg.label.subject = current;
        }
        const st = new ReadingState(text, s, seg.span, !!seg.label, stated, out, current);
        for (const e of events(text, seg.span)) {
          if (e.at < st.prevEnd) continue;
          const cue = st.cue(e);
          if (!e.figure) readWords(cue, st);
          else FIGURE_HANDLERS.some((handle) => handle(cue, st));
        }
        if (!seg.label) current = st.current;
      }
      out.claims.push(...readLists(text, s));
    }
  }
  return out;
}
