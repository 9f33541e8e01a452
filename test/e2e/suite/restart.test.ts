// The client restarts a crashed language server: kill the server process
// with SIGKILL and diagnostics come back after an edit.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, codeOf, describeDiagnostics, openDraft, waitForDiagnostics } from './helpers';

/** Processes whose parent is this extension host and whose command line runs dist/server.js (Linux /proc). */
function serverPids(): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (!cmdline.some((a) => /dist[\\/]server\.js$/.test(a))) continue;
      // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid) out.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 45000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('gongwen in VS Code: a crashed server is restarted', function () {
  this.timeout(120000);

  before(async function () {
    await activateExtension();
  });

  afterEach(closeAllEditors);

  it('after SIGKILL the client starts a new server and diagnostics come back after an edit', async function () {
    const editor = await openDraft('restart.md', '# 关于做好安全生产工作的通知\n\n为进一步布署安全生产工作，现通知如下。\n');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'typo/dictionary'), 'the first finding');

    const before = await waitFor('the server process', () => {
      const p = serverPids();
      return p.length === 1 ? p[0] : undefined;
    });
    process.kill(before, 'SIGKILL');

    const after = await waitFor('a new server process', () => serverPids().find((p) => p !== before));
    assert.notEqual(after, before);
    assert.ok(!serverPids().includes(before), 'the killed server is gone');

    // an edit after the restart is checked by the new server
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((e) => e.insert(end, '\n各单位要再接再励。\n'));
    const ds = await waitForDiagnostics(
      uri,
      (all) => all.some((d) => /再接再厉/.test(d.message)) && all.some((d) => /部署/.test(d.message)),
      'findings from the restarted server',
    );
    assert.ok(ds.length >= 2, describeDiagnostics(ds));
  });
});
