// Activation timings, measured by the extension itself in a real VS Code
// (client/src/extension.ts: `timings` in the API activate() returns), plus
// the wall time of ext.activate() as this caller sees it when the extension
// was not active yet (VS Code loads and compiles the bundle, calls activate()
// and awaits it).
//
// No timing target here (the machine is shared): the figures must only be
// plausible. When GONGWEN_E2E_TIMINGS_OUT names a file, they are written
// there as JSON for the benchmark (bench/speed/run.mjs runs this spec alone,
// GONGWEN_E2E_GREP=activation, in a few fresh VS Code sessions).
//
// The file name sorts first, so in the full suite this spec normally runs
// before any other test has activated the extension.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActivationTimings, GongwenApi } from '../../../client/src/extension';
import { EXTENSION_ID } from './helpers';

/** Generous upper bound for a sane figure on a loaded 2-core machine: catches units and clock mix-ups, not slowness. */
const SANE_MS = 120_000;

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 60000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function assertSane(name: string, v: unknown): asserts v is number {
  assert.equal(typeof v, 'number', `${name} is not a number: ${String(v)}`);
  assert.ok(Number.isFinite(v) && (v as number) > 0 && (v as number) < SANE_MS, `${name} = ${String(v)} ms is not in (0, ${SANE_MS})`);
}

describe('gongwen in VS Code: activation timings', function () {
  this.timeout(90000);

  it('reports load, activation and server-ready times, all plausible', async () => {
    const ext = vscode.extensions.getExtension<GongwenApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (is --extensionDevelopmentPath the repo root?)`);
    const wasActive = ext.isActive;
    const t0 = performance.now();
    const api = await ext.activate();
    let hostActivateMs = wasActive ? undefined : performance.now() - t0;
    assert.ok(ext.isActive, 'the extension is not active after activate()');

    assert.ok(api && typeof api === 'object', 'activate() returned no API object');
    assert.ok(api.timings, `the API has no timings: keys ${Object.keys(api).join(', ')}`);
    const timings: ActivationTimings = api.timings;
    const serverReadyMs = await waitFor('timings.serverReadyMs', () => timings.serverReadyMs);
    const activateMs = await waitFor('timings.activateMs', () => timings.activateMs);
    assertSane('loadMs', timings.loadMs);
    assertSane('serverReadyMs', serverReadyMs);
    assertSane('activateMs', activateMs);
    // dist/client.js is bundled: the evaluation is timed, and it is part of the load.
    assertSane('evalMs', timings.evalMs);
    assert.ok(timings.evalMs <= timings.loadMs, `evalMs ${timings.evalMs} > loadMs ${timings.loadMs}`);
    // activateMs spans the load and activate() (which awaits the server): it
    // cannot be shorter than either part.
    assert.ok(activateMs >= timings.loadMs, `activateMs ${activateMs} < loadMs ${timings.loadMs}`);
    assert.ok(activateMs >= serverReadyMs, `activateMs ${activateMs} < serverReadyMs ${serverReadyMs}`);
    if (hostActivateMs !== undefined) {
      assertSane('ext.activate() wall time', hostActivateMs);
      // The caller's wait covers the bundle's evaluation and activate() and
      // more (reading and compiling the file). When it is shorter, something
      // else had started the activation before this test (isActive is false
      // while activating): not a figure of the whole activation then.
      if (hostActivateMs < activateMs) hostActivateMs = undefined;
    }

    // Ready means ready: the client runs and the server answered initialize.
    assert.ok(api.client.isRunning(), 'the language client is not running');
    assert.ok(api.client.initializeResult?.capabilities, 'the server has not answered initialize');

    const out = process.env.GONGWEN_E2E_TIMINGS_OUT;
    if (out) {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const record = {
        loadMs: timings.loadMs,
        evalMs: timings.evalMs,
        activateMs,
        serverReadyMs,
        hostActivateMs: hostActivateMs ?? null,
        wasActive,
        vscode: vscode.version,
        node: process.version,
      };
      fs.writeFileSync(out, JSON.stringify(record) + '\n');
    }
  });
});

// What activation loads: dist/client.js without the .docx exporter, the
// template engine and the Word reader/reviewer, which load from bundles of
// their own on first use (dist/client-export.js, dist/client-templates.js,
// dist/client-docx.js; scripts/build.mjs). This file sorts first, so no
// export, template or review command has run yet in the full suite. (Not under the title above: the benchmark runs that spec alone.)
describe('gongwen in VS Code: what activation loads', function () {
  this.timeout(90000);

  it('activation does not load the .docx exporter, the template engine or the Word reader; their bundles ship beside dist/client.js', async () => {
    const ext = vscode.extensions.getExtension<GongwenApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    await ext.activate();
    const dist = path.join(ext.extensionPath, 'dist');
    const lazy = ['client-export.js', 'client-templates.js', 'client-docx.js'];
    for (const f of lazy) assert.ok(fs.existsSync(path.join(dist, f)), `dist/${f} is missing`);
    const loaded = Object.keys(require.cache).filter((f) => path.dirname(f) === dist && lazy.includes(path.basename(f)));
    assert.deepEqual(loaded, [], 'activation loaded a bundle meant for first use');
    const client = fs.readFileSync(path.join(dist, 'client.js'), 'utf8');
    for (const mod of ['node_modules/docx/', 'node_modules/jszip/', 'node_modules/@xmldom/', 'node_modules/yaml/', 'node_modules/micromark', 'templates/通知.md', 'server/src/docx/'])
      assert.ok(!client.includes(mod), `dist/client.js holds ${mod}`);
  });
});
