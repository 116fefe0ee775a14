// Everything a user can read is Chinese: a library's English message is explained, and kept only as 技术信息.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { errorText } from '../../src/core/util/error-text';
import { SEED } from '../helpers';

const CJK = /[\u3400-\u9fff]/;

test('the zip library’s own errors on damaged files are explained in Chinese, the English kept as 技术信息', async () => {
  const seed = readFileSync(SEED);
  const messages: string[] = [];
  for (const bytes of [seed.subarray(0, seed.length >> 1), seed.subarray(0, 100), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200)])]) {
    try {
      await JSZip.loadAsync(bytes);
    } catch (error) {
      messages.push((error as Error).message);
      const text = errorText(error);
      assert.match(text, /^文件不完整或已损坏（zip 结构残缺，可能下载或复制时中断）（技术信息：/, text);
      assert.ok(text.includes((error as Error).message), 'the original words are kept for whoever reports it');
    }
  }
  assert.ok(messages.some((m) => /Corrupted zip: can't find end of central directory/.test(m)), `${messages}`);
});

test('our own Chinese messages pass unchanged; anything else is wrapped; nothing is left bare or empty', () => {
  assert.equal(errorText(new Error('文件不是有效的 .xlsx（zip）包')), '文件不是有效的 .xlsx（zip）包');
  for (const error of [new TypeError("Cannot read properties of undefined (reading 'x')"), 'boom', 42, null, undefined, new Error('')]) {
    const text = errorText(error);
    assert.ok(CJK.test(text), `${String(error)} → ${text}`);
    assert.ok(!/^[A-Za-z]/.test(text), text);
  }
  assert.equal(errorText(new Error('Encrypted zip are not supported')), '压缩包设置了密码，无法读取（技术信息：Encrypted zip are not supported）');
  assert.equal(errorText('x'.repeat(500)).length < 260, true, 'long messages are cut');
});
