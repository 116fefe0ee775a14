/**
 * Lazily loaded (chunk "narrative"): the 情况说明 generator and the 说明数据 template (src/core/narrative,
 * src/core/supplement's template), fetched from the page's own origin on the first 生成情况说明 or 说明数据模板.
 * A check needs neither, so the initial bundle carries none of it.
 */
export { narrateSnapshot } from '../core/narrative';
export { buildSupplementTemplate } from '../core/supplement/template';
