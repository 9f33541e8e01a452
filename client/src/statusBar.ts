// The status bar item: the number of findings in the active document. A click
// opens the Problems view. Hidden for documents the checker does not read.

import * as vscode from 'vscode';
import { countFindings } from './counts';

const LANGUAGES = new Set(['markdown', 'plaintext']);

export function registerStatusBar(context: vscode.ExtensionContext): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('gongwen.findings', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Gongwen findings');
  item.command = 'workbench.actions.view.problems';

  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !LANGUAGES.has(doc.languageId) || !vscode.workspace.getConfiguration('gongwen', doc.uri).get<boolean>('enable', true)) {
      item.hide();
      return;
    }
    const c = countFindings(vscode.languages.getDiagnostics(doc.uri));
    item.text = c.total ? vscode.l10n.t('$(checklist) Gongwen {0}', c.total) : vscode.l10n.t('$(check) Gongwen');
    item.tooltip = c.total
      ? vscode.l10n.t('Gongwen: {0} errors, {1} warnings, {2} hints. Click to open the Problems view.', c.errors, c.warnings, c.infos)
      : vscode.l10n.t('Gongwen: no findings in this document.');
    item.show();
  };

  context.subscriptions.push(
    item,
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) update();
    }),
    vscode.window.onDidChangeActiveTextEditor(update),
    // a language mode change reopens the document
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (d === vscode.window.activeTextEditor?.document) update();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('gongwen.enable')) update();
    }),
  );
  update();
  return item;
}
