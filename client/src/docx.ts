// Reviewing a received Word document in VS Code.
//
// `gongwen.reviewDocx` (optional uri, from the Explorer; else a file picker)
// reads the .docx with server/src/docx and opens its text (`DocxDraft.text`,
// one paragraph per line: what the engine checks) as a read-only plain-text
// document `gongwen-docx:/dir/FILE.docx.txt`, served by a
// TextDocumentContentProvider. The language client's document selector takes
// that scheme (client/src/languageClient.ts), so the language server checks
// it like any other draft: diagnostics, hover, outline; the edits of quick
// fixes are hidden there (a read-only text), only “accept this word” stays.
//
// `gongwen.writeReviewedDocx` (optional uri of the view or of the .docx; else
// the active view; the button in the view's title bar) writes `FILE-审校.docx`
// beside the original, never over it nor over an earlier copy (-2, -3…): one
// Word comment per finding, the safe fixes as tracked changes. The findings
// are the diagnostics the server published for the view (they carry the
// clause and the fixes in `data`): the comments say what the editor shows,
// under the same settings and .gongwenrc.json, and the extension host needs
// no second copy of the engine and its dictionaries.
//
// The Word code (jszip, saxes, the reader and the reviewer) is loaded
// from dist/client-docx.js on the first review only.

import * as vscode from 'vscode';
import { exists } from './workspaceFs';
import type * as Word from './client-docx';
import type { DocxDraft } from '../../server/src/docx/types';
import { DOCX_SCHEME, planReview, reviewedPath, sourceOfView, viewUriParts } from './docxReview';

/** How long the write waits for the server's first diagnostics of a view it had to open. */
const DIAGNOSTICS_WAIT_MS = 30000;

let word: typeof Word | undefined;
/**
 * The Word module, loaded on first use: from the bundle, dist/client-docx.js
 * (built apart by scripts/build.mjs); from the sources, client/src/client-docx.ts.
 */
function loadWord(): typeof Word {
  return (word ??= require('./client-docx') as typeof Word);
}

/** The read-only text view of a .docx. */
export function viewUri(source: vscode.Uri): vscode.Uri {
  return vscode.Uri.from(viewUriParts(source, source.toString()));
}

/** The .docx a text view shows. */
export function sourceUri(view: vscode.Uri): vscode.Uri {
  const s = sourceOfView(view);
  return 'uri' in s ? vscode.Uri.parse(s.uri) : vscode.Uri.from({ scheme: 'file', authority: s.file.authority, path: s.file.path });
}

async function readSource(source: vscode.Uri): Promise<DocxDraft> {
  const bytes = await vscode.workspace.fs.readFile(source);
  return loadWord().readDocx(bytes);
}

/** Serves the text of each .docx opened for review. */
class DocxViews implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** Views whose diagnostics the server has published since their text was last set. */
  readonly published = new Set<string>();

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const known = this.texts.get(uri.toString());
    if (known !== undefined) return known;
    // a view restored with the window, or opened by its URI: read the .docx
    const draft = await readSource(sourceUri(uri));
    this.texts.set(uri.toString(), draft.text);
    return draft.text;
  }

  /** Set a view's text (just read from its .docx); an open view with other text is refreshed. */
  update(uri: vscode.Uri, text: string): void {
    const key = uri.toString();
    const old = this.texts.get(key);
    this.texts.set(key, text);
    if (old !== undefined && old !== text) {
      this.published.delete(key);
      this.changed.fire(uri);
    }
  }

  forget(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
    this.published.delete(uri.toString());
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerDocx(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
  const views = new DocxViews();
  context.subscriptions.push(
    views,
    vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, views),
    vscode.languages.onDidChangeDiagnostics((e) => {
      for (const u of e.uris) if (u.scheme === DOCX_SCHEME) views.published.add(u.toString());
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.scheme === DOCX_SCHEME) views.forget(d.uri);
    }),
    vscode.commands.registerCommand('gongwen.reviewDocx', (uri?: unknown) => reviewCommand(views, uri, output)),
    vscode.commands.registerCommand('gongwen.writeReviewedDocx', (uri?: unknown) => writeCommand(views, uri, output)),
  );
}

