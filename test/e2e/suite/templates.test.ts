// Templates in VS Code: the two commands with a type argument (no QuickPick),
// the snippet's content, the organisation setting, and that a fresh template
// raises no error, only placeholder warnings.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, codeOf, describeDiagnostics, openDraft, waitForDiagnostics } from './helpers';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

describe('gongwen in VS Code: templates', function () {
  before(async function () {
    this.timeout(60000);
    await activateExtension();
  });

  afterEach(async function () {
    await vscode.workspace.getConfiguration('gongwen').update('organization', undefined, vscode.ConfigurationTarget.Workspace);
    // untitled documents from newDocument: revert instead of saving
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.isUntitled && doc.isDirty) {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    }
    await closeAllEditors();
  });

  it('contributes both commands', async function () {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['gongwen.insertTemplate', 'gongwen.newDocument']) assert.ok(commands.includes(c), `${c} is not registered`);
  });

  it('gongwen.newDocument 通知 opens a Markdown draft with the 通知 layout and today as 成文日期', async function () {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('gongwen.newDocument', '通知');
    assert.ok(uri, 'newDocument returned no document');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no active editor after newDocument');
    assert.equal(editor.document.uri.toString(), uri.toString());
    assert.equal(editor.document.languageId, 'markdown');
    const text = editor.document.getText();
    assert.match(text, /^# 关于.*的通知$/m, 'title line');
    assert.match(text, new RegExp(`发〔${new Date().getFullYear()}〕`), '发文字号 with this year in 〔〕');
    assert.ok(text.includes(today()), `成文日期 ${today()} missing`);
  });

  it('a new 通知 raises no error, only placeholder warnings', async function () {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('gongwen.newDocument', '通知');
    assert.ok(uri);
    const ds = await waitForDiagnostics(
      uri,
      (all) => all.some((d) => codeOf(d) === 'structure/placeholder'),
      'placeholder warnings on the fresh template',
    );
    const errors = ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => describeDiagnostics([d])), [], 'a fresh template raises errors');
  });

  it('gongwen.insertTemplate 请示 inserts at the cursor of the open draft', async function () {
    const editor = await openDraft('insert.md', '');
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('gongwen.insertTemplate', '请示');
    assert.equal(uri?.toString(), editor.document.uri.toString());
    const text = editor.document.getText();
    assert.match(text, /^# 关于.*的请示$/m);
    assert.ok(text.includes(today()));
  });

  it('fills in 发文机关 from gongwen.organization', async function () {
    await vscode.workspace
      .getConfiguration('gongwen')
      .update('organization', '某某县人民政府', vscode.ConfigurationTarget.Workspace);
    const editor = await openDraft('org.md', '');
    await vscode.commands.executeCommand('gongwen.insertTemplate', '通知');
    const text = editor.document.getText();
    assert.ok(text.includes('某某县人民政府文件'), `发文机关标志 not filled in:\n${text.slice(0, 600)}`);
  });

  it('rejects an unknown type without touching the editor', async function () {
    const editor = await openDraft('unknown.md', '原有内容\n');
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('gongwen.insertTemplate', '不存在的文种');
    assert.equal(uri, undefined);
    assert.equal(editor.document.getText(), '原有内容\n');
  });
});
