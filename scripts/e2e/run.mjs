#!/usr/bin/env node
// End-to-end tests in a real VS Code: code-server's VS Code server (Node 24)
// plus its web workbench in headless Debian chromium, driven by playwright-core.
//
//   node scripts/e2e/run.mjs [--no-build] [--no-ui] [--only-ui] [--keep] [--verbose] [--timeout=SECONDS] [--grep=PATTERN]
//
// --grep=PATTERN runs only the extension-host tests whose full title matches
// (mocha's grep; the same as env GONGWEN_E2E_GREP). The extension host
// inherits the environment of this process (e.g. GONGWEN_E2E_TIMINGS_OUT for
// test/e2e/suite/activation.test.ts).
//
// 1. builds the extension (npm run build) and the e2e bundles (dist/test/e2e);
// 2. starts server-main.js on a free loopback port with fresh user-data,
//    server-data and extensions folders and a fresh workspace folder;
// 3. phase "extension host": opens the workbench with a payload naming
//    extensionDevelopmentPath (the repo root) and extensionTestsPath
//    (dist/test/e2e/index.js); the remote extension host runs the mocha suite
//    and reports its exit code through window.codeAutomationExit (the hook VS
//    Code's own browser integration tests use; payloads are honoured only with
//    --enable-smoke-test-driver);
// 4. phase "browser UI": a second window with the extension only; the tests in
//    test/e2e/ui/*.ui.mjs drive the workbench like a person (keyboard, panels);
// 5. prints the results and ends with the line `N passed, M failed`.
// Exit code: 0 when everything passed, 1 on a failure, a timeout or a crash.
//
// Needs scripts/e2e/setup.sh to have run (npm run test:e2e does both).

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, dflt) => {
  const a = argv.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : dflt;
};
const VERBOSE = flag('verbose') || !!process.env.GONGWEN_E2E_VERBOSE;
const TIMEOUT_S = Number(opt('timeout', process.env.GONGWEN_E2E_TIMEOUT ?? 300));
const RUN_SUITE = !flag('only-ui');
const RUN_UI = !flag('no-ui');
const ARTIFACTS = path.join(root, 'test-artifacts');

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const say = (...a) => console.log(`[e2e ${elapsed()}]`, ...a);

