// The VS Code side: starts the bundled language server and contributes the
// commands, the status bar item and the template features. No checking logic
// lives here; each feature is its own module.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { registerFixAll } from './fixAll';
import { registerAcceptWord } from './acceptWord';
import { registerStatusBar } from './statusBar';
import { registerExportDocx } from './exportDocx';
import { registerTemplates } from './templates';

export { FIX_ALL_KIND } from './fixAll';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Gongwen'), { log: true });
  context.subscriptions.push(output);
  client = createLanguageClient(context, output);

  registerFixAll(context);
  registerAcceptWord(context);
  registerExportDocx(context, output);
  registerTemplates(context);
  registerStatusBar(context);
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification('gongwen/workspaceTrusted', true);
    }),
  );

  await client.start();
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
