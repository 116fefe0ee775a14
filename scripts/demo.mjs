// npm run demo: check the bundled sample workbook, then write its 情况说明 from the copy with a 说明数据 sheet.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const bin = join(root, 'bin', 'juesuan.js');
const run = (args) => spawnSync(process.execPath, [bin, ...args], { stdio: 'inherit' }).status;

console.log('==== 1. 审核样例工作簿 test/fixtures/seed-2024.xlsx ====\n');
const check = run(['check', join(root, 'test', 'fixtures', 'seed-2024.xlsx')]);
console.log('\n==== 2. 生成情况说明（样例 + “说明数据”工作表：test/fixtures/seed-2024-with-notes.xlsx）====\n');
const narrate = run(['narrate', join(root, 'test', 'fixtures', 'seed-2024-with-notes.xlsx')]);
// The sample has a real error (株州 in two headers): finding it is the demo working, not failing.
process.exitCode = check === 0 || check === 1 ? (narrate ?? 1) : (check ?? 1);
