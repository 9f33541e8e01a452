#!/usr/bin/env node
// The `gongwen` command: runs the bundled CLI (built by `npm install` / `npm run build`).
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('gongwen: 尚未构建，请先运行 npm run build\n');
  process.exit(2);
}
require(bundle);
