// Starts the bundled language server over IPC.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { SERVER_NODE_FLAGS } from '../../server/src/serverFlags';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { mergeWords } from './words';
import { DOCX_SCHEME } from './docxReview';
import { sourceUri } from './docx';

export const DOCUMENT_SELECTOR = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
  { language: 'plaintext', scheme: 'file' },
  { language: 'plaintext', scheme: 'untitled' },
  // the read-only text of a Word document opened for review (client/src/docx.ts)
  { language: 'plaintext', scheme: DOCX_SCHEME },
];

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'gongwen' },
    outputChannel: output,
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
    middleware: {
      // The text of a Word document is read-only: its quick fixes keep only
      // what changes no text (accepting a word); the reviewed copy carries the fixes.
      provideCodeActions: async (document, range, context, token, next) => {
        const actions = await next(document, range, context, token);
        if (document.uri.scheme !== DOCX_SCHEME || !actions) return actions;
        return actions.filter((a) => !(a instanceof vscode.CodeAction) || !a.edit);
      },
      workspace: {
        // Accepted words add up across scopes (user, workspace, folder) instead
        // of the narrower scope hiding the wider one, so accepting a word in a
        // workspace never drops the words accepted in the user settings.
        configuration: async (params, token, next) => {
          // settings of the text of a Word document: those of the .docx (its folder's)
          if (params.items.some((i) => i.scopeUri?.startsWith(`${DOCX_SCHEME}:`)))
            params = {
              ...params,
              items: params.items.map((i) =>
                i.scopeUri?.startsWith(`${DOCX_SCHEME}:`) ? { ...i, scopeUri: sourceUri(vscode.Uri.parse(i.scopeUri)).toString() } : i,
              ),
            };
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value, i) => {
            const item = params.items[i];
            if (item?.section !== 'gongwen' || !value || typeof value !== 'object') return value;
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            const inspected = vscode.workspace.getConfiguration('gongwen', scope).inspect<string[]>('acceptedWords');
            const acceptedWords = mergeWords(
              inspected?.globalValue,
              inspected?.workspaceValue,
              inspected?.workspaceFolderValue,
              (value as { acceptedWords?: unknown[] }).acceptedWords,
            );
            return { ...(value as object), acceptedWords };
          });
        },
      },
    },
  };
  return new LanguageClient('gongwen', vscode.l10n.t('Gongwen'), serverOptions, clientOptions);
}
