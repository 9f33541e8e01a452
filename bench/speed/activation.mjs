// Approximate extension activation cost: the time to load, parse and
// evaluate the client bundle (dist/client.js) in a fresh Node process, with
// a minimal stand-in for the `vscode` module (VS Code is not running here).
// It leaves out VS Code's extension host and the language server's start,
// which the benchmark measures separately (initialize round trip).
// Prints one JSON object: { ms, exports }.

import Module from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
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
