// Entry point loaded by VS Code's extension host (--extensionTestsPath / the
// `extensionTestsPath` payload of the web workbench). VS Code calls `run()`;
// the returned promise rejecting marks the run failed (non-zero exit code).
//
// Runs every compiled suite next to this file (dist/test/e2e/suite/*.test.js)
// with mocha (BDD). Besides the usual console output, writes for the runner:
//   $GONGWEN_E2E_OUT/mocha.log   — the spec reporter's lines, as they happen
//   $GONGWEN_E2E_OUT/result.json — { passed, failed, total, failures[] }
// The runner (scripts/e2e/run.mjs) streams the first and reads the second; in
// server mode the extension host's console goes to the browser, not to a tty.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';

type MochaModule = typeof import('mocha');

export interface E2eResult {
  passed: number;
  failed: number;
  total: number;
  failures: Array<{ title: string; error: string }>;
}

export async function run(): Promise<void> {
  const outDir = process.env.GONGWEN_E2E_OUT;
  const logFile = outDir ? path.join(outDir, 'mocha.log') : undefined;
  if (outDir) fs.mkdirSync(outDir, { recursive: true });

  // mocha 12 is an ES module; Node >= 22 can require() it. Keep it external to
  // the bundle so its own lazy requires keep working.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ns = require('mocha') as MochaModule & { default?: MochaModule; Mocha?: MochaModule };
  const Mocha = (ns.default ?? ns.Mocha ?? ns) as unknown as typeof import('mocha');

  // Route the reporter's output to the log file as well as the console.
  const Base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const originalLog = Base.consoleLog;
  Base.consoleLog = (...args: unknown[]) => {
    // log-symbols colours the check marks by itself when CI=true: strip ANSI.
    // eslint-disable-next-line no-control-regex
    if (logFile) fs.appendFileSync(logFile, format(...args).replace(/\x1b\[[0-9;]*m/g, '') + '\n');
    originalLog.apply(console, args);
  };
  (Mocha.reporters.Base as unknown as { useColors: boolean }).useColors = false;

  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false, // the output goes to a log file and the browser console, not a tty
    timeout: Number(process.env.GONGWEN_E2E_TEST_TIMEOUT ?? 60000),
    grep: process.env.GONGWEN_E2E_GREP || undefined,
  });

  const suiteDir = path.join(__dirname, 'suite');
  const files = fs
    .readdirSync(suiteDir)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(suiteDir, f));
  if (files.length === 0) throw new Error(`no compiled e2e suites in ${suiteDir}`);

  // What Mocha#loadFiles does, done here with the extension host's own
  // require (so `require('vscode')` inside the suites resolves).
  for (const file of files) {
    mocha.suite.emit('pre-require', globalThis, file, mocha);
    mocha.suite.emit('require', require(file), file, mocha);
    mocha.suite.emit('post-require', globalThis, file, mocha);
  }

  const result: E2eResult = { passed: 0, failed: 0, total: 0, failures: [] };
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => {
      result.passed++;
    });
    runner.on('fail', (test, err: unknown) => {
      result.failed++;
      const e = err as { stack?: string; message?: string };
      result.failures.push({ title: test.fullTitle(), error: String(e?.stack ?? e?.message ?? err) });
    });
  });
  result.total = result.passed + result.failed;
  Base.consoleLog = originalLog;
  if (outDir) fs.writeFileSync(path.join(outDir, 'result.json'), JSON.stringify(result, null, 2));
  if (result.failed > 0) throw new Error(`${result.failed} e2e test(s) failed`);
  if (result.total === 0) throw new Error('no e2e test ran');
}
