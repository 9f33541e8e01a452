// `gongwen.fixAll`: apply every safe fix in the active editor through the
// server's fix-all code action.

import * as vscode from 'vscode';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('gongwen');

export function registerFixAll(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('gongwen.fixAll', () => fixAll()));
}

async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open the draft to fix first.'));
    return;
  }
  const doc = editor.document;
  const range = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, FIX_ALL_KIND.value)) ?? [];
  const action = actions.find((a) => a.kind && FIX_ALL_KIND.contains(a.kind) && a.edit);
  if (!action?.edit) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is nothing that can be fixed automatically.'));
    return;
  }
  await vscode.workspace.applyEdit(action.edit);
}
