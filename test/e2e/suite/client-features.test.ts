// Client features in a real VS Code: templates (new document, insert at the
// cursor), the 成文日期 snippet, the accept-word command, export to Word.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openDraft, waitForText, workspaceFolder, waitForDiagnostics, codeActions, gongwenDiagnostics } from './helpers';

const today = new Date();
const TODAY = `${today.getFullYear()}年${today.getMonth() + 1}月${today.getDate()}日`;

describe('gongwen in VS Code: client features', function () {
  before(async function () {
    this.timeout(60000);
    await activateExtension();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor').then(undefined, () => undefined);
    await closeAllEditors();
  });

  it('commands are registered', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of ['gongwen.insertTemplate', 'gongwen.newDocument', 'gongwen.fixAll', 'gongwen.exportDocx', 'gongwen.acceptWord'])
      assert.ok(all.includes(c), c);
  });

  it('newDocument 通知 opens an untitled Markdown document with the template, today as the date', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('gongwen.newDocument', '通知');
    assert.ok(uri, 'the command returns the new document');
    const doc = vscode.window.activeTextEditor!.document;
    assert.equal(doc.uri.toString(), uri.toString());
    assert.equal(doc.languageId, 'markdown');
    assert.ok(doc.isUntitled);
    const text = await waitForText(doc, (t) => t.includes('通知'), 'the template');
    assert.match(text, /关于.*的通知/);
    assert.ok(text.includes(TODAY), `today ${TODAY} in:\n${text}`);
    assert.ok(!text.includes('${'), 'no snippet syntax left');
    let names: string[] = [];
    for (let i = 0; i < 40; i++) {
      const syms = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
      const flat = (xs: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => xs.flatMap((x) => [x, ...flat(x.children ?? [])]);
      names = flat(syms).map((x) => x.name);
      if (names.includes('发文机关署名')) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.ok(names.includes('发文机关署名'), names.join(', '));
    // the first field is selected for typing
    const sel = vscode.window.activeTextEditor!.selection;
    assert.ok(!sel.isEmpty || sel.active.line >= 0);
  });

  it('insertTemplate 请示 inserts at the cursor, with the organisation from the setting', async () => {
    const cfg = vscode.workspace.getConfiguration('gongwen');
    await cfg.update('organization', '某某市测试局', vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await openDraft('insert.md', '前文\n\n');
      editor.selection = new vscode.Selection(2, 0, 2, 0);
      await vscode.commands.executeCommand('gongwen.insertTemplate', '请示');
      const text = await waitForText(editor.document, (t) => t.includes('请示'), 'the template');
      assert.ok(text.startsWith('前文\n\n'), text.slice(0, 40));
      assert.ok(text.includes('某某市测试局'), text);
      assert.ok(text.includes('妥否，请批示。'));
    } finally {
      await cfg.update('organization', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('an unknown type says so and inserts nothing', async () => {
    const editor = await openDraft('unknown.md', '');
    const r = await vscode.commands.executeCommand('gongwen.insertTemplate', '不存在的文种');
    assert.equal(r, undefined);
    assert.equal(editor.document.getText(), '');
  });

  it('the 成文日期 snippet writes today without zero padding', async () => {
    const ext = vscode.extensions.getExtension('gongwen.gongwen')!;
    const snippets = JSON.parse(fs.readFileSync(path.join(ext.extensionPath, 'snippets/gongwen.code-snippets'), 'utf8'));
    const editor = await openDraft('date.md', '');
    await editor.insertSnippet(new vscode.SnippetString(snippets['成文日期'].body.join('\n')));
    const text = await waitForText(editor.document, (t) => t.length > 0, 'the date');
    assert.equal(text, TODAY);
    const editor2 = await openDraft('print.md', '');
    await editor2.insertSnippet(new vscode.SnippetString(snippets['印发机关和印发日期'].body.join('\n')));
    const t2 = await waitForText(editor2.document, (t) => t.length > 0, 'the print line');
    assert.equal(t2, `××××　　　　${TODAY}印发`);
  });

  it('acceptWord merges the word into the workspace acceptedWords and the typo goes away', async () => {
    const cfg = vscode.workspace.getConfiguration('gongwen');
    await cfg.update('acceptedWords', ['张三'], vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await openDraft('accept.md', '各单位要按步就班地做好工作。\n');
      const uri = editor.document.uri;
      const ds = await waitForDiagnostics(uri, (d) => d.some((x) => String(x.code).startsWith('typo/')), 'a typo');
      const typo = ds.find((x) => String(x.code).startsWith('typo/'))!;
      const actions = await codeActions(uri, typo.range);
      const accept = actions.find((a) => a.command?.command === 'gongwen.acceptWord');
      assert.ok(accept, actions.map((a) => a.title).join(', '));
      assert.equal(accept.title, '将“按步就班”加入接受词表');
      await vscode.commands.executeCommand(accept.command!.command, ...(accept.command!.arguments ?? []));
      const words = vscode.workspace.getConfiguration('gongwen').inspect<string[]>('acceptedWords')?.workspaceValue;
      assert.deepEqual(words, ['张三', '按步就班']);
      await waitForDiagnostics(uri, (d) => !d.some((x) => String(x.code).startsWith('typo/')), 'the typo to go away');
    } finally {
      await cfg.update('acceptedWords', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('exportDocx writes a .docx beside a clean draft', async () => {
    const editor = await openDraft('export.md', '# 关于开展检查的通知\n\n各单位：\n\n现将有关事项通知如下。\n\n某某市人民政府\n\n2024年5月6日\n');
    await waitForDiagnostics(editor.document.uri, () => true, 'diagnostics');
    const errors = gongwenDiagnostics(editor.document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => d.message), []);
    const out = await vscode.commands.executeCommand<vscode.Uri>('gongwen.exportDocx');
    assert.ok(out, 'exported');
    assert.ok(out.path.endsWith('export.docx'), out.path);
    const bytes = await vscode.workspace.fs.readFile(out);
    assert.equal(Buffer.from(bytes.subarray(0, 2)).toString('latin1'), 'PK');
    assert.ok(workspaceFolder());
  });
});
