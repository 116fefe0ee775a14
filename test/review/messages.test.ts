import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { reviewNarrative, reviewSummary, REVIEW_RULES, type ReviewFinding } from '../../src/core/review';
import { readWorkbook } from '../../src/core/read/read-workbook';
import { sampleWithSupplement, seedSnapshot } from '../narrative/support';
import { consistentSample, generated, reviewAgainst } from './corpus';
import { PUBLISHED, review, tables } from './support';

/**
 * Messages cite nothing the user does not have: no design document (“domain.md §3.1”), no docs/ file, no rule
 * numbers of one (“N07”). Checked twice: every string and template literal in src/core/review (what a message
 * can be made of), and every message of reviews of the seed's text, generated texts and broken ones.
 */
const FORBIDDEN = /domain|\.md\b|§|\bN\d{2}\b|docs\//i;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('no string in src/core/review cites a file the user does not have', () => {
  const root = join(__dirname, '..', '..', 'src', 'core', 'review');
  const offending: string[] = [];
  let literals = 0;
  for (const path of files(root)) {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      // Import paths are not messages.
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
        literals++;
        if (FORBIDDEN.test(node.text)) offending.push(`${path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.text}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  assert.ok(literals > 200, `${literals} literals scanned`);
  assert.deepEqual(offending, []);
  for (const [id, text] of Object.entries(REVIEW_RULES)) assert.doesNotMatch(text, FORBIDDEN, id);
});

test('no review message cites a file the user does not have (seed text, generated texts, a broken text)', async () => {
  const all: ReviewFinding[] = [];
  all.push(...(await review(PUBLISHED)), ...(await review(PUBLISHED, tables())));
  const sample = await sampleWithSupplement();
  const consistent = await consistentSample();
  for (const snapshot of [sample, consistent, await seedSnapshot()]) for (const format of ['hunan', 'shanghai'] as const) all.push(...reviewAgainst(snapshot, generated(snapshot, format)));
  // A text with every kind of slip at once, and texts with nothing to check.
  const slipped = generated(consistent, 'hunan')
    .replace('2024年度部门决算情况说明', '2023年度部门决算情况说明')
    .replace('下降1.28%', '下降（增长）1.28%')
    .replace('决算数小于年初预算数', '决算数大小于年初预算数')
    .replace('主要包括：办公费、', '主要包括：办公费、取暖费、')
    .replace('二、收入决算情况说明', '')
    .replace('年初预算为476.41万元', '全年预算为476.41万元');
  all.push(...reviewAgainst(consistent, slipped), ...reviewNarrative('', readWorkbook(consistent).model), ...reviewNarrative('随便一段话。', readWorkbook(consistent).model));
  assert.ok(new Set(all.map((f) => f.rule)).size >= 12, [...new Set(all.map((f) => f.rule))].join());
  const offending = all.filter((f) => FORBIDDEN.test(f.message));
  assert.deepEqual(offending.map((f) => f.message), []);
  assert.doesNotMatch(reviewSummary(all), FORBIDDEN);
});
