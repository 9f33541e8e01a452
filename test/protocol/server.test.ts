// Protocol tests: the real bundled server over stdio, driven as an editor does.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { LspSession, applyLspEdits, SERVER } from '../helpers/lspSession';

const URI = 'file:///tmp/gongwen-protocol/通知.md';
const DRAFT = '# 关于做好安全生产工作的通知\n\n为进一步布署安全生产工作，现通知如下。\n';

describe('language server over stdio', function () {
  this.timeout(30000);
  let s: LspSession;

  before(() => {
    assert.ok(fs.existsSync(SERVER), 'run npm run build first');
  });
  beforeEach(async () => {
    s = new LspSession();
    const init = await s.initialize();
    assert.ok(init.capabilities.codeActionProvider);
    assert.ok(init.capabilities.hoverProvider);
  });
  afterEach(async () => {
    await s.shutdown();
  });

  it('publishes a finding, applies its quick fix through a code action, and the finding goes away', async () => {
    const first = s.waitForDiagnostics(URI, (p) => p.diagnostics.length > 0);
    await s.open(URI, 'markdown', DRAFT);
    const pub = await first;
    const d = pub.diagnostics.find((x) => x.code === 'typo/dictionary');
    assert.ok(d, JSON.stringify(pub.diagnostics));
    assert.equal(d.source, 'gongwen');
    assert.equal(d.range.start.line, 2);
    assert.match(String(d.message), /部署/);

    const actions: any[] = await s.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
    assert.ok(fix, JSON.stringify(actions));
    const change = fix.edit.documentChanges[0];
    assert.equal(change.textDocument.version, 1);
    const fixed = applyLspEdits(DRAFT, change.edits);
    assert.ok(fixed.includes('部署安全生产'));

    const after = s.waitForDiagnostics(URI, (p) => p.version === 2);
    await s.change(URI, 2, [{ text: fixed }]);
    const pub2 = await after;
    assert.ok(!pub2.diagnostics.some((x) => x.code === 'typo/dictionary'), JSON.stringify(pub2.diagnostics));
  });

  it('incremental changes: a typed mistake appears and is published for the newest version only', async () => {
    await s.open(URI, 'markdown', DRAFT);
    await s.waitForDiagnostics(URI);
    // type three characters one at a time, quickly: only the last version is checked
    const text1 = DRAFT;
    const pos = { line: 2, character: text1.split('\n')[2].length };
    let v = 1;
    for (const ch of ['再', '接', '再励']) {
      v++;
      await s.change(URI, v, [{ range: { start: pos, end: pos }, text: ch }]);
      pos.character += ch.length;
    }
    const pub = await s.waitForDiagnostics(URI, (p) => p.version === v);
    assert.ok(pub.diagnostics.some((x) => String(x.message).includes('再接再厉')), JSON.stringify(pub.diagnostics));
  });

  it('source.fixAll.gongwen applies every safe fix; the result checks clean of fixable findings', async () => {
    const text = '# 关于工作的通知\n\n要布署工作，再接再励。\n\n还要布署。\n';
    await s.open(URI, 'markdown', text);
    await s.waitForDiagnostics(URI, (p) => p.diagnostics.length > 0);
    const actions: any[] = await s.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.gongwen'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.gongwen');
    const fixed = applyLspEdits(text, actions[0].edit.documentChanges[0].edits);
    assert.equal(fixed, '# 关于工作的通知\n\n要部署工作，再接再厉。\n\n还要部署。\n');
    const after = s.waitForDiagnostics(URI, (p) => p.version === 2);
    await s.change(URI, 2, [{ text: fixed }]);
    const pub = await after;
    assert.ok(!pub.diagnostics.some((x: any) => x.data?.safe), JSON.stringify(pub.diagnostics));
    // a second fix-all offers nothing
    const again: any[] = await s.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.gongwen'] },
    });
    assert.equal(again.length, 0);
  });

  it('hover explains the finding: what, the right form, the clause', async () => {
    await s.open(URI, 'markdown', DRAFT);
    const pub = await s.waitForDiagnostics(URI, (p) => p.diagnostics.length > 0);
    const d = pub.diagnostics.find((x) => x.code === 'typo/dictionary')!;
    const hover: any = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: d.range.start });
    assert.ok(hover);
    assert.match(hover.contents.value, /部署/);
    assert.match(hover.contents.value, /依据/);
    assert.match(hover.contents.value, /typo\/dictionary/);
  });

  it('honours configuration changes live', async () => {
    await s.open(URI, 'markdown', DRAFT);
    await s.waitForDiagnostics(URI, (p) => p.diagnostics.length > 0);
    s.settings = { rules: { typo: 'off' } };
    const off = s.waitForDiagnostics(URI, (p) => !p.diagnostics.some((d) => d.code === 'typo/dictionary'));
    await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await off;
    s.settings = { rules: { 'typo/dictionary': 'info' } };
    const info = s.waitForDiagnostics(URI, (p) => p.diagnostics.some((d) => d.code === 'typo/dictionary' && d.severity === 3));
    await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await info;
    s.settings = { enable: false };
    const none = s.waitForDiagnostics(URI, (p) => p.diagnostics.length === 0);
    await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await none;
  });

  it('ignores documents without Chinese text and other languages', async () => {
    const uri = 'file:///tmp/gongwen-protocol/readme.md';
    const p = s.waitForDiagnostics(uri);
    await s.open(uri, 'markdown', '# Hello, world: (test)\n');
    assert.equal((await p).diagnostics.length, 0);
  });

  it('clears diagnostics when a document closes', async () => {
    await s.open(URI, 'markdown', DRAFT);
    await s.waitForDiagnostics(URI, (p) => p.diagnostics.length > 0);
    const cleared = s.waitForDiagnostics(URI, (p) => p.diagnostics.length === 0);
    await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    await cleared;
  });
});
