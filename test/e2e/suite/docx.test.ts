// Reviewing a received Word document in VS Code: gongwen.reviewDocx opens the
// text of a .docx as a read-only plain-text document (scheme gongwen-docx)
// that the language server checks like any draft; gongwen.writeReviewedDocx
// writes FILE-审校.docx beside it with one Word comment per finding and the
// safe fixes as tracked changes (client/src/docx.ts).

import * as assert from 'node:assert/strict';
import JSZip from 'jszip';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, codeActions, codeOf, describeDiagnostics, waitForDiagnostics, workspaceFolder } from './helpers';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A minimal .docx (as Word writes it, reduced): one w:p per paragraph, a paragraph given as runs is split across them. */
async function minimalDocx(paragraphs: Array<string | string[]>): Promise<Uint8Array> {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = paragraphs
    .map((p) => `<w:p>${(Array.isArray(p) ? p : [p]).map((r) => `<w:r><w:t xml:space="preserve">${esc(r)}</w:t></w:r>`).join('')}</w:p>`)
    .join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}

const PARAGRAPHS: Array<string | string[]> = [
  '关于做好安全生产工作的通知',
  '各区县人民政府：',
  // 布署 (a typo) split across two runs, and a halfwidth comma (safely fixable)
  ['各单位要认真布', '署安全生产工作,确保落实到位。'],
];
const TEXT = '关于做好安全生产工作的通知\n各区县人民政府：\n各单位要认真布署安全生产工作,确保落实到位。';

let counter = 0;
async function writeDocx(name: string, bytes: Uint8Array): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceFolder(), `docx-${++counter}-${name}`);
  await vscode.workspace.fs.writeFile(uri, bytes);
  return uri;
}

const count = (xml: string, re: RegExp) => (xml.match(re) ?? []).length;

