#!/usr/bin/env node
// The same end-to-end suite (dist/test/e2e) in desktop VS Code, through
// @vscode/test-electron — for machines where VS Code can be downloaded or is
// installed. (Here it cannot be downloaded; use scripts/e2e/run.mjs.)
//
//   node scripts/e2e/run-electron.mjs [--no-build] [--vscode=/path/to/code] [--version=stable|insiders|1.91.0]
//
// Only the extension-host suite runs here; the browser UI test needs the web
// workbench (run.mjs). Ends with the line `N passed, M failed`.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const opt = (name) => argv.find((x) => x.startsWith(`--${name}=`))?.slice(name.length + 3);
const require = createRequire(import.meta.url);
const { runTests } = require('@vscode/test-electron');

function runStep(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}
if (!argv.includes('--no-build')) runStep('npm', ['run', '--silent', 'build']);
runStep(process.execPath, [path.join(root, 'scripts/e2e/build-tests.mjs')]);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-e2e-electron-'));
const workspace = path.join(tmp, 'workspace');
const out = path.join(tmp, 'out');
fs.mkdirSync(workspace, { recursive: true });

let exitCode = 0;
let error;
try {
  exitCode = await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'dist/test/e2e/index.js'),
    extensionTestsEnv: { GONGWEN_E2E_OUT: out },
    ...(opt('vscode') ? { vscodeExecutablePath: opt('vscode') } : { version: opt('version') ?? 'stable' }),
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${path.join(tmp, 'user-data')}`,
      `--extensions-dir=${path.join(tmp, 'extensions')}`,
    ],
  });
} catch (e) {
  error = e;
}

const resultFile = path.join(out, 'result.json');
const result = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) : undefined;
let passed = result?.passed ?? 0;
let failed = result?.failed ?? 0;
if (error || !result || (exitCode !== 0 && failed === 0)) {
  console.error(`e2e (electron): ${error ? `VS Code run failed: ${error.message ?? error}` : `exit code ${exitCode}, no result`}`);
  failed += 1;
}
if (failed === 0) fs.rmSync(tmp, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
