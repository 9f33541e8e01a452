// `gongwen.acceptWord` (word, document uri): add a word to `gongwen.acceptedWords`
// in the workspace settings (the user settings when no folder is open), merged
// with the words already there. Run by the "accept this word" quick fix.

import * as vscode from 'vscode';
import { mergeWords } from './words';

export function registerAcceptWord(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('gongwen.acceptWord', (word?: unknown, uri?: unknown) => acceptWord(word, uri)));
}

export async function acceptWord(word: unknown, uri: unknown): Promise<boolean> {
  const w = typeof word === 'string' ? word.trim() : '';
  if (!w) return false;
  const resource = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
  const config = vscode.workspace.getConfiguration('gongwen', resource);
  const inspected = config.inspect<string[]>('acceptedWords');
  const inWorkspace = !!vscode.workspace.workspaceFolders?.length;
  const target = inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const existing = (inWorkspace ? inspected?.workspaceValue : inspected?.globalValue) ?? [];
  const merged = mergeWords(existing, [w]);
  if (merged.length === mergeWords(existing).length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" is already in the accepted words.', w));
    return false;
  }
  try {
    await config.update('acceptedWords', merged, target);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not add "{0}" to the accepted words: {1}', w, (e as Error).message));
    return false;
  }
  const where = inWorkspace ? vscode.l10n.t('workspace settings') : vscode.l10n.t('user settings');
  vscode.window.setStatusBarMessage(vscode.l10n.t('Added "{0}" to the accepted words ({1}).', w, where), 4000);
  return true;
}
