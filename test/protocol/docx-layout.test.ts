// The language server checks a Word document opened for review
// (gongwen-docx:/dir/FILE.docx.txt) with the layout's hints read from the
// .docx itself (docx/layout.ts), so the editor shows what `gongwen check
// FILE.docx` reports. The real bundled server and CLI (npm run build first).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { readDocx } from '../../server/src/docx/read';
import { LspSession, SERVER } from '../helpers/lspSession';
import { layoutTitleDocx } from '../helpers/layoutDraft';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/gongwen.js');

interface Diag {
  code?: string | number;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const key = (d: Diag) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;

/** The view the VS Code client opens for a local .docx. */
const viewUri = (file: string) => URI.file(file).with({ scheme: 'gongwen-docx', path: URI.file(file).path + '.txt' }).toString();

describe('language server: a gongwen-docx: view is checked with the .docx layout', function () {
  this.timeout(30000);
  let s: LspSession;
  let dir: string;
  let docx: string;
  let text: string;

  before(async () => {
    assert.ok(fs.existsSync(SERVER), 'run npm run build first');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-layout-lsp-'));
    docx = path.join(dir, '通知.docx');
    fs.writeFileSync(docx, await layoutTitleDocx());
    text = (await readDocx(fs.readFileSync(docx))).text;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    s = new LspSession();
    await s.initialize();
  });
  afterEach(async () => {
    await s.shutdown();
  });

  it('publishes the same diagnostics as the CLI for the .docx (the title by its look included)', async () => {
    const cli = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', docx], { cwd: dir, encoding: 'utf8' });
    const expected = (JSON.parse(cli.stdout) as Array<{ diagnostics: Diag[] }>)[0].diagnostics;
    assert.ok(expected.some((d) => d.code === 'structure/title'), cli.stdout);

    const uri = viewUri(docx);
    const pub = s.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    await s.open(uri, 'plaintext', text);
    const got = (await pub).diagnostics as Diag[];
    assert.deepEqual(got.map(key).sort(), expected.map(key).sort());
  });

  it('without a readable .docx behind the view (or as a file: document) the text is checked as plain text', async () => {
    for (const uri of [viewUri(path.join(dir, '不存在.docx')), URI.file(path.join(dir, '通知.txt')).toString()]) {
      const pub = s.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      await s.open(uri, 'plaintext', text);
      const got = (await pub).diagnostics as Diag[];
      assert.ok(!got.some((d) => d.code === 'structure/title'), JSON.stringify(got));
      assert.ok(got.some((d) => d.code === 'structure/placeholder'));
    }
  });

  it('a view whose text is not the .docx text any more gets no hints', async () => {
    const uri = viewUri(docx);
    const pub = s.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    await s.open(uri, 'plaintext', text.replace('为切实', '为了切实'));
    const got = (await pub).diagnostics as Diag[];
    assert.ok(!got.some((d) => d.code === 'structure/title'), JSON.stringify(got));
  });
});