describe('gongwen in VS Code: review a Word document', function () {
  before(async function () {
    this.timeout(60000);
    await activateExtension();
  });

  afterEach(closeAllEditors);

  it('gongwen.reviewDocx opens the text read-only with diagnostics; gongwen.writeReviewedDocx writes FILE-审校.docx with comments and tracked changes', async function () {
    this.timeout(120000);
    const original = await minimalDocx(PARAGRAPHS);
    const source = await writeDocx('通知.docx', original);

    const view = await vscode.commands.executeCommand<vscode.Uri | undefined>('gongwen.reviewDocx', source);
    assert.ok(view, 'reviewDocx returned no document');
    assert.equal(view.scheme, 'gongwen-docx');
    assert.equal(view.path, source.path + '.txt');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === view.toString());
    assert.ok(doc, 'the text of the .docx is not open');
    assert.equal(doc.getText(), TEXT);
    assert.equal(doc.languageId, 'plaintext');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), view.toString(), 'the text is not shown');

    // The server checks the virtual document like a draft.
    const ds = await waitForDiagnostics(
      view,
      (all) => ['typo/dictionary', 'punctuation/fullwidth'].every((id) => all.some((d) => codeOf(d) === id)),
      'the typo and the halfwidth comma in the Word text',
    );
    const findings = ds.filter((d) => codeOf(d) !== undefined);
    assert.deepEqual(findings.map((d) => codeOf(d)).sort(), ['punctuation/fullwidth', 'typo/dictionary'], describeDiagnostics(ds));
    const typo = findings.find((d) => codeOf(d) === 'typo/dictionary')!;
    assert.equal(doc.getText(typo.range), '布署');

    // Hover: what is wrong, and the clause.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', view, typo.range.start.translate(0, 1));
    const hoverText = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(hoverText, /部署/);
    assert.match(hoverText, /依据/);

    // Outline: the 公文 structure of the Word text.
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', view);
    assert.ok(symbols?.length, 'no outline for the Word text');

    // Read-only: no quick fix edits the text; accepting the word (a setting) stays.
    const comma = findings.find((d) => codeOf(d) === 'punctuation/fullwidth')!;
    for (const r of [comma.range, typo.range]) {
      const actions = await codeActions(view, r);
      assert.deepEqual(actions.filter((a) => a.edit).map((a) => a.title), [], 'a quick fix would edit the read-only text');
    }
    const typoActions = await codeActions(view, typo.range);
    assert.ok(typoActions.some((a) => a.command?.command === 'gongwen.acceptWord'), 'accepting the word is offered');

    // The reviewed copy.
    const target = await vscode.commands.executeCommand<vscode.Uri | undefined>('gongwen.writeReviewedDocx', view);
    assert.ok(target, 'writeReviewedDocx returned no file');
    assert.equal(target.path, source.path.replace(/\.docx$/, '-审校.docx'));
    const zip = await JSZip.loadAsync(await vscode.workspace.fs.readFile(target));
    const comments = await zip.file('word/comments.xml')?.async('string');
    assert.ok(comments, 'word/comments.xml is missing');
    assert.equal(count(comments, /<w:comment\b/g), findings.length, `one comment per diagnostic:\n${comments}`);
    assert.match(comments, /部署/);
    assert.match(comments, /依据：/);
    assert.match(comments, /w:author="公文助手"/);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    assert.equal(count(xml, /<w:commentRangeStart\b/g), findings.length);
    assert.equal(count(xml, /<w:commentReference\b/g), findings.length);
    // both slips are safely fixable (fix-all fixes them): tracked changes, the typo across its two runs
    const inserted = [...xml.matchAll(/<w:ins\b[^>]*>(.*?)<\/w:ins>/gs)].map((m) => [...m[1].matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    const deleted = [...xml.matchAll(/<w:del\b[^>]*>(.*?)<\/w:del>/gs)].map((m) => [...m[1].matchAll(/<w:delText\b[^>]*>([^<]*)<\/w:delText>/g)].map((t) => t[1]).join(''));
    assert.equal(inserted.join('|'), '部署|，', `w:ins in document.xml:\n${xml}`);
    assert.equal(deleted.join(''), '布署,', `w:del in document.xml:\n${xml}`);

    // The original is untouched; a second copy does not overwrite the first.
    assert.deepEqual(Buffer.from(await vscode.workspace.fs.readFile(source)), Buffer.from(original));
    const second = await vscode.commands.executeCommand<vscode.Uri | undefined>('gongwen.writeReviewedDocx', view);
    assert.ok(second);
    assert.equal(second.path, source.path.replace(/\.docx$/, '-审校-2.docx'));
    // No temporary file left behind.
    const left = (await vscode.workspace.fs.readDirectory(workspaceFolder())).map(([n]) => n).filter((n) => n.endsWith('.tmp'));
    assert.deepEqual(left, []);
  });

  it('the text of a .docx is checked with the .gongwenrc.json of the .docx\'s folder', async function () {
    this.timeout(60000);
    const dir = vscode.Uri.joinPath(workspaceFolder(), `docx-config-${++counter}`);
    await vscode.workspace.fs.createDirectory(dir);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, '.gongwenrc.json'), new TextEncoder().encode('{ "rules": { "punctuation/fullwidth": "off" } }'));
    const source = vscode.Uri.joinPath(dir, '通知.docx');
    await vscode.workspace.fs.writeFile(source, await minimalDocx(PARAGRAPHS));
    const view = await vscode.commands.executeCommand<vscode.Uri | undefined>('gongwen.reviewDocx', source);
    assert.ok(view);
    const ds = await waitForDiagnostics(view, (all) => all.some((d) => codeOf(d) === 'typo/dictionary'), 'the typo');
    assert.deepEqual(
      ds.filter((d) => codeOf(d) === 'punctuation/fullwidth').map((d) => describeDiagnostics([d])),
      [],
      'the folder\'s .gongwenrc.json turns punctuation/fullwidth off',
    );
  });

  it('a file that is not a Word document is refused: nothing opened, nothing written', async () => {
    const bad = await writeDocx('不是文档.docx', new TextEncoder().encode('这不是 Word 文档'));
    const before = (await vscode.workspace.fs.readDirectory(workspaceFolder())).length;
    const view = await vscode.commands.executeCommand<vscode.Uri | undefined>('gongwen.reviewDocx', bad);
    assert.equal(view, undefined);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'gongwen-docx' && d.uri.path.startsWith(bad.path)));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('gongwen.writeReviewedDocx', bad);
    assert.equal(written, undefined);
    assert.equal((await vscode.workspace.fs.readDirectory(workspaceFolder())).length, before);
  });
});
