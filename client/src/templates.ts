// `gongwen.insertTemplate` and `gongwen.newDocument`: a QuickPick of the
// document types (one line each on when to use it), then the template as a
// snippet: a tab stop per field, 成文日期 today, 发文机关 from the setting
// `gongwen.organization` when it is set. Both commands take an optional type
// name (通知, 请示, …) to skip the QuickPick.

import * as vscode from 'vscode';
import type * as Engine from './client-templates';

let engine: typeof Engine | undefined;
/**
 * The template engine, loaded on the first template command: from the bundle,
 * dist/client-templates.js (built apart by scripts/build.mjs); from the
 * sources, client/src/client-templates.ts.
 */
function loadEngine(): typeof Engine {
  return (engine ??= require('./client-templates') as typeof Engine);
}

export function registerTemplates(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('gongwen.insertTemplate', (type?: unknown) => insertTemplate(type)),
    vscode.commands.registerCommand('gongwen.newDocument', (type?: unknown) => newDocument(type)),
  );
}

interface TypeItem extends vscode.QuickPickItem {
  type: string;
}

/** The type to use: the argument when it names a template, else the user's pick. */
async function chooseType(arg: unknown, placeHolder: string): Promise<string | undefined> {
  const { listTemplates, renderTemplate } = loadEngine();
  const listing = listTemplates();
  if (typeof arg === 'string' && arg.trim()) {
    const t = arg.trim();
    if (listing.some((x) => x.type === t)) return t;
    try {
      // aliases such as 函 → 商洽函 are resolved by the renderer
      renderTemplate(t, {}, { mode: 'snippet' });
      return t;
    } catch {
      void vscode.window.showErrorMessage(vscode.l10n.t('There is no template for "{0}". Available: {1}', t, listing.map((x) => x.type).join('、')));
      return undefined;
    }
  }
  const items: TypeItem[] = listing.map((t) => ({
    label: t.type,
    description: t.docType !== t.type ? t.docType : undefined,
    detail: t.when,
    type: t.type,
  }));
  const pick = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return pick?.type;
}

/** The template as a snippet, with the organisation filled in when it is set. */
export function templateSnippet(type: string, resource: vscode.Uri | undefined, languageId: string): vscode.SnippetString {
  const config = vscode.workspace.getConfiguration('gongwen', resource);
  const organization = config.get<string>('organization', '').trim();
  const values: Record<string, string> = organization ? { 发文机关: organization } : {};
  // Guidance is written as HTML comments: prose-free in Markdown, noise in plain text.
  const guidance = languageId === 'markdown' && config.get<boolean>('templates.guidance', true);
  const format = languageId === 'markdown' ? 'markdown' : 'plaintext';
  return new vscode.SnippetString(loadEngine().renderTemplate(type, values, { mode: 'snippet', today: new Date(), guidance, format }));
}

async function insertTemplate(arg: unknown): Promise<vscode.Uri | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return newDocument(arg);
  const type = await chooseType(arg, vscode.l10n.t('Choose the document type to insert at the cursor'));
  if (!type) return undefined;
  // the QuickPick may have moved the focus: use the editor we started from
  const ok = await editor.insertSnippet(templateSnippet(type, editor.document.uri, editor.document.languageId));
  return ok ? editor.document.uri : undefined;
}

async function newDocument(arg: unknown): Promise<vscode.Uri | undefined> {
  const type = await chooseType(arg, vscode.l10n.t('Choose the type of the new document'));
  if (!type) return undefined;
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown' });
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(templateSnippet(type, undefined, 'markdown'), new vscode.Position(0, 0));
  return doc.uri;
}
