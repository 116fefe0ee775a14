// npm run demo: check the bundled sample workbook, write its 情况说明 from the copy with a 说明数据 sheet, then
// from the sample alone with last year's 决算 and this year's 部门预算 beside it (--prior / --budget), counting the
// 【请填写：…】 blanks left with and without them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const bin = join(root, 'bin', 'juesuan.js');
const fixture = (name) => join(root, 'test', 'fixtures', name);
const run = (args) => spawnSync(process.execPath, [bin, ...args], { stdio: 'inherit' }).status;
const blanks = (args) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { status: r.status, text: r.stdout, count: (r.stdout.match(/【请填写：/g) ?? []).length };
};

console.log('==== 1. 审核样例工作簿 test/fixtures/seed-2024.xlsx ====\n');
const check = run(['check', fixture('seed-2024.xlsx')]);
console.log('\n==== 2. 生成情况说明（样例 + “说明数据”工作表：test/fixtures/seed-2024-with-notes.xlsx）====\n');
const narrate = run(['narrate', fixture('seed-2024-with-notes.xlsx')]);

const sources = [
  ['--prior', 'seed-2023-prior.xlsx', '上年决算'],
  ['--budget', 'seed-2024-budget.xlsx', '本年部门预算'],
].filter(([, name]) => existsSync(fixture(name)));
console.log(`\n==== 3. 生成情况说明（样例，不用“说明数据”，另给${sources.map(([, name, what]) => `${what} test/fixtures/${name}`).join('、')}）====\n`);
const alone = blanks(['narrate', fixture('seed-2024.xlsx')]);
const given = blanks(['narrate', fixture('seed-2024.xlsx'), ...sources.flatMap(([option, name]) => [option, fixture(name)])]);
process.stdout.write(given.text);
console.log(`\n空白：${alone.count} → ${given.count}（【请填写：…】处数：只有样例工作簿 → 另给${sources.map(([, , what]) => what).join('和')}）`);

// The sample has a real error (株州 in two headers): finding it is the demo working, not failing.
const failed = [narrate, alone.status, given.status].find((s) => s !== 0);
process.exitCode = check === 0 || check === 1 ? (failed ?? 0) : (check ?? 1);