function errorText(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split('\n')[0];
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** `gongwen.reviewDocx`: open the text of a .docx for checking. Returns the view's URI. */
async function reviewCommand(views: DocxViews, arg: unknown, output: vscode.LogOutputChannel): Promise<vscode.Uri | undefined> {
  let source = arg instanceof vscode.Uri ? arg : undefined;
  if (source?.scheme === DOCX_SCHEME) source = sourceUri(source);
  if (!source) {
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active?.scheme === DOCX_SCHEME) source = sourceUri(active);
  }
  if (!source) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      filters: { [vscode.l10n.t('Word document')]: ['docx', 'docm'] },
      openLabel: vscode.l10n.t('Review'),
      title: vscode.l10n.t('Review a Word document'),
    });
    source = picked?.[0];
  }
  if (!source) return undefined;

  let draft: DocxDraft;
  try {
    draft = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the Word document…') }, () =>
      readSource(source),
    );
  } catch (e) {
    output.error(`read ${source.toString()}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not read {0}: {1}', basename(source), errorText(e)));
    return undefined;
  }
  const view = viewUri(source);
  views.update(view, draft.text);
  let doc = await vscode.workspace.openTextDocument(view);
  if (doc.languageId !== 'plaintext') doc = await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
  await vscode.window.showTextDocument(doc, { preview: false });
  return view;
}

/** `gongwen.writeReviewedDocx`: write the reviewed copy of the .docx a view shows. Returns its URI. */
async function writeCommand(views: DocxViews, arg: unknown, output: vscode.LogOutputChannel): Promise<vscode.Uri | undefined> {
  let view: vscode.Uri | undefined;
  if (arg instanceof vscode.Uri) view = arg.scheme === DOCX_SCHEME ? arg : viewUri(arg);
  else if (vscode.window.activeTextEditor?.document.uri.scheme === DOCX_SCHEME) view = vscode.window.activeTextEditor.document.uri;
  if (!view) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Word document with "Review Word Document" first.'));
    return undefined;
  }
  const source = sourceUri(view);
  try {
    const doc = await vscode.workspace.openTextDocument(view);
    const diagnostics = await publishedDiagnostics(views, view);
    // The .docx as it is now: the comments go into this package, at the places its text map gives.
    const draft = await readSource(source);
    if (draft.text !== doc.getText()) {
      views.update(view, draft.text);
      void vscode.window.showWarningMessage(
        vscode.l10n.t('{0} has changed since it was opened. Its text has been reloaded and is being checked again: write the reviewed copy once the check is done.', basename(source)),
      );
      return undefined;
    }
    const plan = planReview(diagnostics, (p) => doc.offsetAt(new vscode.Position(p.line, p.character)), (start, end) => loadWord().editableIn(draft, start, end), draft.text);
    if (plan.items.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No findings in {0}: no reviewed copy written.', basename(source)));
      return undefined;
    }
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Writing the reviewed copy…') },
      () => loadWord().reviewDocxWithResult(draft, plan.items, {}),
    );
    const target = await writeBeside(source, result.bytes);
    const open = vscode.l10n.t('Open');
    const reveal = vscode.l10n.t('Reveal in File Explorer');
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t('Reviewed copy written to {0}: {1} comments, {2} tracked changes.', vscode.workspace.asRelativePath(target, false), result.comments, result.editsApplied),
        open,
        reveal,
      )
      .then((answer) => {
        if (answer === open) void vscode.env.openExternal(target);
        else if (answer === reveal) void vscode.commands.executeCommand('revealFileInOS', target);
      });
    output.info(`审校稿 ${target.toString()}：批注 ${result.comments} 条，修订 ${result.editsApplied} 处（另有 ${result.editsSkipped} 处修改未能写成修订，只留批注）`);
    return target;
  } catch (e) {
    output.error(`review ${source.toString()}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write the reviewed copy of {0}: {1}', basename(source), errorText(e)));
    return undefined;
  }
}

/** The diagnostics of a view once the server has published them for its current text (or after a wait). */
function publishedDiagnostics(views: DocxViews, view: vscode.Uri): Promise<readonly vscode.Diagnostic[]> {
  const key = view.toString();
  if (views.published.has(key)) return Promise.resolve(vscode.languages.getDiagnostics(view));
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
      resolve(vscode.languages.getDiagnostics(view));
    };
    const timer = setTimeout(done, DIAGNOSTICS_WAIT_MS);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) done();
    });
  });
}


/** Write `bytes` beside `source` as FILE-审校.docx (then -2, -3…): never over an existing file; a temporary file renamed, so a failure leaves nothing half-written. */
async function writeBeside(source: vscode.Uri, bytes: Uint8Array): Promise<vscode.Uri> {
  const dir = source.path.slice(0, source.path.lastIndexOf('/') + 1);
  const tmp = source.with({ path: `${dir}.${basename(source)}.${process.pid}.${Date.now()}.tmp` });
  await vscode.workspace.fs.writeFile(tmp, bytes);
  try {
    for (let attempt = 1; ; attempt++) {
      const target = source.with({ path: reviewedPath(source.path, attempt) });
      if (await exists(target)) continue;
      try {
        await vscode.workspace.fs.rename(tmp, target, { overwrite: false });
        return target;
      } catch (e) {
        // written by someone else in between: try the next name
        if (attempt < 1000 && (await exists(target))) continue;
        throw e;
      }
    }
  } catch (e) {
    await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
    throw e;
  }
}
