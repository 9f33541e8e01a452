// Small helpers over VS Code's file system API, shared by the commands that
// write files next to the user's (export, the Word review).

import * as vscode from 'vscode';

/** Whether something exists at `uri`. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
