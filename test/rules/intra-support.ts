import { readWorkbook } from '../../src/core/read/read-workbook';
import { runRules } from '../../src/core/rules/engine';
import type { Rule } from '../../src/core/rules/rule';
import type { Finding } from '../../src/core/findings/finding';
import type { TablesModel } from '../../src/core/tables/model';
import type { WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import { snapshotOf } from '../helpers';
import { buildShanghaiWorkbook } from '../support/shanghai';
import { workbookToBuffer } from '../support/variants';
import { seedSnapshot } from './support';

let shanghai: Promise<WorkbookSnapshot> | undefined;

/** The invented Shanghai-layout workbook (test/support/shanghai.ts), whose figures satisfy every identity. */
export function shanghaiSnapshot(): Promise<WorkbookSnapshot> {
  shanghai ??= buildShanghaiWorkbook()
    .then(workbookToBuffer)
    .then((b) => snapshotOf(b, 'shanghai-2024.xlsx'));
  return shanghai;
}

export function runOn(model: TablesModel, rules: readonly Rule[]): Finding[] {
  return runRules(model, rules);
}

/** Every path to a plain object or array inside a table, for deleting one piece at a time. */
function paths(v: unknown, prefix: string[] = [], depth = 0, out: string[][] = []): string[][] {
  if (depth > 6 || v === null || typeof v !== 'object') return out;
  if ('cell' in v && 'value' in v) return out;
  for (const [k, x] of Object.entries(v)) {
    if (k === 'meta') continue;
    out.push([...prefix, k]);
    paths(x, [...prefix, k], depth + 1, out);
  }
  return out;
}

/**
 * Models of the sample with one piece of one table removed (a line, a column's amount, an item, a block, an
 * array emptied…): what a partial reading could give. The reader's own model is fresh each time.
 */
export async function partialModels(code: keyof TablesModel): Promise<TablesModel[]> {
  const snap = await seedSnapshot();
  const base = readWorkbook(snap).model;
  const out: TablesModel[] = [];
  for (const path of paths(base[code])) {
    const model = readWorkbook(snap).model;
    let parent = model[code] as unknown as Record<string, unknown>;
    for (const k of path.slice(0, -1)) parent = parent[k] as Record<string, unknown>;
    const last = path[path.length - 1];
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
    out.push(model);
  }
  return out;
}
