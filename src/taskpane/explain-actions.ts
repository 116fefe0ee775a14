/**
 * The explanation form's handlers and the 审核结果 buttons. The flows themselves (./explain-flows) and what only
 * they need (laying out our sheets, writing them into the open workbook) are one lazy chunk, fetched from the
 * page's own origin on the first use, so that a pane that only checks loads none of it.
 */
import type { Finding } from '../core/findings/finding';
import type { Pane } from './pane';
import { lazyChunk } from './lazy-chunk';
import { focusAfter } from './pane-state';
import { S } from './strings';

type ExplainChunk = typeof import('./explain-flows');

const loadExplain = lazyChunk<ExplainChunk>(() => import(/* webpackChunkName: "explain" */ './explain-flows.js'));

/** Runs a flow from the chunk; a chunk that cannot be loaded is said, never thrown. */
async function withFlows(pane: Pane, run: (flows: ExplainChunk) => Promise<void>): Promise<void> {
  let flows: ExplainChunk;
  try {
    flows = await loadExplain();
  } catch {
    pane.ui.error(S.explain.chunkFailed);
    return;
  }
  await run(flows);
}

export function registerExplainFlows(pane: Pane): void {
  const { ui } = pane;
  const focus = focusAfter('explain', pane.host.caps);
  const actions = {
    save: (finding: Finding, text: string) => void ui.task(() => withFlows(pane, (f) => f.saveExplanation(pane, finding, text)), focus),
    remove: (finding: Finding) => void ui.task(() => withFlows(pane, (f) => f.removeExplanationOf(pane, finding)), focus),
  };
  ui.onExplain({ toggle: (finding, block, button) => void withFlows(pane, async (f) => f.toggleForm(finding, block, button, actions)) });
  ui.on('write-results', () => withFlows(pane, (f) => f.writeResults(pane)));
  ui.on('download-reviewed', () => withFlows(pane, (f) => f.downloadReviewed(pane)));
}
