/**
 * Lazily loaded (chunk "narrative"): the 情况说明 generator and the 说明数据 template (src/core/narrative,
 * src/core/supplement's template), fetched from the page's own origin on the first 生成情况说明 or 说明数据模板.
 * A check needs neither, so the initial bundle carries none of it. Also reads the 上年决算 / 部门预算 files chosen for
 * the narrative (the fast .xlsx reader; the Buffer shim first, as in file-host.ts).
 */
import './buffer-shim';
import { sourcesFromFiles, type SourcesRead } from '../hosts/file/source-bytes';
import type { ChosenSources } from './source-pickers';

export { narrateSnapshot } from '../core/narrative';
export { buildSupplementTemplate } from '../core/supplement/template';

/** The 上年决算 / 部门预算 files chosen in the pane, read here (src/core/sources takes them from there). */
export async function sourcesFromChosen(chosen: ChosenSources): Promise<SourcesRead> {
  const bytes = async (file: File | undefined) => (file ? { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name } : undefined);
  try {
    return await sourcesFromFiles({ prior: await bytes(chosen.prior), budget: await bytes(chosen.budget) });
  } catch {
    return { ok: false, message: '无法读取所选的上年决算或部门预算文件，请重新选择。' };
  }
}
