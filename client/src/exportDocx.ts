// `gongwen.exportDocx` (optional uri, from the explorer): export a draft to a
// Word document beside it, laid out to GB/T 9704-2012 by the exporter in
// server/src/export. The text exported is what the editor shows, saved or
// not. A draft with errors still exports, after a warning that lists them.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { exists } from './workspaceFs';
import type * as Exporter from './client-export';
import { GONGWEN_SOURCE } from './counts';
import { suggestedDocxName } from './fileNames';

/** At most this many errors are listed in the warning. */
const MAX_LISTED = 8;
/** How long to wait for the first diagnostics of a document opened only for export. */
const DIAGNOSTICS_WAIT_MS = 3000;

export function registerExportDocx(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
  context.subscriptions.push(vscode.commands.registerCommand('gongwen.exportDocx', (uri?: unknown) => exportCommand(uri, output)));
}

let exporter: typeof Exporter | undefined;
/**
 * The exporter, loaded on first use: from the bundle, dist/client-export.js
 * (built apart by scripts/build.mjs); from the sources, client/src/client-export.ts.
 */
function loadExporter(): typeof Exporter {
  return (exporter ??= require('./client-export') as typeof Exporter);
}

async function exportCommand(arg: unknown, output: vscode.LogOutputChannel): Promise<vscode.Uri | undefined> {
  const fromExplorer = arg instanceof vscode.Uri;
  const wasOpen = fromExplorer && vscode.workspace.textDocuments.some((d) => d.uri.toString() === arg.toString());
  const doc = fromExplorer ? await vscode.workspace.openTextDocument(arg) : vscode.window.activeTextEditor?.document;
  if (!doc) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open the draft to export first.'));
    return undefined;
  }
  const format = doc.languageId === 'markdown' ? 'markdown' : doc.languageId === 'plaintext' ? 'plaintext' : undefined;
  if (!format) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Only Markdown and plain-text drafts can be exported to Word.'));
    return undefined;
  }

  // 1. Errors left in the draft: list them and let the user decide.
  const diagnostics = fromExplorer && !wasOpen ? await firstDiagnostics(doc.uri) : vscode.languages.getDiagnostics(doc.uri);
  const errors = diagnostics.filter((d) => d.source === GONGWEN_SOURCE && d.severity === vscode.DiagnosticSeverity.Error);
  if (errors.length) {
    const listed = errors
      .slice(0, MAX_LISTED)
      .map((d) => vscode.l10n.t('Line {0}: {1}', d.range.start.line + 1, d.message))
      .join('\n');
    const more = errors.length > MAX_LISTED ? '\n' + vscode.l10n.t('… and {0} more', errors.length - MAX_LISTED) : '';
    const go = vscode.l10n.t('Export Anyway');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('The draft still has {0} errors. Export it anyway?', errors.length),
      { modal: true, detail: listed + more },
      go,
    );
    if (answer !== go) return undefined;
  }

  // 2. Where: beside the draft (asking before overwriting), or where the user says for an unsaved draft.
  let target: vscode.Uri | undefined;
  if (doc.isUntitled) {
    const base = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = suggestedDocxName(doc.getText(), vscode.l10n.t('Official document'));
    target = await vscode.window.showSaveDialog({
      defaultUri: base ? vscode.Uri.joinPath(base, name) : undefined,
      filters: { [vscode.l10n.t('Word document')]: ['docx'] },
      title: vscode.l10n.t('Export to Word'),
    });
  } else {
    target = doc.uri.with({ path: loadExporter().defaultOutPath(doc.uri.path) });
    if (await exists(target)) {
      const overwrite = vscode.l10n.t('Overwrite');
      const saveAs = vscode.l10n.t('Save As…');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('{0} already exists. Overwrite it?', path.posix.basename(target.path)),
        { modal: true },
        overwrite,
        saveAs,
      );
      if (answer === saveAs)
        target = await vscode.window.showSaveDialog({ defaultUri: target, filters: { [vscode.l10n.t('Word document')]: ['docx'] }, title: vscode.l10n.t('Export to Word') });
      else if (answer !== overwrite) target = undefined;
    }
  }
  if (!target) return undefined;

  // 3. Export: write a temporary file and rename it, so a failure never leaves half a document.
  try {
    const bytes = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting to Word…') },
      () => loadExporter().exportDocx(doc.getText().replace(/^\ufeff/, ''), format),
    );
    const tmp = target.with({ path: path.posix.join(path.posix.dirname(target.path), `.${path.posix.basename(target.path)}.${Date.now()}.tmp`) });
    await vscode.workspace.fs.writeFile(tmp, bytes);
    try {
      await vscode.workspace.fs.rename(tmp, target, { overwrite: true });
    } catch (e) {
      await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
      throw e;
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    output.error(`export ${doc.uri.toString()} → ${target.toString()}: ${e instanceof Error ? (e.stack ?? message) : message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Export to Word failed: {0}', message));
    return undefined;
  }

  const open = vscode.l10n.t('Open');
  const reveal = vscode.l10n.t('Reveal in File Explorer');
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported to {0}.', path.posix.basename(target.path)), open, reveal).then((answer) => {
    if (answer === open) void vscode.env.openExternal(target);
    else if (answer === reveal) void vscode.commands.executeCommand('revealFileInOS', target);
  });
  return target;
}

/** The diagnostics of a document just opened: wait briefly for the server's first ones. */
async function firstDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  const now = vscode.languages.getDiagnostics(uri);
  if (now.length) return now;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      sub.dispose();
      resolve(vscode.languages.getDiagnostics(uri));
    }, DIAGNOSTICS_WAIT_MS);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(vscode.languages.getDiagnostics(uri));
    });
  });
}
