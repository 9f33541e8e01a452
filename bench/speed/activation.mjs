// Extension activation time, two ways.
//
//   node bench/speed/activation.mjs
//     Stand-in: the time to load, parse and evaluate the client bundle
//     (dist/client.js) in a fresh Node process, with a minimal stand-in for
//     the `vscode` module. Not a real activation: no extension host, no
//     activate() call, no language server. Prints { ms, exports, bytes }.
//
//   node bench/speed/activation.mjs --vscode [--sessions=3]
//     Real: runs test/e2e/suite/activation.test.ts alone in a real VS Code
//     (code-server's VS Code server + headless chromium, scripts/e2e/run.mjs
//     --no-ui --no-build --grep='activation timings'), one fresh VS Code
//     session per sample, on the bundles now in dist/. The extension measures
//     itself (client/src/extension.ts, `timings`). Prints
//     { sessions: [{ loadMs, activateMs, serverReadyMs, hostActivateMs, ... }],
//       failures: [...], skipped?: reason } and exits 0 even when it could
//     not measure (skipped: code-server not set up by scripts/e2e/setup.sh).

import Module from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

if (process.argv.includes('--vscode')) realActivation();
else standIn();

function realActivation() {
  const sessions = Number(process.argv.find((a) => a.startsWith('--sessions='))?.slice(11) ?? 3);
  const print = (o) => process.stdout.write(JSON.stringify(o) + '\n');
  // The same lookup as scripts/e2e/run.mjs
  const cache = process.env.GONGWEN_E2E_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'gongwen-e2e');
  const envFile = path.join(cache, 'env.json');
  if (!fs.existsSync(envFile)) return print({ skipped: 'code-server not set up (bash scripts/e2e/setup.sh)', sessions: [], failures: [] });
  const tools = JSON.parse(fs.readFileSync(envFile, 'utf8'));
  const missing = ['node', 'serverMain', 'chromium', 'playwrightCore'].filter((k) => !tools[k] || !fs.existsSync(tools[k]));
  if (missing.length) return print({ skipped: `code-server setup incomplete (${missing.join(', ')} missing; bash scripts/e2e/setup.sh)`, sessions: [], failures: [] });
  for (const f of ['dist/client.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(root, f))) return print({ skipped: `${f} missing (build first)`, sessions: [], failures: [] });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-activation-'));
  const out = { sessions: [], failures: [] };
  for (let i = 0; i < sessions; i++) {
    const file = path.join(dir, `session-${i}.json`);
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/e2e/run.mjs'), '--no-ui', '--no-build', '--grep=activation timings', '--timeout=240'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      timeout: 300_000,
      env: { ...process.env, GONGWEN_E2E_TIMINGS_OUT: file },
    });
    const lastLine = (r.stdout ?? '').trim().split('\n').pop() ?? '';
    if (r.status === 0 && lastLine === '1 passed, 0 failed' && fs.existsSync(file)) {
      out.sessions.push(JSON.parse(fs.readFileSync(file, 'utf8')));
      process.stderr.write(`[activation] VS Code session ${i + 1}/${sessions}: ${JSON.stringify(out.sessions.at(-1))}\n`);
    } else {
      const why = r.error ? String(r.error.message) : `exit ${r.status}, "${lastLine}"`;
      out.failures.push(why);
      process.stderr.write(`[activation] VS Code session ${i + 1}/${sessions} failed (${why}):\n${(r.stdout ?? '').slice(-1500)}\n${(r.stderr ?? '').slice(-800)}\n`);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  print(out);
}

function standIn() {
  const stub = new Proxy(function () {}, {
    get: (_t, prop) => (prop === Symbol.toPrimitive ? () => '' : stub),
    apply: () => stub,
    construct: () => stub,
  });
  // Every property of the module is the stub, own (bundlers copy own
  // properties: every `.name` that occurs in the bundle) or inherited.
  const bundle = path.join(root, 'dist/client.js');
  const vscodeModule = Object.create(new Proxy({}, { get: (_t, prop) => (prop === '__esModule' ? undefined : stub) }));
  for (const m of fs.readFileSync(bundle, 'utf8').matchAll(/\.([A-Za-z_$][\w$]*)/g)) if (m[1] !== '__esModule') vscodeModule[m[1]] = stub;
  const origLoad = Module._load;
  Module._load = function (request, parent, isMain) {
    if (request === 'vscode') return vscodeModule;
    return origLoad.call(this, request, parent, isMain);
  };
  const require = createRequire(import.meta.url);
  const t0 = performance.now();
  let ext;
  try {
    ext = require(bundle);
  } catch (e) {
    process.stderr.write(`cannot load dist/client.js with the vscode stand-in: ${String(e?.message ?? e).slice(0, 300)}\n`);
    process.exit(1);
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, exports: Object.keys(ext), bytes: fs.statSync(bundle).size }) + '\n');
}