// ---------------------------------------------------------------------------
// Tools installed by setup.sh
const cache = process.env.GONGWEN_E2E_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'gongwen-e2e');
const envFile = path.join(cache, 'env.json');
if (!fs.existsSync(envFile)) {
  console.error(`e2e: ${envFile} not found; run scripts/e2e/setup.sh first`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const tools = JSON.parse(fs.readFileSync(envFile, 'utf8'));
const require = createRequire(import.meta.url);
const { chromium } = require(tools.playwrightCore);

// ---------------------------------------------------------------------------
// Build
function runStep(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}
if (!flag('no-build')) {
  say('building the extension (npm run build) and the e2e bundles');
  runStep('npm', ['run', '--silent', 'build']);
}
runStep(process.execPath, [path.join(root, 'scripts/e2e/build-tests.mjs')]);
for (const f of ['dist/client.js', 'dist/server.js', 'dist/test/e2e/index.js']) {
  if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} is missing after the build`);
}

// ---------------------------------------------------------------------------
// Fresh folders
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-e2e-'));
const dirs = {
  userData: path.join(tmp, 'user-data'),
  serverData: path.join(tmp, 'server-data'),
  extensions: path.join(tmp, 'extensions'),
  suiteWorkspace: path.join(tmp, 'workspace-suite'),
  uiWorkspace: path.join(tmp, 'workspace-ui'),
  out: path.join(tmp, 'out'),
};
for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
// Quiet, offline, deterministic workbench.
fs.writeFileSync(
  path.join(dirs.userData, 'User', 'settings.json'),
  JSON.stringify(
    {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'workbench.editor.enablePreview': false,
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'update.mode': 'none',
      'telemetry.telemetryLevel': 'off',
      'chat.disableAIFeatures': true,
      'git.enabled': false,
      'git.autoRepositoryDetection': false,
      'github.gitAuthentication': false,
      'security.workspace.trust.enabled': false,
      'files.autoSave': 'off',
      'editor.minimap.enabled': false,
      'editor.fontFamily': "'WenQuanYi Micro Hei Mono', 'WenQuanYi Micro Hei', monospace",
      'window.commandCenter': false,
      'workbench.layoutControl.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    },
    null,
    2,
  ),
);

// ---------------------------------------------------------------------------
// Server
const serverLog = fs.createWriteStream(path.join(tmp, 'server.log'));
const browserLog = fs.createWriteStream(path.join(tmp, 'browser-console.log'));
const serverArgs = [
  tools.serverMain,
  '--host', '127.0.0.1',
  '--port', '0',
  '--without-connection-token',
  '--accept-server-license-terms',
  '--enable-smoke-test-driver',
  '--disable-telemetry',
  '--disable-experiments',
  '--disable-workspace-trust',
  '--skip-welcome',
  '--skip-release-notes',
  '--user-data-dir', dirs.userData,
  '--server-data-dir', dirs.serverData,
  '--extensions-dir', dirs.extensions,
];
say(`starting VS Code server (${path.relative(cache, tools.serverMain)}) with Node 24; logs in ${tmp}`);
const server = spawn(tools.node, serverArgs, {
  cwd: tmp,
  detached: true, // own process group: we stop it and its extension hosts together
  stdio: ['ignore', 'pipe', 'pipe'],
  env: {
    ...process.env,
    GONGWEN_E2E_OUT: dirs.out,
    ...(opt('grep') ? { GONGWEN_E2E_GREP: opt('grep') } : {}),
    // No gallery: nothing to query, nothing to update.
    EXTENSIONS_GALLERY: '{}',
    VSCODE_SKIP_PRELAUNCH: '1',
  },
});
let serverExited = null;
const port = await new Promise((resolve, reject) => {
  let buf = '';
  const onData = (chunk) => {
    const s = chunk.toString();
    serverLog.write(s);
    if (VERBOSE) process.stdout.write(`[server] ${s}`);
    buf += s;
    const m = buf.match(/Extension host agent listening on (\d+)/);
    if (m) resolve(Number(m[1]));
  };
  server.stdout.on('data', onData);
  server.stderr.on('data', (c) => {
    serverLog.write(c);
    if (VERBOSE) process.stderr.write(`[server] ${c}`);
  });
  server.on('exit', (code, signal) => {
    serverExited = { code, signal };
    reject(new Error(`VS Code server exited early (code ${code}, signal ${signal}); see ${tmp}/server.log`));
  });
  setTimeout(() => reject(new Error('VS Code server did not start listening within 60 s')), 60000).unref();
});
const host = `127.0.0.1:${port}`;
say(`server listening on http://${host}`);

function stopServer() {
  if (serverExited) return;
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}
process.on('exit', stopServer);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

// ---------------------------------------------------------------------------
// Browser
const browser = await chromium.launch({
  executablePath: tools.chromium,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // No --user-data-dir here: playwright refuses it in launch() and gives
    // every launch a fresh temporary profile itself.
  ],
});

function remoteUri(p) {
  return `vscode-remote://${host}${p.split(path.sep).join('/')}`;
}

function workbenchUrl(folder, payload) {
  return `http://${host}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** A fresh browser context + page that logs its console and never leaves loopback. */
async function newWorkbenchPage(label) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  await context.route(
    (url) => !['127.0.0.1', 'localhost'].includes(url.hostname) && /^(https?|wss?):$/.test(url.protocol),
    (route) => route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  page.on('console', (m) => browserLog.write(`[${label}] ${m.type()}: ${m.text()}\n`));
  page.on('pageerror', (e) => browserLog.write(`[${label}] pageerror: ${e.stack ?? e}\n`));
  return { context, page };
}

/** Stream new lines of a file to stdout until stopped. */
function follow(file, prefix) {
  let pos = 0;
  let partial = '';
  const pump = () => {
    let fd;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      return;
    }
    try {
      const size = fs.fstatSync(fd).size;
      if (size <= pos) return;
      const buf = Buffer.alloc(size - pos);
      fs.readSync(fd, buf, 0, buf.length, pos);
      pos = size;
      const lines = (partial + buf.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines) console.log(prefix + l);
    } finally {
      fs.closeSync(fd);
    }
  };
  const timer = setInterval(pump, 200);
  return () => {
    clearInterval(timer);
    pump();
    if (partial) console.log(prefix + partial);
  };
}

const totals = { passed: 0, failed: 0 };
const problems = [];

// ---------------------------------------------------------------------------
// Phase 1: the mocha suite inside the extension host
async function runExtensionHostSuite() {
  say('phase 1: mocha suite in the extension host');
  const { context, page } = await newWorkbenchPage('suite');
  const exit = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code) => resolve({ code }));
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    browserLog.write(`[suite:exthost] ${type}: ${JSON.stringify(args)}\n`);
  });
  const payload = [
    ['extensionDevelopmentPath', remoteUri(root)],
    ['extensionTestsPath', remoteUri(path.join(root, 'dist/test/e2e/index.js'))],
    ['skipWelcome', 'true'],
  ];
  const stopFollow = follow(path.join(dirs.out, 'mocha.log'), '  ');
  await page.goto(workbenchUrl(dirs.suiteWorkspace, payload));
  let timer;
  const outcome = await Promise.race([
    exit,
    new Promise((resolve) => {
      timer = setTimeout(() => resolve({ timeout: true }), TIMEOUT_S * 1000);
    }),
    new Promise((resolve) => server.once('exit', () => resolve({ serverDied: true }))),
  ]);
  clearTimeout(timer);
  stopFollow();
  await context.close().catch(() => {});

  const resultFile = path.join(dirs.out, 'result.json');
  const result = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) : undefined;
  if (result) {
    totals.passed += result.passed;
    totals.failed += result.failed;
    for (const f of result.failures) problems.push(`${f.title}\n${indent(f.error)}`);
  }
  if (outcome.timeout) {
    problems.push(`extension-host suite timed out after ${TIMEOUT_S} s`);
    if (!result || result.failed === 0) totals.failed += 1;
  } else if (outcome.serverDied) {
    problems.push('the VS Code server died during the extension-host suite');
    totals.failed += 1;
  } else if (!result) {
    problems.push(`extension host exited with code ${outcome.code} without a result (the suite did not run?)`);
    totals.failed += 1;
  } else if (outcome.code !== 0 && result.failed === 0) {
    problems.push(
      `extension host exited with code ${outcome.code} although no test failed` +
        (result.total === 0 ? ' (no test ran: check GONGWEN_E2E_GREP and dist/test/e2e/suite)' : ''),
    );
    totals.failed += 1;
  }
  say(
    `phase 1 done: ${result ? `${result.passed} passed, ${result.failed} failed` : 'no result'}` +
      (outcome.timeout ? ' (timeout)' : `, extension host exit code ${outcome.code ?? 'n/a'}`),
  );
}

// ---------------------------------------------------------------------------
// Phase 2: browser UI tests (test/e2e/ui/*.ui.mjs)
async function runUiTests() {
  say('phase 2: browser UI tests');
  const uiDir = path.join(root, 'test/e2e/ui');
  const files = fs.readdirSync(uiDir).filter((f) => f.endsWith('.ui.mjs')).sort();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const file of files) {
    const mod = await import(pathToFileURL(path.join(uiDir, file)).href);
    for (const test of mod.tests) {
      const folder = fs.mkdtempSync(path.join(dirs.uiWorkspace, 'ws-'));
      const { context, page } = await newWorkbenchPage(`ui:${test.name}`);
      const payload = [['extensionDevelopmentPath', remoteUri(root)], ['skipWelcome', 'true']];
      const started = Date.now();
      let timer;
      try {
        await Promise.race([
          test.run({
            page,
            folder,
            artifacts: ARTIFACTS,
            log: (...a) => console.log('      ', ...a),
            open: () => page.goto(workbenchUrl(folder, payload)),
          }),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`timed out after ${test.timeoutS ?? 120} s`)), (test.timeoutS ?? 120) * 1000);
          }),
        ]);
        totals.passed++;
        console.log(`  ✔ [ui] ${test.name} (${Date.now() - started} ms)`);
      } catch (e) {
        totals.failed++;
        console.log(`  ✖ [ui] ${test.name}`);
        problems.push(`[ui] ${test.name}\n${indent(e?.stack ?? String(e))}`);
        const shot = path.join(ARTIFACTS, `e2e-failure-${test.name.replace(/\W+/g, '-')}.png`);
        await page.screenshot({ path: shot }).catch(() => {});
        console.log(`    screenshot of the failure: ${path.relative(root, shot)}`);
      } finally {
        clearTimeout(timer);
        await context.close().catch(() => {});
      }
    }
  }
}

function indent(s) {
  return String(s)
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

let crashed;
try {
  if (RUN_SUITE) await runExtensionHostSuite();
  if (RUN_UI) await runUiTests();
} catch (e) {
  crashed = e;
  problems.push(`runner error: ${e?.stack ?? e}`);
  totals.failed++;
}
await browser.close().catch(() => {});
stopServer();
serverLog.end();
browserLog.end();

if (problems.length) {
  console.log('\nFailures:');
  for (const p of problems) console.log(`- ${p}`);
}
const failed = totals.failed > 0 || crashed;
if (failed || flag('keep')) {
  console.log(`\nlogs kept in ${tmp} (server.log, browser-console.log, out/mocha.log, user-data/logs)`);
} else {
  fs.rmSync(tmp, { recursive: true, force: true });
}
say(`finished`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(failed ? 1 : 0);
