// Export to Word from VS Code: gongwen.exportDocx on a saved draft writes a
// .docx beside it (no dialog when the draft has no error and no .docx exists).

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, codeOf, describeDiagnostics, openDraft, waitForDiagnostics } from './helpers';

// Warnings only (two placeholders), no error: an error would open a modal
// "export anyway?" dialog, which a test cannot answer.
const DRAFT = [
  '# 关于做好2024年防汛工作的通知',
  '',
  '各区县人民政府：',
  '',
  '为切实做好防汛工作，现将有关事项通知如下。',
  '',
  '一、总体要求',
  '',
  '请各单位于××月××日报送值班表。',
  '',
  '某某市人民政府',
  '',
  '2024年5月6日',
  '',
].join('\n');

describe('gongwen in VS Code: export to Word', function () {
  before(async function () {
    this.timeout(60000);
    await activateExtension();
  });

  afterEach(closeAllEditors);

  it('gongwen.exportDocx writes a Word document beside the draft', async function () {
    const editor = await openDraft('export.md', DRAFT);
    const doc = editor.document;
    const ds = await waitForDiagnostics(
      doc.uri,
      (all) => all.some((d) => codeOf(d) === 'structure/placeholder'),
      'the placeholder warnings',
    );
    const errors = ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    // Fail here rather than hang on the modal dialog the command would open.
    assert.deepEqual(errors.map((d) => describeDiagnostics([d])), [], 'the export fixture has errors');

    const target = await vscode.commands.executeCommand<vscode.Uri | undefined>('gongwen.exportDocx');
    assert.ok(target, 'exportDocx returned no file');
    assert.equal(target.path, doc.uri.path.replace(/\.md$/, '.docx'));
    const bytes = await vscode.workspace.fs.readFile(target);
    assert.ok(bytes.length > 2000, `the .docx is suspiciously small: ${bytes.length} bytes`);
    // A .docx is a zip archive whose entry names are stored in plain text.
    assert.equal(Buffer.from(bytes.subarray(0, 4)).toString('latin1'), 'PK\u0003\u0004', 'not a zip archive');
    const names = Buffer.from(bytes).toString('latin1');
    for (const entry of ['[Content_Types].xml', 'word/document.xml']) {
      assert.ok(names.includes(entry), `${entry} missing from the .docx`);
    }
    // No temporary file is left behind.
    const folder = vscode.Uri.joinPath(doc.uri, '..');
    const left = (await vscode.workspace.fs.readDirectory(folder)).map(([n]) => n).filter((n) => n.endsWith('.tmp'));
    assert.deepEqual(left, []);
  });
});
