#!/usr/bin/env node
'use strict';
let cli;
try {
  cli = require('../lib/cli/main.js');
} catch (error) {
  process.stderr.write('juesuan 尚未构建：请先运行 npm ci（或 npm run build:lib）。\n');
  process.exit(2);
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // main() never throws; should it, the words are still said to be a fault for the developer.
    process.stderr.write(`内部错误（请把以下信息告诉开发者）：${error && error.message ? error.message : error}\n`);
    process.exitCode = 1;
  },
);
