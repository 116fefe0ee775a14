import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Decimal from 'decimal.js';
import { formatPercent } from '../../src/core/util/money';
import * as money from '../../src/core/narrative/money';

/**
 * (c) Numbers in the narrative come only from Decimal values: the generator and the 说明数据 reader contain no
 * float arithmetic on amounts. The scan looks for every way a JavaScript number could carry an amount, a share or
 * a rate; money.ts is where Decimal is formatted (toFixed on Decimal), and is scanned too.
 */

const ROOT = join(__dirname, '..', '..');
const DIRS = ['src/core/narrative', 'src/core/supplement', 'src/core/util'];

const FORBIDDEN: Array<[RegExp, string]> = [
  [/\bNumber\s*\(/, 'Number(…) turns text or Decimal into a float'],
  [/\bNumber\.(parseFloat|parseInt|isInteger|EPSILON)/, 'Number.* float helpers'],
  [/\bparseFloat\s*\(/, 'parseFloat'],
  [/\bparseInt\s*\(/, 'parseInt'],
  [/\.toNumber\s*\(/, 'Decimal#toNumber() leaves exact arithmetic'],
  [/\.valueOf\s*\(\s*\)/, 'valueOf() coerces to a primitive'],
  [/\bMath\.(round|floor|ceil|trunc|abs|max|min|pow)\s*\(/, 'Math.* on numbers'],
  [/[*/]\s*100\b(?!\d)/, '× 100 / ÷ 100 on a number (percentages go through money.ts percentOf)'],
  [/\b100\s*[*/]/, '100 × … on a number'],
  [/(?<![\w.])\+\s*(value|amount|v|a|b|d)\b/, 'unary + coercion of an amount'],
  [/\b(?:toFixed|toPrecision)\s*\(/, 'toFixed/toPrecision outside money.ts'],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Source with comments and the literal text of strings blanked (a message may say “100%” or “Number”), but the
 * code inside template `${…}` kept — that is where a formatted number would be computed.
 */
function code(text: string): string {
  let out = '';
  const stack: Array<'template' | 'brace'> = [];
  let i = 0;
  const blank = (c: string) => (c === '\n' ? '\n' : ' ');
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    const inTemplate = stack[stack.length - 1] === 'template';
    if (inTemplate) {
      if (c === '\\') {
        out += '  ';
        i += 2;
      } else if (c === '`') {
        stack.pop();
        out += '`';
        i++;
      } else if (c === '$' && next === '{') {
        stack.push('brace');
        out += '${';
        i += 2;
      } else {
        out += blank(c);
        i++;
      }
      continue;
    }
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += `${c}${' '.repeat(Math.max(0, j - i - 1))}${c}`;
      i = j + 1;
    } else if (c === '`') {
      stack.push('template');
      out += '`';
      i++;
    } else if (c === '{' && stack.length) {
      stack.push('brace');
      out += c;
      i++;
    } else if (c === '}' && stack[stack.length - 1] === 'brace') {
      stack.pop();
      out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export function violations(file: string, text: string): string[] {
  const out: string[] = [];
  const isMoney = file.endsWith('narrative/money.ts') || file.endsWith('util/money.ts');
  code(text)
    .split('\n')
    .forEach((line, i) => {
      for (const [pattern, why] of FORBIDDEN) {
        if (isMoney && /toFixed|toPrecision/.test(why)) continue;
        // Counts (团组, 辆) are integer Decimals shown with toFixed(0): allowed on a Decimal count only.
        if (/toFixed/.test(why) && /\.toFixed\(0\)/.test(line) && !/toFixed\((?!0\))/.test(line)) continue;
        if (pattern.test(line)) out.push(`${file}:${i + 1}: ${why}: ${line.trim()}`);
      }
    });
  return out;
}

test('src/core/narrative and src/core/supplement contain no float arithmetic on amounts', () => {
  const files = DIRS.flatMap((d) => sources(join(ROOT, d)));
  assert.ok(files.length >= 10, `found ${files.length} files`);
  const found = files.flatMap((f) => violations(relative(ROOT, f), readFileSync(f, 'utf8')));
  assert.deepEqual(found, []);
});

test('the scanner catches what it is meant to catch', () => {
  const bad = [
    'const share = part.toNumber() / total.toNumber();',
    'const rate = Number(text);',
    'const p = Math.round(x * 100) / 100;',
    'const amount = parseFloat(cell);',
    "const s = (a / b * 100).toFixed(2) + '%';",
    'const t = `占${(part / whole * 100).toFixed(2)}%`;',
    'const u = `占${x}、${Number(y)}`;',
  ];
  for (const line of bad) assert.notDeepEqual(violations('src/core/narrative/x.ts', line), [], line);
  const fine = ["const m = `占${formatPercent(p)}`;", "// Math.round is not used", "const label = '100%';", 'n.toFixed(0)'];
  for (const line of fine) assert.deepEqual(violations('src/core/narrative/x.ts', line), [], line);
});

test('the public money helpers take and return Decimal only', () => {
  const p = money.percentOf(new Decimal('47.3'), new Decimal('519.63'));
  assert.ok(p instanceof Decimal);
  assert.equal(formatPercent(p!), '9.10%');
  const c = money.changeOf(new Decimal('519.63'), new Decimal('526.36'));
  assert.ok(c.amount instanceof Decimal && c.rate instanceof Decimal);
});
