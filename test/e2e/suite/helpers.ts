// Helpers for the end-to-end suites that run inside VS Code's extension host.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'gongwen.gongwen';

/** The extension under test, activated. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (is --extensionDevelopmentPath the repo root?)`);
  await ext.activate();
  return ext;
}

/** The workspace folder the runner opened (a fresh temporary folder). */
export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open; the runner must open one');
  return folder.uri;
}

let counter = 0;

/** Write `text` to a new file in the workspace folder and return its URI. */
export async function writeFixture(name: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceFolder(), `${++counter}-${name}`);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return uri;
}

/** Write a fixture, open it in an editor and return the editor. */
export async function openDraft(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = await writeFixture(name, text);
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

export function gongwenDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'gongwen');
}

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  if (ds.length === 0) return '(none)';
  return ds
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} [${String(codeOf(d))}] ${d.message}`)
    .join('\n  ');
}

/**
 * Resolve with the gongwen diagnostics of `uri` once `predicate` holds.
 * Driven by `onDidChangeDiagnostics`; a slow poll is only a fallback against a
 * missed event. Rejects after `timeoutMs` with what was last seen.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 45000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      sub.dispose();
      clearInterval(poll);
      clearTimeout(timer);
      fn();
    };
    const check = () => {
      const ds = gongwenDiagnostics(uri);
      if (predicate(ds)) finish(() => resolve(ds));
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const poll = setInterval(check, 1000);
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new Error(
              `timed out after ${timeoutMs} ms waiting for ${what}; diagnostics now:\n  ${describeDiagnostics(gongwenDiagnostics(uri))}`,
            ),
          ),
        ),
      timeoutMs,
    );
    check();
  });
}

/** Resolve once the document's text satisfies `predicate` (edits are async). */
export function waitForText(
  doc: vscode.TextDocument,
  predicate: (text: string) => boolean,
  what: string,
  timeoutMs = 10000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      sub.dispose();
      clearTimeout(timer);
      fn();
    };
    const check = () => {
      if (predicate(doc.getText())) finish(() => resolve(doc.getText()));
    };
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc) check();
    });
    const timer = setTimeout(
      () => finish(() => reject(new Error(`timed out waiting for ${what}; text now:\n${doc.getText()}`))),
      timeoutMs,
    );
    check();
  });
}

/** Code actions VS Code's providers offer for `range` (optionally of one kind). */
export async function codeActions(
  uri: vscode.Uri,
  range: vscode.Range,
  kind?: vscode.CodeActionKind,
): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    kind?.value,
  );
  return actions ?? [];
}

export function lineOf(doc: vscode.TextDocument, needle: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(needle)) return i;
  assert.fail(`line containing ${JSON.stringify(needle)} not found in:\n${doc.getText()}`);
}

/**
 * Close all editors (keeps tests independent). Saves first: closing a dirty
 * editor would open a modal "save changes?" dialog and block the run. The
 * fixtures live in a throw-away workspace folder.
 */
export async function closeAllEditors(): Promise<void> {
  await vscode.workspace.saveAll(false);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
