#!/usr/bin/env node
'use strict';
// The command line is bundled into dist/ by `npm ci` (the prepare script); build it on first use otherwise.
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  require('child_process').execFileSync(
    process.execPath,
    [path.join(__dirname, '..', 'scripts', 'build-cli.mjs')],
    { stdio: 'inherit' },
  );
}
require(cli)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`jixiao: 内部错误：${err && err.message ? err.message : err}\n`);
      process.exitCode = 2;
    },
  );
